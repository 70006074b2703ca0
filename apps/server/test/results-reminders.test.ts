import type { NotificationList } from '@oko/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MonitoringRepository } from '../src/results/monitoring.repository.ts';
import { RESULTS_REMINDERS, sendDueReminders, SWEEP_EVERY_MS } from '../src/results/reminders.ts';
import type { BuiltUser } from './factories.ts';
import { startHarness, type Harness } from './harness.ts';
import { as, insertSubject, type SubjectRec, type SubjectSpec } from './results-analytics-support.ts';
import { filledForm, issueCodes, uploadResults } from './results-support.ts';

/**
 * The reminder before the results deadline (reminders.job.ts): at 18:00 MSK of the deadline day, once per
 * subject, to every account of every scheduled ОО that has not sent results.
 */

let h: Harness;
const spec = (code: string, name: string, grade = 4): SubjectSpec => ({
  code,
  name,
  grade,
  variants: 1,
  scale3: 1,
  scale4: 2,
  scale5: 3,
  tasks: [{ number: '1', max: 3, difficulty: 'Б', planned: 'Умение 1', dependsOn: null }],
});

interface School {
  id: string;
  account: BuiltUser;
}

let campaignId: string;
/** deadline 15.12: the one the sweeps of this file remind */
let maths: SubjectRec;
/** deadline 14.12: already over when the first sweep runs */
let russian: SubjectRec;
/** deadline 20.12 */
let world: SubjectRec;
/** deadline 15.12, added after the deadline passed */
let lateAdded: SubjectRec;
/** deadline 18.12: reminded by the queued job */
let maths5: SubjectRec;
let schools: Record<'uploaded' | 'missing' | 'foreign' | 'otherSubject' | 'closed' | 'grade5', School>;
let coordinators: BuiltUser[];

const sweep = () =>
  sendDueReminders(
    { db: h.db, clock: h.clock, notifications: h.services.notifications },
    new MonitoringRepository(h.db),
  );

const reminders = () =>
  h.db
    .selectFrom('notifications')
    .select(['user_id', 'title', 'body', 'created_at'])
    .where('kind', '=', RESULTS_REMINDERS)
    .orderBy('created_at')
    .execute();

beforeAll(async () => {
  h = await startHarness();
  const f = h.factory;
  const campaign = await h.db
    .insertInto('campaigns')
    .values({ code: 'vpr-reminders', title: 'ВПР 2026', window_start: '2026-11-01', window_end: '2026-12-31' })
    .returning('id')
    .executeTakeFirstOrThrow();
  campaignId = campaign.id;
  maths = await insertSubject(h, campaignId, spec('МА', 'Математика'), '2026-12-15');
  russian = await insertSubject(h, campaignId, spec('РУ', 'Русский язык'), '2026-12-14');
  world = await insertSubject(h, campaignId, spec('ОМ', 'Окружающий мир'), '2026-12-20');
  maths5 = await insertSubject(h, campaignId, spec('МА', 'Математика', 5), '2026-12-18');
  const m39 = await f.municipality('39', { code: '101', name: 'Город Алтын' });
  const m77 = await f.municipality('77', { code: '101', name: 'Округ Восточный' });
  coordinators = [
    await f.regionCoordinator('39'),
    await f.municipalCoordinator(m39),
    await f.regionCoordinator('77'),
    await f.federal('fed_reminders'),
  ];
  const school = async (m: typeof m39, status: 'active' | 'closed' = 'active'): Promise<School> => {
    const org = await f.org({ municipalityId: m.id, regionCode: m.region_code, status });
    return { id: org.id, account: await f.orgAccount(org) };
  };
  schools = {
    uploaded: await school(m39),
    missing: await school(m39),
    foreign: await school(m77),
    otherSubject: await school(m39),
    closed: await school(m39, 'closed'),
    grade5: await school(m39),
  };
  const scheduled = (subject: SubjectRec, s: School) => ({
    campaign_id: campaignId,
    subject_id: subject.id,
    org_id: s.id,
    test_date: '2026-12-10',
    chosen_at: new Date('2026-11-20T06:00:00Z'),
  });
  const s = schools;
  await h.db
    .insertInto('schedule_entries')
    .values([
      ...[s.uploaded, s.missing, s.foreign, s.closed].map((x) => scheduled(maths, x)),
      scheduled(russian, s.missing),
      scheduled(world, s.otherSubject),
      scheduled(maths5, s.grade5),
    ])
    .execute();

  // one ОО sends its results on the test day
  h.clock.set('2026-12-10T09:00:00Z');
  await issueCodes(h, campaignId, s.uploaded.id, 3);
  const c = await as(h, s.uploaded.account);
  const blank = (await c.get(`/api/vpr/results/${maths.id}/form.xlsx`)).rawPayload;
  const res = await uploadResults(c, maths.id, await filledForm(blank, [['40001', 1, 2, 1, 5]]));
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(() => h.close());

async function until(done: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const stop = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > stop) throw new Error('the sweep did not run in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('reminders before the results deadline', () => {
  it('sends nothing before 18:00 MSK of the deadline day', async () => {
    for (const at of ['2026-12-10T09:00:00Z', '2026-12-15T06:00:00Z', '2026-12-15T14:59:59Z']) {
      h.clock.set(at);
      expect(await sweep(), at).toBe(0);
    }
    expect(await reminders()).toEqual([]);
    expect(await h.db.selectFrom('results_reminders').selectAll().execute()).toEqual([]);
  });

  it('at 18:00 MSK reminds the account of each scheduled school without results, once', async () => {
    h.clock.set('2026-12-15T15:00:00Z');
    // the ОО of 39 without results and the foreign one; not the one that uploaded, nor the closed one
    expect(await sweep()).toBe(2);
    const sent = await reminders();
    const s = schools;
    const expected = [s.missing.account, s.foreign.account].map((u) => u.id).sort();
    expect(sent.map((n) => n.user_id).sort()).toEqual(expected);
    for (const n of sent) {
      expect(n.title).toBe('Результаты ВПР не загружены: Математика, 4 класс');
      expect(n.body).toBe(
        'Загрузите форму сбора результатов до 15.12.2026 23:00 МСК. ' +
          'После срока загрузка возможна только с разрешения координатора.',
      );
      expect(new Date(n.created_at).toISOString()).toBe('2026-12-15T15:00:00.000Z');
    }
    const nobody = [
      s.uploaded.account,
      s.otherSubject.account,
      s.closed.account,
      s.grade5.account,
      ...coordinators,
    ].map((u) => u.id);
    expect(sent.filter((n) => nobody.includes(n.user_id))).toEqual([]);
    // the school's bell shows it
    const bell = (await (await as(h, s.missing.account)).get('/api/notifications')).json() as NotificationList;
    expect(bell.items.map((n) => [n.kind, n.title, n.read])).toEqual([
      [RESULTS_REMINDERS, 'Результаты ВПР не загружены: Математика, 4 класс', false],
    ]);
    const claimed = await h.db.selectFrom('results_reminders').select(['subject_id', 'orgs']).execute();
    expect(claimed).toEqual([{ subject_id: maths.id, orgs: 2 }]);
  });

  it('a second sweep sends nothing more', async () => {
    h.clock.set('2026-12-15T15:10:00Z');
    expect(await sweep()).toBe(0);
    h.clock.set('2026-12-15T19:59:59Z');
    expect(await sweep()).toBe(0);
    expect(await reminders()).toHaveLength(2);
  });

  it('sends nothing for a subject whose deadline has passed', async () => {
    // Русский язык ended on 14.12 and was never swept in its evening: it is not reminded afterwards
    const russianRows = await h.db
      .selectFrom('results_reminders')
      .selectAll()
      .where('subject_id', '=', russian.id)
      .execute();
    expect(russianRows).toEqual([]);
    lateAdded = await insertSubject(h, campaignId, spec('ЛЧ', 'Литературное чтение'), '2026-12-15');
    await h.db
      .insertInto('schedule_entries')
      .values({
        campaign_id: campaignId,
        subject_id: lateAdded.id,
        org_id: schools.missing.id,
        test_date: '2026-12-10',
        chosen_at: new Date('2026-11-20T06:00:00Z'),
      })
      .execute();
    // 23:00 MSK sharp: the deadline itself
    h.clock.set('2026-12-15T20:00:00Z');
    expect(await sweep()).toBe(0);
    h.clock.set('2026-12-16T15:00:00Z');
    expect(await sweep()).toBe(0);
    expect(await reminders()).toHaveLength(2);
    expect((await reminders()).some((n) => /Русский язык|Литературное чтение/.test(n.title))).toBe(false);
  });

  it('is swept by a running job runner, not by drain()', async () => {
    expect(SWEEP_EVERY_MS).toBe(10 * 60 * 1000);
    // Математика 5 (18.12) in its evening
    h.clock.set('2026-12-18T15:00:00Z');
    expect(await h.services.jobs.drain()).toBe(0);
    expect(await reminders()).toHaveLength(2);
    // a server that runs background work sweeps as soon as its runner starts
    h.services.jobs.start();
    try {
      await until(async () => (await reminders()).length > 2);
    } finally {
      await h.services.jobs.stop();
    }
    const sent = (await reminders()).slice(2);
    expect(sent.map((n) => [n.user_id, n.title])).toEqual([
      [schools.grade5.account.id, 'Результаты ВПР не загружены: Математика, 5 класс'],
    ]);
    expect(await sweep()).toBe(0);
    // Окружающий мир (20.12) in its evening, swept directly
    h.clock.set('2026-12-20T16:00:00Z');
    expect(await sweep()).toBe(1);
    const last = (await reminders()).slice(3);
    expect(last.map((n) => [n.user_id, n.title])).toEqual([
      [schools.otherSubject.account.id, 'Результаты ВПР не загружены: Окружающий мир, 4 класс'],
    ]);
  });
});
