import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from './factories.ts';
import { signedIn, startHarness, type Harness } from './harness.ts';
import { filledForm, issueCodes, resultsCampaign, RESULTS_TEST_DATE, uploadResults } from './results-support.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function school(municipality: { id: string; region_code: string; code: string }) {
  const org = await h.factory.org({ municipalityId: municipality.id, regionCode: municipality.region_code });
  const user = await h.factory.orgAccount(org);
  return { org, user, client: () => signedIn(h.app, user.login, TEST_PASSWORD) };
}

describe('the results form of an ОО', () => {
  let ids: Awaited<ReturnType<typeof resultsCampaign>>;
  let a: Awaited<ReturnType<typeof school>>;
  let b: Awaited<ReturnType<typeof school>>;
  let munLogin: string;
  let blank: Buffer;

  beforeAll(async () => {
    const mun = await h.factory.municipality('39', { timeZone: 'Europe/Kaliningrad' });
    munLogin = (await h.factory.municipalCoordinator(mun)).login;
    a = await school(mun);
    b = await school(mun);
    ids = await resultsCampaign(h);
    await h.db
      .insertInto('schedule_entries')
      .values(
        [a, b].map((s) => ({
          campaign_id: ids.campaign.id,
          subject_id: ids.subject.id,
          org_id: s.org.id,
          test_date: RESULTS_TEST_DATE,
          chosen_at: new Date(),
        })),
      )
      .execute();
    await issueCodes(h, ids.campaign.id, a.org.id, 6);
    await issueCodes(h, ids.campaign.id, b.org.id, 6);
    // the test day in Kaliningrad
    h.clock.set('2026-12-10T09:00:00Z');
  });

  const url = () => `/api/vpr/results/${ids.subject.id}`;

  it('lists the subject with its window and gives a blank in the 2026 layout', async () => {
    const c = await a.client();
    const mine = (await c.get('/api/vpr/results')).json();
    expect(mine.subjects).toHaveLength(1);
    expect(mine.subjects[0]).toMatchObject({
      code: 'РУ',
      grade: 4,
      state: 'not_started',
      open: true,
      // 23:00 Moscow = 20:00 UTC; 00:00 Kaliningrad = 22:00 UTC the day before
      deadline: '2026-12-15T20:00:00.000Z',
      opensAt: '2026-12-09T22:00:00.000Z',
    });
    const res = await c.get(`${url()}/form.xlsx`);
    expect(res.statusCode).toBe(200);
    blank = res.rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(blank as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Протокол')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Код участника',
      'Вариант',
      '1 (2б)',
      '2К1 (3б)',
      '2К2 (2б)',
      '3 (1б)',
      'Порядковый номер класса',
      'Отметка за предыдущий триместр/ четверть/полугодие',
      'Итого баллов',
    ]);
    const service = wb.getWorksheet('Служебный')!;
    expect(service.state).not.toBe('visible');
    const lists = JSON.stringify(service.getSheetValues());
    for (const item of ['отсутствовал', 'нет отметки', 'X']) expect(lists).toContain(item);
  });

  it('refuses a broken file naming each cell, and changes nothing', async () => {
    const c = await a.client();
    const broken = await filledForm(blank, [
      ['40001', 1, 2, 3, 2, 1, 1, 5],
      ['49999', 1, 2, 3, 2, 1, 1, 5], // a code not of this ОО
      ['40001', 2, 1, 1, 1, 0, 1, 4], // the same pupil twice
      ['40003', 1, 7, 0, 1, 0, 1, 3], // 7 above the max of task 1; 2К2 scored although 2К1 is 0
      ['40004', 'отсутствовал', 1, null, null, null, 1, null], // absent with a score
    ]);
    const res = await uploadResults(c, ids.subject.id, broken);
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.issues as { cell: string; message: string }[];
    const at = (cell: string) =>
      issues
        .filter((i) => i.cell === cell)
        .map((i) => i.message)
        .join(' | ');
    expect(at('C5')).toMatch(/7/);
    expect(at('E5')).toMatch(/2К1/);
    expect(at('C6')).toMatch(/отсутствовал/);
    // the reader stops at cell errors: the code checks come once the cells are right
    const fixedCells = await filledForm(blank, [
      ['40001', 1, 2, 3, 2, 1, 1, 5],
      ['49999', 1, 2, 3, 2, 1, 1, 5],
      ['40001', 2, 1, 1, 1, 0, 1, 4],
    ]);
    const second = await uploadResults(c, ids.subject.id, fixedCells);
    expect(second.statusCode).toBe(400);
    const codes = second.json().error.issues as { cell: string; message: string }[];
    expect(codes.find((i) => i.cell === 'A3')?.message).toMatch(/49999.*нет среди кодов/);
    expect(codes.find((i) => i.cell === 'A4')?.message).toMatch(/уже указан в строке 2/);
    expect(await h.db.selectFrom('results').selectAll().where('org_id', '=', a.org.id).execute()).toEqual([]);
    expect((await c.get('/api/vpr/results')).json().subjects[0].state).toBe('not_started');
  });

  it('accepts Cyrillic Х, recomputes totals and marks, and keeps each upload as a version', async () => {
    const c = await a.client();
    const good = await filledForm(blank, [
      ['40001', 1, 2, 3, 2, 1, 1, 5], // 8 → «5», journal 5: same
      ['40002', 2, 'Х', 3, 'x', 0, 1, 3], // Cyrillic Х and a lowercase x: 3 → «3»
      ['40003', 1, 0, 0, 0, 0, 2, 4], // 0 → «2», journal 4: lowered
      ['40004', 'отсутствовал', null, null, null, null, 2, null],
    ]);
    // a typed total is never believed
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(good as unknown as ExcelJS.Buffer);
    const res = await uploadResults(c, ids.subject.id, good);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().number).toBe(1);
    const rows = await h.db
      .selectFrom('results')
      .select(['code', 'variant', 'scores', 'total', 'mark', 'journal'])
      .where('org_id', '=', a.org.id)
      .orderBy('code')
      .execute();
    expect(rows).toEqual([
      { code: '40001', variant: 1, scores: [2, 3, 2, 1], total: 8, mark: 5, journal: 5 },
      { code: '40002', variant: 2, scores: [-1, 3, -1, 0], total: 3, mark: 3, journal: 3 },
      { code: '40003', variant: 1, scores: [0, 0, 0, 0], total: 0, mark: 2, journal: 4 },
      { code: '40004', variant: null, scores: null, total: null, mark: null, journal: null },
    ]);
    const summary = await h.db
      .selectFrom('results_summary')
      .selectAll()
      .where('org_id', '=', a.org.id)
      .executeTakeFirstOrThrow();
    expect(summary).toMatchObject({ participants: 3, absent: 1, m2: 1, m3: 1, m4: 0, m5: 1, j_lower: 1, j_same: 2 });
    expect(summary.histogram).toEqual([1, 0, 0, 1, 0, 0, 0, 0, 1]);
    expect(summary.task_points).toEqual([2, 6, 2, 1]);

    const again = await uploadResults(c, ids.subject.id, await filledForm(blank, [['40001', 1, 1, 1, 1, 1, 1, 5]]));
    expect(again.json().number).toBe(2);
    const view = (await c.get(url())).json();
    expect(view.uploads.map((u: { number: number }) => u.number)).toEqual([2, 1]);
    expect(view.status.state).toBe('submitted');
    expect(view.codes).toContain('40006');
    expect(await h.db.selectFrom('results').select('code').where('org_id', '=', a.org.id).execute()).toEqual([
      { code: '40001' },
    ]);
  });

  it('refuses a file of another subject with a message saying what it is', async () => {
    const other = await resultsCampaign(h, 'МА');
    await h.db.updateTable('subjects').set({ name: 'Математика' }).where('id', '=', other.subject.id).execute();
    await h.db
      .insertInto('schedule_entries')
      .values({
        campaign_id: other.campaign.id,
        subject_id: other.subject.id,
        org_id: a.org.id,
        test_date: RESULTS_TEST_DATE,
        chosen_at: new Date(),
      })
      .execute();
    const c = await a.client();
    const maths = (await c.get(`/api/vpr/results/${other.subject.id}/form.xlsx`)).rawPayload;
    const res = await uploadResults(c, ids.subject.id, await filledForm(maths, [['40001', 1, 2, 3, 2, 1, 1, 5]]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/другой формы.*Математика, 4 класс/);
  });

  it('refuses a form whose task columns were reordered or removed, saying which column', async () => {
    const c = await a.client();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(blank as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Протокол')!;
    ws.getCell('D1').value = '2К2 (2б)';
    ws.getCell('E1').value = '2К1 (3б)';
    const swapped = await uploadResults(c, ids.subject.id, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(swapped.statusCode).toBe(400);
    const issue = (swapped.json().error.issues as { cell: string | null; message: string }[]).find(
      (i) => i.cell === 'D1',
    );
    expect(issue?.message).toMatch(/2К1 \(3б\)/);

    const cut = new ExcelJS.Workbook();
    await cut.xlsx.load(blank as unknown as ExcelJS.Buffer);
    cut.getWorksheet('Протокол')!.spliceColumns(6, 1);
    const missing = await uploadResults(c, ids.subject.id, Buffer.from((await cut.xlsx.writeBuffer()) as ArrayBuffer));
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json().error)).toMatch(/3 \(1б\)/);
  });

  it('fills online: autosave, then submit with every error at its cell, then «Сдано»', async () => {
    const c = await b.client();
    const put = (data: unknown, version: number) =>
      c.request({ method: 'PUT', url: `${url()}/entry`, payload: { data, version } as object });
    const first = await put({ protocol: [{ code: '40001', variant: '1', t1: '2', t2: '0', t3: '1' }] }, 0);
    expect(first.statusCode, first.body).toBe(200);
    const refused = await c.post(`${url()}/submit`, { version: first.json().version });
    expect(refused.statusCode).toBe(400);
    const cells = (refused.json().error.issues as { cell: string }[]).map((i) => i.cell);
    // t3 (2К2) scored while 2К1 is 0; t4 missing; class and journal missing
    expect(cells).toEqual(expect.arrayContaining(['E2', 'F2', 'G2', 'H2']));
    const second = await put(
      {
        protocol: [
          { code: '40001', variant: '1', t1: '2', t2: '0', t3: 'X', t4: '1', classNo: 1, journal: 'нет отметки' },
        ],
      },
      first.json().version,
    );
    // an editor still on the old version is told, not overwritten
    expect((await put({ protocol: [] }, first.json().version)).statusCode).toBe(409);
    const ok = await c.post(`${url()}/submit`, { version: second.json().version });
    expect(ok.statusCode, ok.body).toBe(200);
    const status = (await c.get('/api/vpr/results')).json().subjects[0];
    expect(status.state).toBe('submitted');
    expect(status.lastUpload).toMatchObject({ source: 'online', participants: 1, late: false });
  });

  it('shows coordinators who uploaded, and lets a coordinator open the form after the deadline', async () => {
    const mun = await signedIn(h.app, munLogin, TEST_PASSWORD);
    const base = `/api/campaigns/${ids.campaign.id}/subjects/${ids.subject.id}/results`;
    const m = (await mun.get(`${base}/monitoring`)).json();
    expect(m.counts).toMatchObject({ expected: 2, uploaded: 2, missing: 0, participants: 2 });

    await h.db.deleteFrom('results_summary').where('org_id', '=', b.org.id).execute();
    // one second after 23:00 MSK on the deadline day
    h.clock.set('2026-12-15T20:00:01Z');
    // sessions end after 12 hours of the clock
    const mun2 = await signedIn(h.app, munLogin, TEST_PASSWORD);
    const late = await mun2.get(`${base}/monitoring?state=overdue`);
    expect(late.json().counts).toMatchObject({ uploaded: 1, overdue: 1 });
    expect(late.json().rows.map((r: { orgId: string }) => r.orgId)).toEqual([b.org.id]);
    const c = await b.client();
    const closed = await uploadResults(c, ids.subject.id, await filledForm(blank, [['40001', 1, 2, 3, 2, 1, 1, 5]]));
    expect(closed.statusCode).toBe(403);
    expect(closed.json().error.message).toMatch(/Срок загрузки результатов истёк.*координатор/);

    // a school cannot grant itself an exception; its municipal coordinator can
    expect(
      (await c.post(`${base}/exceptions`, { orgId: b.org.id, openUntil: '2026-12-16T20:00:00Z' })).statusCode,
    ).toBe(403);
    const granted = await mun2.post(`${base}/exceptions`, { orgId: b.org.id, openUntil: '2026-12-16T20:00:00Z' });
    expect(granted.statusCode, granted.body).toBe(200);
    const res = await uploadResults(c, ids.subject.id, await filledForm(blank, [['40001', 1, 2, 3, 2, 1, 1, 5]]));
    expect(res.statusCode, res.body).toBe(200);
    const after = (await mun2.get(`${base}/monitoring`)).json();
    expect(after.counts).toMatchObject({ uploaded: 1, late: 1, overdue: 0 });
    const xlsx = await mun2.get(`${base}/monitoring.xlsx`);
    expect(xlsx.statusCode).toBe(200);
  });

  it('keeps other schools out: a school sees its own rows and the sums above it', async () => {
    const c = await a.client();
    const base = `/api/campaigns/${ids.campaign.id}/subjects/${ids.subject.id}`;
    expect((await c.get(`${base}/results/monitoring`)).statusCode).toBe(403);
    const individual = (await c.get(`${base}/analytics/individual`)).json();
    const codes = JSON.stringify(individual.rows);
    expect(codes).toContain(a.user.login);
    expect(codes).not.toContain(b.user.login);
    const marks = (await c.get(`${base}/analytics/marks?detail=orgs`)).json();
    const labels = marks.rows.map((r: { cells: unknown[] }) => r.cells[0]);
    expect(labels[0], JSON.stringify(labels)).toBe('Вся выборка');
    expect(
      labels.some((l: string) => l.includes(a.user.login)),
      JSON.stringify(labels),
    ).toBe(true);
    expect(labels.some((l: string) => l.includes(b.user.login))).toBe(false);
    // the whole sample counts both schools
    expect(marks.rows[0].cells[1]).toBe(2);
  });
});
