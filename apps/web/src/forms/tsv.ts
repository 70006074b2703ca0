// The clipboard format of spreadsheets: Excel and LibreOffice copy a range as tab-separated text, one line per row,
// quoting a cell that holds a tab, a line break or a quote ("" inside quotes), and end the block with a line break.

/** Splits clipboard text into rows of cells. A final line break (Excel adds one) does not make an extra row. */
export function parseTsv(text: string): string[][] {
  if (text === '') return [];
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  let cellStart = true;
  while (i < n || cellStart) {
    if (i >= n) {
      // an empty last cell after a tab, or an empty text
      row.push('');
      break;
    }
    let cell: string;
    const quoted = text[i] === '"' ? readQuoted(text, i) : null;
    if (quoted) {
      cell = quoted.value;
      i = quoted.end;
      // anything between the closing quote and the next separator is kept as typed
      while (i < n && text[i] !== '\t' && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
    } else {
      let j = i;
      while (j < n && text[j] !== '\t' && text[j] !== '\n' && text[j] !== '\r') j++;
      cell = text.slice(i, j);
      i = j;
    }
    row.push(cell);
    cellStart = false;
    if (i >= n) break;
    if (text[i] === '\t') {
      i++;
      cellStart = true;
      continue;
    }
    // a line break: \r\n, \n or a lone \r
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else i++;
    rows.push(row);
    row = [];
    cellStart = i < n;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** A cell that starts with a quote and has a closing quote; null when the quote is just a character. */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += ch;
    i++;
  }
  return null;
}

function quote(cell: string): string {
  return /[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows of cells as clipboard text that Excel and LibreOffice paste cell by cell. */
export function toTsv(rows: string[][]): string {
  return rows.map((r) => r.map(quote).join('\t')).join('\r\n');
}
