import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Subject, SchedulePlan } from '@oko/shared';
import { TEST_PASSWORD } from './factories.ts';
import { signedIn, startHarness, type Client, type Harness } from './harness.ts';
import { download, upload } from './registration-support.ts';
import {
  confirmApplications,
  createCampaign,
  dataRows,
  editBook,
  HISTORY_5,
  issuesOf,
  loadBook,
  MATH_4,
  putRow,
} from './campaigns-support.ts';

let h: Harness;
let fed: Client;
let reg39: Client;
let munA: Client;
let school: Client;
let campaignId: string;
let math: Subject;
let history: Subject;
const logins: Record<'a1' | 'a2' | 'b1' | 'f1' | 'college', string> = { a1: '', a2: '', b1: '', f1: '', college: '' };
const ids: Record<keyof typeof logins, string> = { a1: '', a2: '', b1: '', f1: '', college: '' };

const plan = async (c: Client, query: string) => {
  const res = await c.get(`/api/campaigns/${campaignId}/schedule?${query}`);
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as SchedulePlan;
};
const fromApplications = (c: Client, body: object) =>
  c.post(`/api/campaigns/${campaignId}/schedule/from-applications`, body);
const entries = async () =>
  (
    await h.db
      .selectFrom('schedule_entries')
      .select(['org_id', 'subject_id', sql<string>`test_date::text`.as('date')])
      .where('campaign_id', '=', campaignId)
      .orderBy('org_id')
      .orderBy('subject_id')
      .execute()
  ).map((e) => `${e.org_id}|${e.subject_id}|${e.date}`);
const dateOf = async (orgId: string, subjectId: string) =>
  (await entries()).find((e) => e.startsWith(`${orgId}|${subjectId}|`))?.split('|')[2] ?? null;

beforeAll(async () => {
  h = await startHarness();
  const f = h.factory;
  const mA = await f.municipality('39', { code: '001', name: 'Округ Альфа' });
  const mB = await f.municipality('39', { code: '002', name: 'Округ Бета' });
  const mF = await f.municipality('77', { code: '001', name: 'Московский округ' });
  const orgs = {
    a1: await f.org({ municipalityId: mA.id, regionCode: '39', name: 'Школа Альфа-1' }),
    a2: await f.org({ municipalityId: mA.id, regionCode: '39', name: 'Школа Альфа-2' }),
    b1: await f.org({ municipalityId: mB.id, regionCode: '39', name: 'Школа Бета-1' }),
    f1: await f.org({ municipalityId: mF.id, regionCode: '77', name: 'Московская школа' }),
    college: await f.org({ municipalityId: mA.id, regionCode: '39', kind: 'college', name: 'Колледж Альфа' }),
  };
  for (const [k, o] of Object.entries(orgs) as [keyof typeof logins, (typeof orgs)['a1']][]) {
    ids[k] = o.id;
    logins[k] = (await f.orgAccount(o)).login;
  }
  fed = await signedIn(h.app, (await f.federal()).login, TEST_PASSWORD);
  reg39 = await signedIn(h.app, (await f.regionCoordinator('39')).login, TEST_PASSWORD);
  munA = await signedIn(h.app, (await f.municipalCoordinator(mA)).login, TEST_PASSWORD);
  school = await signedIn(h.app, logins.a1, TEST_PASSWORD);
  const made = await createCampaign(fed, 'vpr-schedule', [MATH_4, HISTORY_5]);
  campaignId = made.campaign.id;
  [math, history] = made.subjects as [Subject, Subject];

  const math4 = (participants: number | string) => ({ grade: '4', subject: 'Математика', participants });
  const collectionId = await confirmApplications(h, [
    { orgId: ids.a1, lines: [math4(25)] },
    { orgId: ids.a2, lines: [math4(30), { grade: '5', subject: 'История', participants: 20 }] },
    { orgId: ids.b1, lines: [math4('10')] },
    { orgId: ids.f1, lines: [math4(15)] },
    { orgId: ids.college, lines: [math4(5)] },
  ]);
  // a later confirmation of a1 corrects its figure: the latest version counts
  await h.db
    .insertInto('application_confirmations')
    .values({
      collection_id: collectionId,
      org_id: ids.a1,
      version: 2,
      data: JSON.stringify({ application: [math4(27)] }),
      corrected: true,
      confirmed_at: new Date('2026-11-16T10:00:00Z'),
    })
    .execute();
});
afterAll(() => h.close());

describe('plan-schedule list', () => {
  it('shows a regional coordinator the schools of its region that applied, with the confirmed figures', async () => {
    const p = await plan(reg39, `subjectId=${math.id}`);
    expect(p.rows.map((r) => [r.login, r.name, r.municipality, r.participants, r.testDate])).toEqual([
      [logins.a1, 'Школа Альфа-1', 'Округ Альфа', 27, null],
      [logins.a2, 'Школа Альфа-2', 'Округ Альфа', 30, null],
      [logins.b1, 'Школа Бета-1', 'Округ Бета', 10, null],
    ]);
    expect(p.totals).toEqual({ applied: 3, scheduled: 0, participants: 67 });
    expect(p).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    const hist = await plan(reg39, `subjectId=${history.id}`);
    expect(hist.rows.map((r) => [r.login, r.participants])).toEqual([[logins.a2, 20]]);
  });

  it('shows a municipal coordinator its municipality only and a school nothing', async () => {
    const p = await plan(munA, `subjectId=${math.id}`);
    expect(p.rows.map((r) => r.login)).toEqual([logins.a1, logins.a2]);
    expect(p.totals.applied).toBe(2);
    expect((await school.get(`/api/campaigns/${campaignId}/schedule?subjectId=${math.id}`)).statusCode).toBe(403);
    const foreign = await munA.get(`/api/campaigns/${campaignId}/schedule?subjectId=${math.id}&regionCode=77`);
    expect(foreign.statusCode).toBe(404);
  });

  it('lets the federal level see every region or one, and a coordinator no other region', async () => {
    const all = await plan(fed, `subjectId=${math.id}`);
    // by region, municipality, ОО: the college of municipality 001 comes before the school of 002
    expect(all.rows.map((r) => r.login)).toEqual([logins.a1, logins.a2, logins.college, logins.b1, logins.f1]);
    const moscow = await plan(fed, `subjectId=${math.id}&regionCode=77`);
    expect(moscow.rows.map((r) => r.login)).toEqual([logins.f1]);
    const res = await reg39.get(`/api/campaigns/${campaignId}/schedule?subjectId=${math.id}&regionCode=77`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Московская');
  });

  it('searches by name or login and keeps the totals of the whole scope', async () => {
    const p = await plan(reg39, `subjectId=${math.id}&search=${encodeURIComponent('альфа-2')}`);
    expect(p.rows.map((r) => r.login)).toEqual([logins.a2]);
    expect(p.total).toBe(1);
    expect(p.totals.applied).toBe(3);
    const byLogin = await plan(reg39, `subjectId=${math.id}&search=${logins.b1}`);
    expect(byLogin.rows.map((r) => r.name)).toEqual(['Школа Бета-1']);
  });

  it('answers 404 for a subject of another campaign', async () => {
    const other = await createCampaign(fed, 'vpr-schedule-other', []);
    const res = await reg39.get(`/api/campaigns/${other.campaign.id}/schedule?subjectId=${math.id}`);
    expect(res.statusCode).toBe(404);
  });
});

describe('a date from the applications', () => {
  it('sets the date of every school of the region that applied and has none, keeping chosen dates', async () => {
    const put = await reg39.request({
      method: 'PUT',
      url: `/api/campaigns/${campaignId}/schedule`,
      payload: { subjectId: math.id, orgIds: [ids.a2], testDate: '2027-04-20' },
    });
    expect(put.statusCode, put.body).toBe(200);

    const late = await fromApplications(reg39, { subjectId: math.id, testDate: '2027-05-21' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toBe('Дата проведения 2027-05-21 вне федерального окна 2027-04-01 — 2027-05-20');
    expect((await fromApplications(munA, { subjectId: math.id, testDate: '2027-04-15' })).statusCode).toBe(403);
    const foreign = await fromApplications(reg39, { subjectId: math.id, testDate: '2027-04-15', regionCode: '77' });
    expect(foreign.statusCode).toBe(404);
    expect(await entries()).toHaveLength(1);

    const res = await fromApplications(reg39, { subjectId: math.id, testDate: '2027-04-15' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 2 });
    const p = await plan(reg39, `subjectId=${math.id}`);
    expect(p.rows.map((r) => [r.login, r.testDate])).toEqual([
      [logins.a1, '2027-04-15'],
      [logins.a2, '2027-04-20'],
      [logins.b1, '2027-04-15'],
    ]);
    expect(p.totals).toMatchObject({ applied: 3, scheduled: 3 });
    expect(await dateOf(ids.f1, math.id)).toBeNull();
    expect(await dateOf(ids.college, math.id)).toBeNull();

    const again = await fromApplications(reg39, { subjectId: math.id, testDate: '2027-04-16' });
    expect(again.json()).toEqual({ updated: 0 });
    const moscow = await fromApplications(fed, { subjectId: math.id, testDate: '2027-04-17', regionCode: '77' });
    expect(moscow.json()).toEqual({ updated: 1 });
    expect(await dateOf(ids.f1, math.id)).toBe('2027-04-17');
  });
});

describe('plan-schedule workbook', () => {
  const url = () => `/api/campaigns/${campaignId}/schedule`;

  it('downloads the schools × subjects of the region with their dates', async () => {
    const wb = await loadBook(await download(reg39, `${url()}.xlsx`));
    expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['Инструкция', 'План-график']);
    const rows = dataRows(wb, 'План-график', 5).map((r) => [
      r[0],
      r[2],
      r[3],
      r[4] instanceof Date ? r[4].toISOString().slice(0, 10) : r[4],
    ]);
    expect(rows).toEqual([
      [logins.a1, 'МА', 4, '2027-04-15'],
      [logins.a2, 'МА', 4, '2027-04-20'],
      [logins.a2, 'ИС', 5, null],
      [logins.b1, 'МА', 4, '2027-04-15'],
    ]);
    const only = dataRows(
      await loadBook(await download(reg39, `${url()}.xlsx?subjectId=${history.id}`)),
      'План-график',
      5,
    );
    expect(only.map((r) => r[0])).toEqual([logins.a2]);
  });

  it('refuses a foreign or unknown school, an unknown subject and a date outside the window, changing nothing', async () => {
    const before = await entries();
    const bytes = await download(reg39, `${url()}.xlsx`);
    const bad = await editBook(bytes, (wb) => {
      const ws = wb.getWorksheet('План-график')!;
      ws.getCell('E4').value = '22.04.2027'; // valid on its own: still not applied
      putRow(ws, 6, [logins.f1, '', 'МА', 4, '18.04.2027']);
      putRow(ws, 7, ['sch399999', '', 'МА', 4, '18.04.2027']);
      putRow(ws, 8, [logins.b1, '', 'ХИ', 8, '18.04.2027']);
      putRow(ws, 9, [logins.b1, '', 'ИС', 5, new Date(Date.UTC(2027, 4, 21))]);
      putRow(ws, 10, [logins.a1, '', 'МА', 4, '19.04.2027']);
    });
    const issues = issuesOf(await upload(reg39, `${url()}/import`, bad));
    expect(issues).toEqual([
      {
        sheet: 'План-график',
        cell: 'A6',
        message: `ОО с логином «${logins.f1}» нет среди ОО, которым вы назначаете даты`,
      },
      {
        sheet: 'План-график',
        cell: 'A7',
        message: 'ОО с логином «sch399999» нет среди ОО, которым вы назначаете даты',
      },
      { sheet: 'План-график', cell: 'C8', message: 'Предмета ХИ, 8 класс нет в кампании. Предметы: «МА 4», «ИС 5»' },
      {
        sheet: 'План-график',
        cell: 'E9',
        message: 'Дата проведения 2027-05-21 вне федерального окна 2027-04-01 — 2027-05-20',
      },
      { sheet: 'План-график', cell: 'A10', message: `ОО «${logins.a1}» и предмет МА, 4 класс уже указаны в строке 2` },
    ]);
    expect(await entries()).toEqual(before);
  });

  it('applies an edited file: a text date, a date cell and a new row, then nothing the second time', async () => {
    const bytes = await download(reg39, `${url()}.xlsx`);
    const edited = await editBook(bytes, (wb) => {
      const ws = wb.getWorksheet('План-график')!;
      ws.getCell('E2').value = new Date(Date.UTC(2027, 3, 16)); // a1 МА: 15 → 16 April
      ws.getCell('E4').value = '22.04.2027'; // a2 ИС: first date
      putRow(ws, 6, [logins.b1, '', 'ис', 5, '23.04.2027']); // b1 ИС: not applied for, set by hand
    });
    const res = await upload(reg39, `${url()}/import`, edited);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 3 });
    expect(await dateOf(ids.a1, math.id)).toBe('2027-04-16');
    expect(await dateOf(ids.a2, history.id)).toBe('2027-04-22');
    expect(await dateOf(ids.b1, history.id)).toBe('2027-04-23');
    expect(await dateOf(ids.a2, math.id)).toBe('2027-04-20');

    const hist = await plan(reg39, `subjectId=${history.id}`);
    expect(hist.rows.map((r) => [r.login, r.participants, r.testDate])).toEqual([
      [logins.a2, 20, '2027-04-22'],
      [logins.b1, null, '2027-04-23'],
    ]);
    expect(hist.totals).toEqual({ applied: 1, scheduled: 2, participants: 20 });

    const again = await upload(reg39, `${url()}/import`, await download(reg39, `${url()}.xlsx`));
    expect(again.json()).toEqual({ updated: 0 });
  });

  it('is not for municipal coordinators, and a region coordinator cannot date a school of another region', async () => {
    expect((await munA.get(`${url()}.xlsx`)).statusCode).toBe(403);
    const bytes = await download(reg39, `${url()}.xlsx`);
    expect((await upload(munA, `${url()}/import`, bytes)).statusCode).toBe(403);
    const fedFile = await download(fed, `${url()}.xlsx?regionCode=77`);
    const rows = dataRows(await loadBook(fedFile), 'План-график', 5);
    expect(rows.map((r) => r[0])).toEqual([logins.f1]);
    const moved = await editBook(fedFile, (wb) => {
      wb.getWorksheet('План-график')!.getCell('E2').value = '30.04.2027';
    });
    const issues = issuesOf(await upload(reg39, `${url()}/import`, moved));
    expect(issues.map((i) => i.cell)).toEqual(['A2']);
    expect(await dateOf(ids.f1, math.id)).toBe('2027-04-17');
    const res = await upload(fed, `${url()}/import`, moved);
    expect(res.json()).toEqual({ updated: 1 });
    expect(await dateOf(ids.f1, math.id)).toBe('2027-04-30');
  });
});

describe('paging', () => {
  it('pages the list by 50', async () => {
    const m = await h.factory.municipality('25', { code: '001', name: 'Владивостокский округ' });
    const lines = { application: [{ grade: '4', subject: 'Математика', participants: 12, classes: 1 }] };
    const collection = await h.db
      .selectFrom('collections')
      .select('id')
      .where('purpose', '=', 'application')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 52; i++) {
      const o = await h.factory.org({ municipalityId: m.id, regionCode: '25' });
      await h.db
        .insertInto('application_confirmations')
        .values({
          collection_id: collection.id,
          org_id: o.id,
          version: 1,
          data: JSON.stringify(lines),
          corrected: false,
          confirmed_at: new Date('2026-11-15T10:00:00Z'),
        })
        .execute();
    }
    const first = await plan(fed, `subjectId=${math.id}&regionCode=25`);
    expect(first.rows).toHaveLength(50);
    expect(first).toMatchObject({ total: 52, totals: { applied: 52, scheduled: 0, participants: 624 } });
    const second = await plan(fed, `subjectId=${math.id}&regionCode=25&page=2`);
    expect(second.rows).toHaveLength(2);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.orgId)).size).toBe(52);
  });
});
