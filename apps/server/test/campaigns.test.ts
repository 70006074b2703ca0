import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vprGates, type CampaignDetail, type MySchedule, type Subject, type SubjectCreate } from '@oko/shared';
import { signedIn, startHarness, type Client, type Harness } from './harness.ts';
import { TEST_PASSWORD } from './factories.ts';

let h: Harness;
let fed: Client;
let reg39: Client;
let reg25: Client;
let school39: Client;
let school25: Client;
let orgs: { s39: string; s25: string; s77: string };

beforeAll(async () => {
  h = await startHarness();
  const f = h.factory;
  // region 39 is Kaliningrad (UTC+2), region 25 Vladivostok (UTC+10): the zones come from the regions
  const s39 = await f.org({ regionCode: '39', name: 'Школа Калининграда' });
  const s25 = await f.org({ regionCode: '25', name: 'Школа Владивостока' });
  const s77 = await f.org({ regionCode: '77', name: 'Школа Москвы' });
  orgs = { s39: s39.id, s25: s25.id, s77: s77.id };
  fed = await signedIn(h.app, (await f.federal()).login, TEST_PASSWORD);
  reg39 = await signedIn(h.app, (await f.regionCoordinator('39')).login, TEST_PASSWORD);
  reg25 = await signedIn(h.app, (await f.regionCoordinator('25')).login, TEST_PASSWORD);
  school39 = await signedIn(h.app, (await f.orgAccount(s39)).login, TEST_PASSWORD);
  school25 = await signedIn(h.app, (await f.orgAccount(s25)).login, TEST_PASSWORD);
});
afterAll(() => h.close());

const put = (c: Client, url: string, payload: unknown) => c.request({ method: 'PUT', url, payload: payload as object });

// Математика 4: 12 tasks, 20 points in all (the real 2026 layout has 9.1 and 9.2)
const MATH_NUMBERS = ['1', '2', '3', '4', '5', '6', '7', '8', '9.1', '9.2', '10', '11'];
const MATH_4: SubjectCreate = {
  code: 'МА',
  name: 'Математика',
  grade: 4,
  group: 'open',
  variants: 2,
  scale3: 6,
  scale4: 10,
  scale5: 15,
  resultsDeadline: '2027-05-25',
  tasks: MATH_NUMBERS.map((number, i) => ({
    number,
    maxScore: i < 8 ? 2 : 1,
    difficulty: i < 9 ? 'Б' : 'П',
    plannedResult: `Умение ${i + 1}`,
  })),
};
const HISTORY_5: SubjectCreate = {
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
    { number: '4K1', maxScore: 2, difficulty: 'П' }, // a Latin K, as people type it
    { number: '4К2', maxScore: 3, difficulty: 'В', dependsOn: '4K1' },
  ],
};

let campaign: CampaignDetail;
let math: Subject;
let history: Subject;

describe('campaign and subjects', () => {
  it('lets the federal level create a campaign and refuses a second with the same code', async () => {
    const body = { code: 'vpr-2027', title: 'ВПР 2027', windowStart: '2027-04-01', windowEnd: '2027-05-20' };
    const res = await fed.post('/api/campaigns', body);
    expect(res.statusCode, res.body).toBe(201);
    campaign = res.json();
    expect(campaign).toMatchObject({ ...body, subjects: [] });
    const again = await fed.post('/api/campaigns', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('vpr-2027');
    const backwards = await fed.post('/api/campaigns', { ...body, code: 'vpr-x', windowEnd: '2027-03-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toContain('windowEnd');
    expect(backwards.json().error.message).toContain('Окончание окна');
  });

  it('adds Математика 4 and История 5 with tasks, headers and scales', async () => {
    const m = await fed.post(`/api/campaigns/${campaign.id}/subjects`, MATH_4);
    expect(m.statusCode, m.body).toBe(201);
    math = m.json();
    expect(math).toMatchObject({
      code: 'МА',
      grade: 4,
      group: 'open',
      maxScore: 20,
      scale3: 6,
      scale4: 10,
      scale5: 15,
    });
    expect(math.tasks.map((t) => t.number)).toEqual(MATH_NUMBERS);
    expect(math.tasks[8]).toMatchObject({ position: 9, header: '9.1 (1б)', difficulty: 'Б' });
    expect(math.tasks[0]).toMatchObject({ header: '1 (2б)', plannedResult: 'Умение 1' });

    const hi = await fed.post(`/api/campaigns/${campaign.id}/subjects`, HISTORY_5);
    expect(hi.statusCode, hi.body).toBe(201);
    history = hi.json();
    expect(history).toMatchObject({ group: 'encrypted', maxScore: 13, scale5: 12 });
    expect(history.tasks.map((t) => t.header)).toEqual(['1 (2б)', '2 (3б)', '3 (3б)', '4К1 (2б)', '4К2 (3б)']);
    expect(history.tasks.map((t) => t.dependsOn)).toEqual([null, null, null, null, '4К1']);

    const dup = await fed.post(`/api/campaigns/${campaign.id}/subjects`, MATH_4);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('МА для 4 класса');

    const detail = (await school39.get(`/api/campaigns/${campaign.id}`)).json() as CampaignDetail;
    expect(detail.subjects.map((s) => `${s.code}${s.grade}`)).toEqual(['МА4', 'ИС5']);
    expect(detail.subjects[0]!.tasks).toHaveLength(12);
    const list = (await reg39.get('/api/campaigns')).json() as { campaigns: { code: string }[] };
    expect(list.campaigns.map((c) => c.code)).toEqual(['vpr-2027']);
  });

  it('refuses a bad scale and repeated task numbers in Russian, naming the field', async () => {
    const url = `/api/campaigns/${campaign.id}/subjects`;
    const swapped = await fed.post(url, { ...MATH_4, code: 'РУ', scale3: 10, scale4: 6 });
    expect(swapped.statusCode).toBe(400);
    expect(swapped.json().error.message).toContain('scale4');
    expect(swapped.json().error.message).toContain('балл на «4» (6) меньше балла на «3» (10)');

    const tooHigh = await fed.post(url, { ...MATH_4, code: 'РУ', scale5: 21 });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().error.message).toContain('балл на «5» (21) больше максимума работы (20)');

    const tasks = [...MATH_4.tasks];
    tasks[10] = { ...tasks[10]!, number: '9.1' };
    const repeated = await fed.post(url, { ...MATH_4, code: 'РУ', tasks });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().error.message).toContain('tasks.10.number');
    expect(repeated.json().error.message).toContain('Номер задания «9.1» повторяется (задания 9 и 11)');

    const badNumber = await fed.post(url, {
      ...MATH_4,
      code: 'РУ',
      tasks: [{ number: '1)', maxScore: 20, difficulty: 'Б' }],
    });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.json().error.message).toContain('Номер задания');

    const criteria = (dependsOn: string) => [
      { number: '1К1', maxScore: 10, difficulty: 'Б' },
      { number: '1К2', maxScore: 10, difficulty: 'Б', dependsOn },
    ];
    for (const [dependsOn, message] of [
      ['1К3', 'Задание 1К2 зависит от «1К3», но такого задания у предмета нет'],
      ['1К2', 'Задание 1К2 не может зависеть от самого себя'],
    ]) {
      const res = await fed.post(url, { ...MATH_4, code: 'РУ', tasks: criteria(dependsOn!) });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain('tasks.1.dependsOn');
      expect(res.json().error.message).toContain(message);
    }
    const parentLater = await fed.post(url, {
      ...MATH_4,
      code: 'РУ',
      tasks: [
        { number: '1К2', maxScore: 10, difficulty: 'Б', dependsOn: '1К1' },
        { number: '1К1', maxScore: 10, difficulty: 'Б' },
      ],
    });
    expect(parentLater.statusCode).toBe(400);
    expect(parentLater.json().error.message).toContain('tasks.0.dependsOn');
    expect(parentLater.json().error.message).toContain('которое идёт в работе позже');

    const detail = (await fed.get(`/api/campaigns/${campaign.id}`)).json() as CampaignDetail;
    expect(detail.subjects.map((s) => s.code)).not.toContain('РУ');
  });

  it('answers 404 for a campaign that does not exist', async () => {
    const res = await fed.get('/api/campaigns/00000000-0000-4000-8000-0000000000aa');
    expect(res.statusCode).toBe(404);
  });

  it('lets a school create nothing', async () => {
    const body = { code: 'vpr-2028', title: 'ВПР 2028', windowStart: '2028-04-01', windowEnd: '2028-05-20' };
    expect((await school39.post('/api/campaigns', body)).statusCode).toBe(403);
    expect((await school39.post(`/api/campaigns/${campaign.id}/subjects`, { ...MATH_4, code: 'ОМ' })).statusCode).toBe(
      403,
    );
    const schedule = { subjectId: math.id, orgIds: [orgs.s39], testDate: '2027-04-15' };
    expect((await put(school39, `/api/campaigns/${campaign.id}/schedule`, schedule)).statusCode).toBe(403);
    expect((await reg39.post('/api/campaigns', body)).statusCode).toBe(403);
    const list = (await fed.get('/api/campaigns')).json() as { campaigns: unknown[] };
    expect(list.campaigns).toHaveLength(1);
  });
});

describe('plan-schedule', () => {
  const TEST_DATE = '2027-04-15';

  it('lets a regional coordinator schedule its own schools, within the federal window only', async () => {
    const url = `/api/campaigns/${campaign.id}/schedule`;
    for (const subjectId of [math.id, history.id]) {
      const res = await put(reg39, url, { subjectId, orgIds: [orgs.s39, orgs.s39], testDate: TEST_DATE });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ updated: 1 });
      const far = await put(reg25, url, { subjectId, orgIds: [orgs.s25], testDate: TEST_DATE });
      expect(far.statusCode, far.body).toBe(200);
    }

    const foreign = await put(reg39, url, { subjectId: math.id, orgIds: [orgs.s39, orgs.s77], testDate: TEST_DATE });
    expect([403, 404]).toContain(foreign.statusCode);

    const late = await put(reg39, url, { subjectId: math.id, orgIds: [orgs.s39], testDate: '2027-05-21' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toContain('вне федерального окна 2027-04-01 — 2027-05-20');
    const early = await put(reg39, url, { subjectId: math.id, orgIds: [orgs.s39], testDate: '2027-03-31' });
    expect(early.statusCode).toBe(400);

    const otherCampaign = await fed.post('/api/campaigns', {
      code: 'vpr-2027-spo',
      title: 'ВПР СПО 2027',
      windowStart: '2027-04-01',
      windowEnd: '2027-05-20',
    });
    const wrongSubject = await put(reg39, `/api/campaigns/${otherCampaign.json().id}/schedule`, {
      subjectId: math.id,
      orgIds: [orgs.s39],
      testDate: TEST_DATE,
    });
    expect(wrongSubject.statusCode).toBe(404);

    // nothing of the refused calls landed: the Moscow school has no schedule, Kaliningrad keeps its date
    const rows = await h.db.selectFrom('schedule_entries').select(['org_id']).execute();
    expect(rows.map((r) => r.org_id).sort()).toEqual([orgs.s39, orgs.s39, orgs.s25, orgs.s25].sort());
  });

  it('shows a school its entries with the gates of its own zone', async () => {
    const mine39 = (await school39.get(`/api/campaigns/${campaign.id}/schedule/mine`)).json() as MySchedule;
    const mine25 = (await school25.get(`/api/campaigns/${campaign.id}/schedule/mine`)).json() as MySchedule;
    expect(mine39.entries.map((e) => e.subjectCode)).toEqual(['МА', 'ИС']);
    for (const [mine, zone] of [
      [mine39, 'Europe/Kaliningrad'],
      [mine25, 'Asia/Vladivostok'],
    ] as const) {
      for (const e of mine.entries) {
        expect(e).toMatchObject({ testDate: TEST_DATE, resultsDeadline: '2027-05-25', zone });
        const g = vprGates({ group: e.group, testDate: TEST_DATE, resultsDeadlineDate: '2027-05-25', zone });
        expect(e.gates).toEqual({
          archiveFrom: g.archiveFrom.toISOString(),
          passwordFrom: g.passwordFrom?.toISOString() ?? null,
          criteriaFrom: g.criteriaFrom.toISOString(),
          resultsUntil: g.resultsUntil.toISOString(),
        });
      }
    }
    const hist = (m: MySchedule) => m.entries.find((e) => e.subjectCode === 'ИС')!.gates;
    // 07:30 in Kaliningrad (UTC+2) is 05:30Z; in Vladivostok (UTC+10) 21:30Z the day before
    expect(hist(mine39).passwordFrom).toBe('2027-04-15T05:30:00.000Z');
    expect(Date.parse(hist(mine39).passwordFrom!) - Date.parse(hist(mine25).passwordFrom!)).toBe(8 * 3600_000);
    expect(hist(mine39).criteriaFrom).toBe(hist(mine25).criteriaFrom);
    expect(mine39.entries.find((e) => e.subjectCode === 'МА')!.gates.passwordFrom).toBeNull();
  });

  it('keeps the schedule of one school from another and from a coordinator', async () => {
    const mine = (await school25.get(`/api/campaigns/${campaign.id}/schedule/mine`)).json() as MySchedule;
    expect(mine.entries.every((e) => e.zone === 'Asia/Vladivostok')).toBe(true);
    expect((await reg39.get(`/api/campaigns/${campaign.id}/schedule/mine`)).statusCode).toBe(403);
  });

  it('moves a date when the coordinator chooses again', async () => {
    const res = await put(reg39, `/api/campaigns/${campaign.id}/schedule`, {
      subjectId: history.id,
      orgIds: [orgs.s39],
      testDate: '2027-04-20',
    });
    expect(res.statusCode).toBe(200);
    const mine = (await school39.get(`/api/campaigns/${campaign.id}/schedule/mine`)).json() as MySchedule;
    expect(mine.entries.find((e) => e.subjectCode === 'ИС')!.testDate).toBe('2027-04-20');
  });
});
