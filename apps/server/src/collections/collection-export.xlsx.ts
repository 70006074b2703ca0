import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  isEmptyRow,
  MOSCOW_ZONE,
  ROW_KEY,
  wallClockText,
  type CellValue,
  type FormRow,
  type FormTemplate,
  type SheetDef,
} from '@oko/shared';
import { neutralizeFormula } from '../forms/xlsx-safety.ts';
import type { ExportRow } from './collection-export.repository.ts';

/** The columns every sheet of the export starts with, as the real system names them. */
export const EXPORT_PREFIX = ['Пользователь', 'Код региона', 'Регион', 'Муниципалитет', 'Школа', 'Дата загрузки'];

/** «27.08.2021 13:56» in Moscow time, the time every coordinator's report uses. */
export const moscowDateTime = (d: Date) => wallClockText(d, MOSCOW_ZONE);

const text = (s: string) => neutralizeFormula(s);
const cell = (v: CellValue | undefined): string | number | null =>
  v === null || v === undefined ? null : typeof v === 'number' ? v : text(v);

/** One batch of rows at a time, for a whole sheet: the caller pulls batches from the database. */
export type BatchSource = (sheet: SheetDef) => AsyncIterable<ExportRow[]>;

/**
 * Writes the export workbook into `out` with exceljs' streaming writer: sheet by sheet, each row
 * committed as soon as it is built, so memory holds one batch, never the workbook. A sheet is
 * finished before the next begins (the ZIP inside an XLSX is written entry after entry).
 */
export async function writeExportWorkbook(
  out: Writable,
  template: FormTemplate,
  batches: BatchSource,
  onBatch: (rows: number) => Promise<void>,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'ОКО';
  for (const sheet of template.sheets) {
    const ws = wb.addWorksheet(sheet.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    const fixed = sheet.rows.mode === 'fixed' ? sheet.rows : null;
    const header = [...EXPORT_PREFIX, ...(fixed ? [fixed.labelTitle] : []), ...sheet.columns.map((c) => c.title)];
    ws.columns = header.map((h, i) => ({
      width: i < EXPORT_PREFIX.length ? [14, 8, 24, 28, 40, 17][i] : Math.min(40, Math.max(10, h.length + 2)),
    }));
    const head = ws.addRow(header);
    head.font = { bold: true };
    head.commit();
    for await (const batch of batches(sheet)) {
      for (const r of batch) {
        const prefix = [
          text(r.login ?? ''),
          r.region_code,
          text(r.region_name),
          text(r.municipality),
          text(r.name),
          moscowDateTime(new Date(r.submitted_at)),
        ];
        const rows = Array.isArray(r.rows) ? (r.rows as FormRow[]) : [];
        if (fixed) {
          const byKey = new Map(rows.map((row) => [row[ROW_KEY], row]));
          for (const fr of fixed.rows) {
            const row = byKey.get(fr.key);
            ws.addRow([...prefix, text(fr.label), ...sheet.columns.map((c) => cell(row?.[c.key]))]).commit();
          }
        } else {
          for (const row of rows) {
            if (isEmptyRow(sheet, row)) continue;
            ws.addRow([...prefix, ...sheet.columns.map((c) => cell(row[c.key]))]).commit();
          }
        }
      }
      await onBatch(batch.length);
    }
    await ws.commit();
  }
  await wb.commit();
}
