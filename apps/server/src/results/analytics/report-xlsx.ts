import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { MOSCOW_ZONE, wallClockText, type ReportCell, type ReportRow, type ReportTable } from '@oko/shared';
import { neutralizeFormula } from '../../forms/xlsx-safety.ts';

/** DOMAIN.md «Analytics»: R1 report name, R3–R6 titles, R7 difficulties, R8 header, data from R9. */
export const DIFFICULTY_ROW = 7;
export const HEADER_ROW = 8;
export const FIRST_DATA_ROW = 9;
export const PERCENT_FORMAT = '0.00';
export const COMPUTED_AT_TITLE = 'Данные рассчитаны:';

export type ReportFrame = Pick<ReportTable, 'title' | 'heading' | 'subjectName' | 'maxScore' | 'date' | 'computedAt'>;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Excel refuses these in a sheet name; the contract's names never hold them, a subject code typed oddly might. */
export const safeSheetName = (name: string): string => name.replace(/[\\/*?:[\]]/g, ' ').slice(0, 31);

/** Names, labels and planned results come from uploads: text that could start a formula stays text. */
export const xlsxCell = (v: ReportCell | undefined): string | number | null =>
  v === undefined || v === null ? null : typeof v === 'string' ? neutralizeFormula(v) : v;

/**
 * Widths from the header and the first rows: a label column as wide as its labels (up to 60), a number column
 * about as wide as the longest word of its wrapped header.
 */
export function columnWidths(header: readonly string[], rows: readonly ReportRow[]): number[] {
  const sample = rows.slice(0, 500);
  return header.map((h, c) => {
    const longestWord = Math.max(...h.split(/\s+/).map((w) => w.length));
    const longestCell = Math.max(0, ...sample.map((r) => String(r.cells[c] ?? '').length));
    return Math.min(60, Math.max(8, longestWord + 2, Math.ceil(h.length / 3), longestCell + 2));
  });
}

/**
 * R1–R8 of a report sheet. Works on the streaming writer too: every row is committed once written. The moment the
 * aggregates were computed goes beside the date in R6, leaving columns A–B as the real layout has them.
 */
export function writeReportFrame(
  ws: ExcelJS.Worksheet,
  frame: ReportFrame,
  difficultyRow: readonly (string | null)[] | null,
  header: readonly string[],
): void {
  const computed = `${wallClockText(new Date(frame.computedAt), MOSCOW_ZONE)} МСК`;
  const title = ws.addRow([xlsxCell(frame.title)]);
  title.font = { bold: true, size: 14 };
  title.commit();
  ws.addRow([]).commit();
  const heading = ws.addRow([xlsxCell(frame.heading)]);
  heading.font = { bold: true };
  heading.commit();
  ws.addRow(['Предмет:', xlsxCell(frame.subjectName)]).commit();
  ws.addRow(['Максимальный первичный балл:', frame.maxScore]).commit();
  ws.addRow(['Дата:', xlsxCell(frame.date), COMPUTED_AT_TITLE, computed]).commit();
  const difficulty = ws.addRow(difficultyRow ? difficultyRow.map((c) => xlsxCell(c)) : []);
  difficulty.eachCell((cell) => {
    cell.alignment = { horizontal: 'center' };
    cell.font = { bold: true };
  });
  difficulty.commit();
  const head = ws.addRow(header.map((h) => xlsxCell(h)));
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = THIN;
  });
  head.commit();
}

/** One data row: percentages as numbers shown with two decimals, level and group rows bold. */
export function writeReportRow(
  ws: ExcelJS.Worksheet,
  row: ReportRow,
  percentColumns: ReadonlySet<number>,
  widths: readonly number[],
): void {
  const added = ws.addRow(row.cells.map((c) => xlsxCell(c)));
  const bold = row.kind !== 'data';
  added.eachCell((cell, col) => {
    if (bold) cell.font = { bold: true };
    if (percentColumns.has(col - 1) && typeof cell.value === 'number') cell.numFmt = PERCENT_FORMAT;
    else if (typeof cell.value === 'string' && cell.value.length > (widths[col - 1] ?? 60)) {
      cell.alignment = { wrapText: true, vertical: 'top' };
    }
  });
  added.commit();
}

export function newReportSheet(wb: ExcelJS.Workbook, sheetName: string, widths: readonly number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  ws.columns = widths.map((width) => ({ width }));
  return ws;
}

/**
 * A report as its XLSX, streamed into `out`: rows are committed as they are written, so a table of every ОО of the
 * country costs the size of the file, not of a workbook model.
 */
export async function streamReportXlsx(table: ReportTable, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'ОКО';
  const widths = columnWidths(table.header, table.rows);
  const ws = newReportSheet(wb, table.sheetName, widths);
  writeReportFrame(ws, table, table.difficultyRow, table.header);
  const percent = new Set(table.percentColumns);
  for (const row of table.rows) writeReportRow(ws, row, percent, widths);
  ws.commit();
  await wb.commit();
}

export async function writeReportXlsx(table: ReportTable): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await streamReportXlsx(table, out);
  await ended;
  return Buffer.concat(chunks);
}
