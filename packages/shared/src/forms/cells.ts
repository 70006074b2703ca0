import type { SheetDef } from './template.ts';

/**
 * The XLSX layout shared by the writer, the reader and every FormIssue: row 1 is the header, data starts at
 * row 2; a fixed sheet spends column A on its read-only labels, so its template columns start at B.
 */
export const HEADER_ROW = 1;
export const FIRST_DATA_ROW = 2;

/** 0 → A, 25 → Z, 26 → AA, 701 → ZZ, 702 → AAA. */
export function columnLetter(index0: number): string {
  if (!Number.isInteger(index0) || index0 < 0) throw new Error(`номер столбца должен быть целым ≥ 0: ${index0}`);
  let n = index0 + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** (2, 7) → "C7": 0-based column, 1-based row as Excel shows it. */
export function cellAddress(colIndex0: number, row1: number): string {
  return `${columnLetter(colIndex0)}${row1}`;
}

/** How many XLSX columns precede the template columns: the label column of a fixed sheet. */
export function labelColumnCount(sheet: SheetDef): number {
  return sheet.rows.mode === 'fixed' ? 1 : 0;
}

/** 0-based XLSX column of a template column. */
export function dataColumnIndex(sheet: SheetDef, columnKey: string): number {
  const i = sheet.columns.findIndex((c) => c.key === columnKey);
  if (i < 0) throw new Error(`на листе ${sheet.key} нет столбца ${columnKey}`);
  return labelColumnCount(sheet) + i;
}

/** The worksheet row that shows data row `rowIndex0` (0-based position in FormData). */
export function dataRowNumber(rowIndex0: number): number {
  return FIRST_DATA_ROW + rowIndex0;
}

/** The header titles of a sheet as they appear in row 1, label column included. */
export function headerTitles(sheet: SheetDef): string[] {
  const titles = sheet.columns.map((c) => c.title);
  return sheet.rows.mode === 'fixed' ? [sheet.rows.labelTitle, ...titles] : titles;
}

/** "A" → 0, "AA" → 26: the inverse of columnLetter. */
export function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
