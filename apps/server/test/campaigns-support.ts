import ExcelJS from 'exceljs';
import type { CampaignDetail, FormIssues, Subject, SubjectCreate } from '@oko/shared';
import type { LightMyRequestResponse } from 'fastify';
import { PlatformFactory } from './factories.ts';
import type { Client, Harness } from './harness.ts';

/** Shared pieces of the campaign admin tests: a campaign with subjects, applications, materials, snapshots. */

export const WINDOW = { windowStart: '2027-04-01', windowEnd: '2027-05-20' } as const;

export const MATH_4: SubjectCreate = {
  code: 'МА',
  name: 'Математика',
  grade: 4,
  group: 'open',
  variants: 2,
  scale3: 6,
  scale4: 10,
  scale5: 15,
  resultsDeadline: '2027-05-25',
  tasks: ['1', '2', '3', '4', '5', '6', '7', '8', '9.1', '9.2', '10', '11'].map((number, i) => ({
    number,
    maxScore: i < 8 ? 2 : 1,
    difficulty: i < 9 ? 'Б' : 'П',
    plannedResult: `Умение ${i + 1}`,
  })),
};

export const HISTORY_5: SubjectCreate = {
  code: 'ИС',
  name: 'История',
  grade: 5,
  group: 'encrypted',
  variants: 4,
  scale3: 4,
  scale4: 8,
  scale5: 12,
  resultsDeadline: '2027-05-25',
  tasks: [
    { number: '1', maxScore: 2, difficulty: 'Б', plannedResult: 'Хронология' },
    { number: '2', maxScore: 3, difficulty: 'Б' },
    { number: '3', maxScore: 3, difficulty: 'П' },
    { number: '4К1', maxScore: 2, difficulty: 'П' },
    { number: '4К2', maxScore: 3, difficulty: 'В' },
  ],
};

export async function createCampaign(fed: Client, code: string, subjects: SubjectCreate[]) {
  const res = await fed.post('/api/campaigns', { code, title: `ВПР ${code}`, ...WINDOW });
  if (res.statusCode !== 201) throw new Error(`campaign: ${res.statusCode} ${res.body}`);
  const campaign = res.json() as CampaignDetail;
  const created: Subject[] = [];
  for (const s of subjects) {
    const r = await fed.post(`/api/campaigns/${campaign.id}/subjects`, s);
    if (r.statusCode !== 201) throw new Error(`subject: ${r.statusCode} ${r.body}`);
    created.push(r.json() as Subject);
  }
  return { campaign, subjects: created };
}

export const detail = async (c: Client, campaignId: string) =>
  (await c.get(`/api/campaigns/${campaignId}`)).json() as CampaignDetail;

/** A refused upload's issues as `sheet!cell: message`, to find the one a test expects. */
export function issuesOf(res: LightMyRequestResponse): { sheet: string; cell: string | null; message: string }[] {
  if (res.statusCode !== 400) throw new Error(`expected 400, got ${res.statusCode}: ${res.body}`);
  const body = res.json() as FormIssues;
  return body.error.issues.map((i) => ({ sheet: i.sheet, cell: i.cell, message: i.message }));
}

/** Materials generated for an ОО × subject: after this the subject's tasks and bank are frozen. */
export async function generateMaterials(h: Harness, subjectId: string, orgId: string): Promise<void> {
  const pf = new PlatformFactory(h.db);
  const pub = await pf.publication();
  const storage = await pf.storage(pub.id);
  const archive = await pf.file(storage.id, { orgId });
  const criteria = await pf.file(storage.id, { orgId });
  await h.db
    .insertInto('materials')
    .values({
      subject_id: subjectId,
      org_id: orgId,
      variants: JSON.stringify([[1, 1]]),
      archive_file_id: archive.id,
      criteria_file_id: criteria.id,
      password_sealed: null,
      generated_at: new Date('2026-11-20T06:00:00Z'),
    })
    .execute();
}

/** An application collection and the confirmed lines of some ОО, as the registration flow would leave them. */
export async function confirmApplications(
  h: Harness,
  confirmations: { orgId: string; lines: { grade: string; subject: string; participants: number | string }[] }[],
): Promise<string> {
  const collection = await new PlatformFactory(h.db).collection({ title: 'Заявки на ВПР' });
  await h.db.updateTable('collections').set({ purpose: 'application' }).where('id', '=', collection.id).execute();
  for (const c of confirmations) {
    await h.db
      .insertInto('application_confirmations')
      .values({
        collection_id: collection.id,
        org_id: c.orgId,
        version: 1,
        data: JSON.stringify({ application: c.lines.map((l) => ({ ...l, classes: 1 })) }),
        corrected: false,
        confirmed_at: new Date('2026-11-15T10:00:00Z'),
      })
      .execute();
  }
  return collection.id;
}

/** Loads a downloaded workbook, lets the test edit it as a user would in Excel, and saves it. */
export async function editBook(bytes: Buffer, edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The data rows of a sheet (from row 2) as arrays of cell values, up to the first empty row. */
export function dataRows(wb: ExcelJS.Workbook, sheet: string, width: number): ExcelJS.CellValue[][] {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const out: ExcelJS.CellValue[][] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const cells = Array.from({ length: width }, (_, c) => ws.getRow(r).getCell(c + 1).value);
    if (cells.every((v) => v === null || v === undefined || v === '')) break;
    out.push(cells);
  }
  return out;
}

export async function loadBook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Writes values into a row, starting at column 1. */
export function putRow(ws: ExcelJS.Worksheet, row: number, values: ExcelJS.CellValue[]): void {
  values.forEach((v, c) => {
    ws.getRow(row).getCell(c + 1).value = v;
  });
}
