import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormData, FormRow, FormTemplate, Job, JobStarted, Monitor, NotificationList } from '@oko/shared';
import { EXPORT_PREFIX } from '../src/collections/collection-export.xlsx.ts';
import { OO_QUESTIONNAIRE_TEMPLATE as T } from '../src/collections/templates/oo-questionnaire.ts';
import { sampleQuestionnaireData } from '../src/demo/seed-collections.ts';
import { startHarness, type Client, type Harness } from './harness.ts';
import { as, collectionWorld, put, submit, type CollectionWorld } from './collections-support.ts';

let h: Harness;
let w: CollectionWorld;
let injected: { id: string; login: string };
let reg: Client;

/** Saves (and submits) data as the ОО would; returns the version reached. */
async function fill(login: string, data: FormData, opts: { submit?: boolean; from?: number } = {}) {
  const c = await as(h, login);
  const saved = await put(c, w.collectionId, data, opts.from ?? 0);
  expect(saved.statusCode, saved.body).toBe(200);
  const { version } = saved.json() as { version: number };
  if (opts.submit) expect((await submit(c, w.collectionId, version)).statusCode).toBe(200);
  return version;
}

beforeAll(async () => {
  h = await startHarness();
  w = await collectionWorld(h);
  // a name a spreadsheet would run as a formula: the export must neutralize it
  const org = await h.factory.org({ municipalityId: w.mA.id, regionCode: '39', name: '=1+1' });
  injected = { id: org.id, login: (await h.factory.orgAccount(org)).login };

  await fill(w.users.s1.login, { general: [{ _row: 'oo', students: 300 }] }); // in progress
  const first = await fill(w.users.s2.login, sampleQuestionnaireData(2), { submit: true });
  const changed = sampleQuestionnaireData(2);
  changed.general![0]!.computers = 99;
  changed.teachers!.push({ subject: 'Физика', experience: 30, category: 'Высшая' });
  h.clock.set('2026-11-21T09:15:00Z');
  // edited and submitted again: still «Сдано», and the export shows this last version
  await fill(w.users.s2.login, changed, { submit: true, from: first });
  h.clock.set('2026-11-20T06:00:00Z');
  await fill(injected.login, sampleQuestionnaireData(5), { submit: true });
  await fill(w.users.sF.login, sampleQuestionnaireData(7), { submit: true });
  // the closed school had submitted before it closed: it must not count on either side
  await h.db
    .insertInto('form_entries')
    .values({
      collection_id: w.collectionId,
      org_id: w.closed.id,
      data: JSON.stringify(sampleQuestionnaireData(9)),
      started_at: new Date('2026-11-02T00:00:00Z'),
      updated_at: new Date('2026-11-02T00:00:00Z'),
      submitted_at: new Date('2026-11-02T00:00:00Z'),
    })
    .execute();
  await h.db
    .insertInto('form_submissions')
    .values({
      collection_id: w.collectionId,
      org_id: w.closed.id,
      number: 1,
      data: JSON.stringify(sampleQuestionnaireData(9)),
      source: 'online',
      submitted_at: new Date('2026-11-02T00:00:00Z'),
    })
    .execute();
  reg = await as(h, w.users.reg39.login);
});
afterAll(() => h.close());

const monitorOf = async (c: Client, query = '') => {
  const res = await c.get(`/api/collections/${w.collectionId}/monitor${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Monitor;
};

describe('monitoring', () => {
  it('counts the active ОО of the scope in each state; closed and foreign ОО are on neither side', async () => {
    const m = await monitorOf(reg);
    expect(m.counts).toEqual({ total: 4, notStarted: 1, inProgress: 1, submitted: 2 });
    expect(m.rows.map((r) => [r.login, r.state])).toEqual([
      [w.users.s1.login, 'in_progress'],
      [w.users.s2.login, 'submitted'],
      [injected.login, 'submitted'],
      [w.users.s3.login, 'not_started'],
    ]);
    expect(JSON.stringify(m)).not.toMatch(/ЧУЖ|закрытая|sch77/);
    const s2 = m.rows.find((r) => r.login === w.users.s2.login)!;
    expect(s2).toMatchObject({
      orgId: w.s2.id,
      name: 'Школа вторая',
      municipality: 'Муниципалитет А',
      startedAt: '2026-11-20T06:00:00.000Z',
      submittedAt: '2026-11-21T09:15:00.000Z',
    });
    expect(m.rows.find((r) => r.login === w.users.s3.login)).toMatchObject({ startedAt: null, submittedAt: null });
  });

  it('narrows the scope for a municipal coordinator and widens it for the federal level', async () => {
    const mun = await monitorOf(await as(h, w.users.munA.login));
    expect(mun.counts).toEqual({ total: 3, notStarted: 0, inProgress: 1, submitted: 2 });
    const fed = await h.factory.federal();
    const all = await monitorOf(await as(h, fed.login));
    expect(all.counts).toEqual({ total: 5, notStarted: 1, inProgress: 1, submitted: 3 });
    const reg77 = await monitorOf(await as(h, w.users.reg77.login));
    expect(reg77.counts).toEqual({ total: 1, notStarted: 0, inProgress: 0, submitted: 1 });
    expect(reg77.rows.map((r) => r.login)).toEqual([w.users.sF.login]);
  });

  it('filters and pages the list but never the counts', async () => {
    const submitted = await monitorOf(reg, '?state=submitted');
    expect(submitted.rows.map((r) => r.login)).toEqual([w.users.s2.login, injected.login]);
    expect(submitted.counts.total).toBe(4);
    const byLogin = await monitorOf(reg, `?q=${w.users.s3.login.slice(-4)}`);
    expect(byLogin.rows.map((r) => r.login)).toEqual([w.users.s3.login]);
    const byName = await monitorOf(reg, `?q=${encodeURIComponent('вторая')}`);
    expect(byName.rows.map((r) => r.login)).toEqual([w.users.s2.login]);
    const inB = await monitorOf(reg, `?municipalityId=${w.mB.id}`);
    expect(inB.rows.map((r) => r.login)).toEqual([w.users.s3.login]);
    const paged = await monitorOf(reg, '?page=2&pageSize=1');
    expect([paged.rows.map((r) => r.login), paged.matched, paged.page]).toEqual([[w.users.s2.login], 4, 2]);
    expect((await reg.get(`/api/collections/${w.collectionId}/monitor?state=nonsense`)).statusCode).toBe(400);
  });
});

/** What the export must show for one ОО's submission on a sheet: the template columns, row by row. */
function expectedRows(template: FormTemplate, sheetKey: string, data: FormData): unknown[][] {
  const sheet = template.sheets.find((s) => s.key === sheetKey)!;
  const rows = (data[sheetKey] ?? []) as FormRow[];
  const cell = (v: unknown) =>
    v === null || v === undefined ? null : typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v;
  if (sheet.rows.mode === 'fixed') {
    return sheet.rows.rows.map((fr) => {
      const row = rows.find((r) => r._row === fr.key);
      return [fr.label, ...sheet.columns.map((c) => cell(row?.[c.key]))];
    });
  }
  return rows
    .filter((r) =>
      sheet.columns.some(
        (c) => c.kind !== 'prefill' && c.kind !== 'computed' && r[c.key] !== null && r[c.key] !== undefined,
      ),
    )
    .map((r) => sheet.columns.map((c) => cell(r[c.key])));
}

describe('export of results', () => {
  async function exportAs(c: Client, userId: string): Promise<ExcelJS.Workbook> {
    const started = await c.post(`/api/collections/${w.collectionId}/export`);
    expect(started.statusCode, started.body).toBe(202);
    const { jobId, message } = started.json() as JobStarted;
    expect(message).toMatch(/уведомлени/);
    expect(await h.services.jobs.drain()).toBe(1);
    const job = (await c.get(`/api/jobs/${jobId}`)).json() as Job;
    expect([job.status, job.done, job.total]).toEqual(['done', job.total, job.total]);
    const list = (await c.get('/api/notifications')).json() as NotificationList;
    const note = list.items.find((n) => n.jobId === jobId)!;
    expect(note.title).toBe('Экспорт результатов готов');
    expect(note.file?.name).toMatch(/^Экспорт результатов — Анкета ОО, контекстные данные — .*\.xlsx$/);
    const file = await c.get(note.file!.url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''");
    const row = await h.db.selectFrom('notifications').select('user_id').where('id', '=', note.id).executeTakeFirst();
    expect(row?.user_id).toBe(userId);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    return wb;
  }

  it('builds one XLSX of the last submission of every ОО in the scope, each cell as submitted', async () => {
    const wb = await exportAs(reg, w.users.reg39.id);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(T.sheets.map((s) => s.title));

    const lastOf = async (orgId: string) => {
      const s = await h.db
        .selectFrom('form_submissions')
        .select(['data', 'submitted_at'])
        .where('collection_id', '=', w.collectionId)
        .where('org_id', '=', orgId)
        .orderBy('number', 'desc')
        .executeTakeFirstOrThrow();
      return s.data as FormData;
    };
    const exported = [
      { login: w.users.s2.login, name: 'Школа вторая', at: '21.11.2026 12:15', data: await lastOf(w.s2.id) },
      { login: injected.login, name: "'=1+1", at: '20.11.2026 09:00', data: await lastOf(injected.id) },
    ];
    for (const sheet of T.sheets) {
      const ws = wb.getWorksheet(sheet.title)!;
      const header = [...EXPORT_PREFIX, ...(sheet.rows.mode === 'fixed' ? [sheet.rows.labelTitle] : [])];
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...header, ...sheet.columns.map((c) => c.title)]);
      const expected = exported.flatMap((o) =>
        expectedRows(T, sheet.key, o.data).map((cells) => [
          o.login,
          '39',
          'Калининградская область',
          'Муниципалитет А',
          o.name,
          o.at,
          ...cells,
        ]),
      );
      const actual: unknown[][] = [];
      ws.eachRow((r, n) => {
        if (n === 1) return;
        // exceljs leaves holes for empty cells: read every position, holes and the empty tail as null
        const values = r.values as unknown[];
        actual.push(Array.from({ length: header.length + sheet.columns.length }, (_, i) => values[i + 1] ?? null));
      });
      expect(actual, sheet.title).toEqual(expected);
    }
    // the literal values a reader checks first: the second submission, and the neutralized formula
    const general = wb.getWorksheet('Общие сведения')!;
    expect(general.getRow(2).getCell(17).value).toBe(99);
    expect(general.getRow(3).getCell(5).value).toBe("'=1+1");
    expect(general.getRow(3).getCell(9).value).toBe("'=1+1"); // the prefilled short name too
    expect(wb.getWorksheet('Учителя')!.actualRowCount).toBe(1 + 5 + 4);
  });

  it("another region's coordinator exports only its own ОО; a school cannot export", async () => {
    const reg77 = await as(h, w.users.reg77.login);
    const wb = await exportAs(reg77, w.users.reg77.id);
    const general = wb.getWorksheet('Общие сведения')!;
    expect(general.actualRowCount).toBe(2);
    expect(general.getRow(2).getCell(1).value).toBe(w.users.sF.login);
    expect((await (await as(h, w.users.s1.login)).post(`/api/collections/${w.collectionId}/export`)).statusCode).toBe(
      403,
    );
  });
});
