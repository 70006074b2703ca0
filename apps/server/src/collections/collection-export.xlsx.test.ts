import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportRow } from './collection-export.repository.ts';
import { EXPORT_PREFIX, writeExportWorkbook } from './collection-export.xlsx.ts';
import { OO_QUESTIONNAIRE_TEMPLATE as T } from './templates/oo-questionnaire.ts';

/** A batch row as the repository returns it; the same rows stand for every sheet (others ignore them). */
const row = (code: string, rows: Record<string, unknown>): ExportRow => ({
  code,
  login: `sch${code}`,
  region_code: '39',
  region_name: 'Калининградская область',
  municipality: '=HYPERLINK("http://evil")',
  name: `Школа ${code}`,
  submitted_at: new Date('2026-11-20T10:30:00Z'),
  rows: rows[code] ?? [],
});

async function build(batches: ExportRow[][]): Promise<ExcelJS.Workbook> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const seen: number[] = [];
  await writeExportWorkbook(
    out,
    T,
    async function* () {
      for (const b of batches) yield b;
    },
    async (n) => {
      seen.push(n);
    },
  );
  expect(seen).toEqual(T.sheets.flatMap(() => batches.map((b) => b.length)));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return wb;
}

const values = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

describe('the export workbook', () => {
  it('has a sheet per template sheet, the prefix columns, one row per fixed row and per filled free row', async () => {
    const grades = { '390001': [{ _row: 'g5', classes: 2, students: 50 }] };
    const teachers = {
      '390002': [
        { subject: '=1+1', experience: 3, category: 'Первая' },
        { subject: null, experience: null },
      ],
    };
    const wb = await build([[row('390001', grades), row('390002', teachers)], [row('390003', {})]]);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Общие сведения', 'Параллели', 'Учителя']);

    const g = wb.getWorksheet('Параллели')!;
    expect(values(g, 1)).toEqual([...EXPORT_PREFIX, 'Параллель', 'Классов', 'Обучающихся', 'Из них с ОВЗ']);
    // three ОО × eight parallels
    expect(g.actualRowCount).toBe(1 + 3 * 8);
    expect(values(g, 3)).toEqual([
      'sch390001',
      '39',
      'Калининградская область',
      `'=HYPERLINK("http://evil")`,
      'Школа 390001',
      '20.11.2026 13:30',
      '5 класс',
      2,
      50,
    ]);
    expect(values(g, 2).slice(6)).toEqual(['4 класс']);

    const t = wb.getWorksheet('Учителя')!;
    expect(t.actualRowCount).toBe(2);
    expect(values(t, 2).slice(4)).toEqual(['Школа 390002', '20.11.2026 13:30', "'=1+1", 3, 'Первая']);
  });
});
