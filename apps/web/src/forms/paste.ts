// A block pasted from Excel or LibreOffice lands cell by cell from the active cell, read with the same rules as
// typing; what cannot land (read-only cells, columns past the sheet, rows past a fixed sheet or a free sheet's
// maximum) is skipped and told in one notice.
import type { FormRow, FormTemplate, SheetDef } from '@oko/shared';
import { plural } from '../format';
import { cellText, inputValue, maxRows, type CellEdit, type GridColumn } from './sheet-model';
import type { CellPos, Range } from './selection';

export interface PasteOutcome {
  edits: CellEdit[];
  /** the area that received the block, to select it afterwards */
  area: Range;
  /** what was skipped, in Russian; empty when everything landed */
  notices: string[];
}

/**
 * Where the cells of `block` go. A single copied value pasted over a selected range fills the whole range, as in
 * Excel.
 */
export function planPaste(
  template: FormTemplate,
  sheet: SheetDef,
  columns: GridColumn[],
  rows: readonly FormRow[],
  start: CellPos,
  block: string[][],
  selected?: Range,
): PasteOutcome {
  const single = block.length === 1 && block[0]!.length === 1;
  if (single && selected && (selected.bottom > selected.top || selected.right > selected.left)) {
    const value = block[0]![0]!;
    const height = selected.bottom - selected.top + 1;
    const width = selected.right - selected.left + 1;
    block = Array.from({ length: height }, () => Array.from({ length: width }, () => value));
    start = { r: selected.top, c: selected.left };
  }
  const limit = maxRows(sheet);
  const lastRow = sheet.rows.mode === 'fixed' ? rows.length - 1 : limit - 1;
  const edits: CellEdit[] = [];
  const notices: string[] = [];
  const readOnlyHit = new Set<string>();
  let rowsCut = 0;
  let colsCut = 0;
  let bottom = start.r;
  let right = start.c;
  block.forEach((cells, i) => {
    const r = start.r + i;
    if (r > lastRow) {
      rowsCut++;
      return;
    }
    bottom = Math.max(bottom, r);
    cells.forEach((text, j) => {
      const c = start.c + j;
      const col = columns[c];
      if (!col) {
        colsCut = Math.max(colsCut, cells.length - j);
        return;
      }
      right = Math.max(right, c);
      if (col.readOnly) {
        // a copied label or computed value that equals what is shown is not worth a notice
        if (text.trim() !== cellText(sheet, col, rows[r], r).trim()) readOnlyHit.add(col.title);
        return;
      }
      edits.push({ r, key: col.key, value: inputValue(col, text, template.dictionaries) });
    });
  });
  if (readOnlyHit.size > 0) {
    const titles = [...readOnlyHit].map((t) => `«${t}»`).join(', ');
    notices.push(`Столбцы только для чтения не изменены: ${titles}.`);
  }
  if (colsCut > 0) {
    notices.push(
      `${colsCut} ${plural(colsCut, 'столбец', 'столбца', 'столбцов')} справа не ${colsCut === 1 ? 'поместился' : 'поместились'} на лист и ${colsCut === 1 ? 'пропущен' : 'пропущены'}.`,
    );
  }
  if (rowsCut > 0) {
    const rowsWord = plural(rowsCut, 'строка', 'строки', 'строк');
    notices.push(
      sheet.rows.mode === 'fixed'
        ? `${rowsCut} ${rowsWord} снизу не ${rowsCut === 1 ? 'вставлена' : 'вставлены'}: на листе «${sheet.title}» ${limit} ${plural(limit, 'строка', 'строки', 'строк')}.`
        : `${rowsCut} ${rowsWord} снизу не ${rowsCut === 1 ? 'вставлена' : 'вставлены'}: на листе «${sheet.title}» не больше ${limit} ${plural(limit, 'строки', 'строк', 'строк')}.`,
    );
  }
  return { edits, area: { top: start.r, left: start.c, bottom, right }, notices };
}

/** Rows of cells to copy (the label column and read-only values included, as shown). */
export function copyBlock(range: Range, text: (r: number, c: number) => string, rows: readonly FormRow[]): string[][] {
  const out: string[][] = [];
  for (let r = range.top; r <= Math.min(range.bottom, rows.length - 1); r++) {
    const line: string[] = [];
    for (let c = range.left; c <= range.right; c++) line.push(text(r, c));
    out.push(line);
  }
  return out;
}
