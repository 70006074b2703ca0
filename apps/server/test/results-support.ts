import ExcelJS from 'exceljs';
import type { Client, Harness } from './harness.ts';
import { multipartFile } from './collections-support.ts';

export const RESULTS_TEST_DATE = '2026-12-10';
export const RESULTS_DEADLINE = '2026-12-15';

/**
 * A campaign with one subject shaped like Русский язык 4: tasks 1 (2б), 2К1 (3б), 2К2 (2б, depends on 2К1),
 * 3 (1б, difficulty П), scale 3 from 3, 4 from 5, 5 from 7 (max 8); two variants.
 */
export async function resultsCampaign(h: Harness, code = 'РУ') {
  const campaign = await h.db
    .insertInto('campaigns')
    .values({
      code: `vpr-${Math.random().toString(36).slice(2, 8)}`,
      title: 'ВПР 2026',
      window_start: '2026-11-01',
      window_end: '2026-12-31',
    })
    .returning(['id', 'title'])
    .executeTakeFirstOrThrow();
  const subject = await h.db
    .insertInto('subjects')
    .values({
      campaign_id: campaign.id,
      code,
      name: 'Русский язык',
      grade: 4,
      materials_group: 'open',
      variants: 2,
      max_score: 8,
      scale_3: 3,
      scale_4: 5,
      scale_5: 7,
      results_deadline: RESULTS_DEADLINE,
    })
    .returning(['id', 'code', 'name', 'grade'])
    .executeTakeFirstOrThrow();
  const tasks = [
    { number: '1', max: 2, difficulty: 'Б' as const, dependsOn: null },
    { number: '2К1', max: 3, difficulty: 'Б' as const, dependsOn: null },
    { number: '2К2', max: 2, difficulty: 'Б' as const, dependsOn: '2К1' },
    { number: '3', max: 1, difficulty: 'П' as const, dependsOn: null },
  ];
  await h.db
    .insertInto('subject_tasks')
    .values(
      tasks.map((t, i) => ({
        subject_id: subject.id,
        position: i + 1,
        number: t.number,
        max_score: t.max,
        difficulty: t.difficulty,
        planned_result: `Умение ${t.number}`,
        depends_on: t.dependsOn,
      })),
    )
    .execute();
  return { campaign, subject };
}

/** Participant codes of one ОО for grade 4: 40001…4000n. */
export async function issueCodes(h: Harness, campaignId: string, orgId: string, n: number, grade = 4) {
  await h.db
    .insertInto('participant_codes')
    .values(
      Array.from({ length: n }, (_, i) => ({
        campaign_id: campaignId,
        org_id: orgId,
        grade,
        code: `${grade}${String(i + 1).padStart(4, '0')}`,
        reserve: false,
      })),
    )
    .execute();
}

export type Cell = string | number | null;

/** The downloaded blank with these rows typed into «Протокол» from row 2, as a teacher would. */
export async function filledForm(blank: Buffer, rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(blank as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('Протокол')!;
  rows.forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 2, c + 1).value = v;
    }),
  );
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export const uploadResults = (c: Client, subjectId: string, bytes: Buffer) =>
  c.request({
    method: 'POST',
    url: `/api/vpr/results/${subjectId}/upload`,
    ...multipartFile(bytes, 'результаты.xlsx'),
  });
