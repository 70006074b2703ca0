import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import type { MaterialsGroup } from '@oko/shared';
import type { Harness } from './harness.ts';

/** Every Russian time zone, west to east, with its UTC offset in hours. */
export const RUSSIAN_ZONES: [string, number][] = [
  ['Europe/Kaliningrad', 2],
  ['Europe/Moscow', 3],
  ['Europe/Samara', 4],
  ['Asia/Yekaterinburg', 5],
  ['Asia/Omsk', 6],
  ['Asia/Krasnoyarsk', 7],
  ['Asia/Irkutsk', 8],
  ['Asia/Yakutsk', 9],
  ['Asia/Vladivostok', 10],
  ['Asia/Magadan', 11],
  ['Asia/Kamchatka', 12],
];

export const TEST_DATE = '2026-12-10';

/** A campaign with one subject, its tasks and a bank of `itemsPerTask` items per position. */
export async function materialsCampaign(
  h: Harness,
  v: { group?: MaterialsGroup; tasks?: number; itemsPerTask?: number; variants?: number; code?: string } = {},
) {
  const campaign = await h.db
    .insertInto('campaigns')
    .values({
      code: `vpr-${Math.random().toString(36).slice(2, 8)}`,
      title: 'ВПР 2027',
      window_start: '2026-11-01',
      window_end: '2026-12-31',
    })
    .returning(['id', 'title'])
    .executeTakeFirstOrThrow();
  const group = v.group ?? 'encrypted';
  const tasks = v.tasks ?? 4;
  const subject = await h.db
    .insertInto('subjects')
    .values({
      campaign_id: campaign.id,
      code: v.code ?? (group === 'encrypted' ? 'ИС' : 'МА'),
      name: group === 'encrypted' ? 'История' : 'Математика',
      grade: group === 'encrypted' ? 6 : 4,
      materials_group: group,
      variants: v.variants ?? 2,
      max_score: tasks * 2,
      scale_3: 1,
      scale_4: 2,
      scale_5: 3,
      results_deadline: '2026-12-20',
    })
    .returning(['id', 'code', 'name', 'grade'])
    .executeTakeFirstOrThrow();
  await h.db
    .insertInto('subject_tasks')
    .values(
      Array.from({ length: tasks }, (_, i) => ({
        subject_id: subject.id,
        position: i + 1,
        number: String(i + 1),
        max_score: 2,
        difficulty: 'Б' as const,
        planned_result: `Умение ${i + 1}`,
      })),
    )
    .execute();
  const items = v.itemsPerTask ?? 3;
  await h.db
    .insertInto('bank_items')
    .values(
      Array.from({ length: tasks * items }, (_, k) => {
        const position = Math.floor(k / items) + 1;
        const itemNo = (k % items) + 1;
        return {
          subject_id: subject.id,
          position,
          item_no: itemNo,
          text: `Задание ${position}, вариант банка ${itemNo}: прочитайте текст и ответьте на вопрос.`,
          answer: `Ответ ${position}.${itemNo}`,
          criteria: `2 балла — ответ ${position}.${itemNo}; 0 баллов — иначе`,
        };
      }),
    )
    .execute();
  return { campaign, subject };
}

/** Puts ОО on the plan-schedule of a subject. */
export async function schedule(h: Harness, campaignId: string, subjectId: string, orgIds: string[], date = TEST_DATE) {
  await h.db
    .insertInto('schedule_entries')
    .values(
      orgIds.map((orgId) => ({
        campaign_id: campaignId,
        subject_id: subjectId,
        org_id: orgId,
        test_date: date,
        chosen_at: new Date(),
      })),
    )
    .execute();
}

/** The entries of a ZIP as text, opened with the password when given; throws on a wrong one. */
export async function unzip(zip: Buffer, password?: string): Promise<Map<string, Buffer>> {
  const reader = new ZipReader(new Uint8ArrayReader(zip), { useWebWorkers: false, ...(password ? { password } : {}) });
  const out = new Map<string, Buffer>();
  for (const e of await reader.getEntries()) {
    if (!e.directory) out.set(e.filename, Buffer.from(await e.getData!(new Uint8ArrayWriter())));
  }
  await reader.close();
  return out;
}
