import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { Client, Harness } from './harness.ts';
import { multipartFile } from './collections-support.ts';

/**
 * A region for the registration tests: 39 with municipalities 001 (three active schools, a closed one,
 * a college) and 002 (one school, no coordinator); 77 with one school. Codes are fixed so the expected
 * new codes are known: the highest school number of 39 is 0005, the college is 0101.
 */
export async function registrationWorld(h: Harness) {
  const db = h.db;
  const mA = await h.factory.municipality('39', { code: '001', name: 'Городской округ Альфа' });
  const mB = await h.factory.municipality('39', { code: '002', name: 'Округ Бета' });
  const mF = await h.factory.municipality('77', { code: '001', name: 'ЧУЖОЙ округ' });
  const org = async (
    code: string,
    m: { id: string; region_code: string },
    name: string,
    v: { kind?: 'school' | 'college'; status?: 'active' | 'closed' } = {},
  ) =>
    db
      .insertInto('orgs')
      .values({
        region_code: m.region_code,
        municipality_id: m.id,
        code,
        kind: v.kind ?? 'school',
        full_name: `${name} (полное наименование)`,
        short_name: name,
        status: v.status ?? 'active',
      })
      .returning(['id', 'code', 'municipality_id', 'region_code', 'kind'])
      .executeTakeFirstOrThrow();
  const a1 = await org('390001', mA, 'Школа Альфа-1');
  const a2 = await org('390002', mA, 'Школа Альфа-2');
  const a3 = await org('390003', mA, 'Школа Альфа-3');
  const aClosed = await org('390004', mA, 'Школа Альфа закрытая', { status: 'closed' });
  const b1 = await org('390005', mB, 'Школа Бета-1');
  const college = await org('390101', mA, 'Колледж Альфа', { kind: 'college' });
  const sF = await org('770001', mF, 'ЧУЖАЯ школа');
  const f = h.factory;
  const users = {
    reg39: await f.regionCoordinator('39'),
    munA: await f.municipalCoordinator(mA),
    reg77: await f.regionCoordinator('77'),
    a1: await f.orgAccount(a1),
    a2: await f.orgAccount(a2),
    a3: await f.orgAccount(a3),
    b1: await f.orgAccount(b1),
    college: await f.orgAccount(college),
    sF: await f.orgAccount(sF),
  };
  return { mA, mB, mF, a1, a2, a3, aClosed, b1, college, sF, users };
}
export type RegistrationWorld = Awaited<ReturnType<typeof registrationWorld>>;

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function download(c: Client, url: string): Promise<Buffer> {
  const res = await c.get(url);
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
  return res.rawPayload;
}

export const upload = (c: Client, url: string, bytes: Buffer): Promise<LightMyRequestResponse> =>
  c.request({ method: 'POST', url, ...multipartFile(bytes) });

/** A sheet of a downloaded workbook as rows of cell texts (row 1 is the header). */
export async function sheetRows(bytes: Buffer, sheet: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const out: string[][] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : String(v));
    }
    if (cells.some((x) => x !== '')) out.push(cells);
  });
  return out;
}

/** Opens a downloaded workbook, lets the test edit one sheet as a user would, and saves it. */
export async function editSheet(
  bytes: Buffer,
  sheet: string,
  edit: (ws: ExcelJS.Worksheet, header: string[]) => void,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const header: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (header[col - 1] = String(cell.value ?? '')));
  edit(ws, header);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The 1-based column of a header title. */
export function col(header: string[], title: string): number {
  const i = header.indexOf(title);
  if (i < 0) throw new Error(`no column ${title} in ${header.join(' | ')}`);
  return i + 1;
}

/** The worksheet row whose cell in `column` equals `value`. */
export function rowWith(ws: ExcelJS.Worksheet, column: number, value: string): number {
  for (let r = 2; r <= ws.rowCount; r++) {
    if (String(ws.getRow(r).getCell(column).value ?? '') === value) return r;
  }
  throw new Error(`no row with ${value}`);
}

/** The first row after the data (every cell of the first columns empty). */
export function firstEmptyRow(ws: ExcelJS.Worksheet, columns = 4): number {
  for (let r = 2; ; r++) {
    const row = ws.getRow(r);
    let empty = true;
    for (let c = 1; c <= columns; c++)
      if (row.getCell(c).value !== null && row.getCell(c).value !== undefined) empty = false;
    if (empty) return r;
  }
}
