import { RESULTS_SHEET, summarize, validateForm, type FormData, type ParticipantResult } from '@oko/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORDS } from '../src/demo/demo-passwords.ts';
import { DEMO_CAMPAIGN_TITLE } from '../src/demo/seed-campaign.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { seedDemoPlatform } from '../src/demo/seed-platform.ts';
import {
  DEMO_LATE_SCHOOL,
  DEMO_REUPLOADED_SCHOOL,
  DEMO_SILENT_SCHOOLS,
  DEMO_SUSPICIOUS_SCHOOL,
  DEMO_VISITOR_SCHOOL,
} from '../src/demo/seed-results.ts';
import { GENERATE_CODES_JOB } from '../src/materials/generate-codes.job.ts';
import { GENERATE_MATERIALS_JOB } from '../src/materials/generate-materials.job.ts';
import { participantIssues } from '../src/results/participant-checks.ts';
import { ResultsRepository } from '../src/results/results.repository.ts';
import { formTemplate } from '../src/results/results-subject.ts';
import { signedIn, startHarness, type Harness } from './harness.ts';
import { filledForm, uploadResults } from './results-support.ts';

let h: Harness;
let campaignId: string;
/** «ИС 6» → subject id */
const subject: Record<string, string> = {};

// 16:00 Moscow: yesterday's ИС 6 is closed, today's БИ 5 has come in from part of the country
const NOW = '2026-11-20T13:00:00Z';

beforeAll(async () => {
  h = await startHarness();
  h.clock.set(NOW);
  await seedDemo(h.db);
  await seedDemoPlatform({ db: h.db, blobs: h.services.blobs, clock: h.clock });
  campaignId = (
    await h.db.selectFrom('campaigns').select('id').where('title', '=', DEMO_CAMPAIGN_TITLE).executeTakeFirstOrThrow()
  ).id;
  const subjects = await h.db
    .selectFrom('subjects')
    .select(['id', 'code', 'grade'])
    .where('campaign_id', '=', campaignId)
    .execute();
  for (const s of subjects) subject[`${s.code} ${s.grade}`] = s.id;
});
afterAll(() => h.close());

const orgOf = async (login: string) =>
  (await h.db.selectFrom('users').select('org_id').where('login', '=', login).executeTakeFirstOrThrow()).org_id!;
const route = (key: string, tail: string) => `/api/campaigns/${campaignId}/subjects/${subject[key]}/${tail}`;

/** Each summary row against summarize() of the rows it stands for. */
async function expectSummariesMatchRows(): Promise<number> {
  const summaries = await h.db
    .selectFrom('results_summary as s')
    .innerJoin('subjects as sj', 'sj.id', 's.subject_id')
    .selectAll('s')
    .select('sj.max_score')
    .execute();
  for (const s of summaries) {
    const rows = await h.db
      .selectFrom('results')
      .selectAll()
      .where('subject_id', '=', s.subject_id)
      .where('org_id', '=', s.org_id)
      .execute();
    const results: ParticipantResult[] = rows.map((r) => ({
      code: r.code,
      variant: r.variant,
      classNo: r.class_no,
      scores: r.scores ? r.scores.map((x) => (x < 0 ? null : x)) : null,
      total: r.total,
      mark: r.mark as ParticipantResult['mark'],
      journal: r.journal as ParticipantResult['journal'],
    }));
    const want = summarize(results, s.task_points.length, s.max_score);
    expect({
      participants: s.participants,
      absent: s.absent,
      marks: [s.m2, s.m3, s.m4, s.m5],
      journal: { lower: s.j_lower, same: s.j_same, higher: s.j_higher },
      histogram: s.histogram,
      taskPoints: s.task_points,
      byMark: [s.task_points_m2, s.task_points_m3, s.task_points_m4, s.task_points_m5],
    }).toEqual({
      participants: want.participants,
      absent: want.absent,
      marks: want.marks,
      journal: want.journal,
      histogram: want.histogram,
      taskPoints: want.taskPoints,
      byMark: want.taskPointsByMark,
    });
  }
  return summaries.length;
}

const count = async (table: 'participant_codes' | 'results' | 'results_summary' | 'code_files') =>
  Number(
    (
      await h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('demo ВПР results', () => {
  it('yesterday’s and today’s subjects have results; every summary adds up its rows', async () => {
    const perSubject = await h.db
      .selectFrom('results_summary')
      .select(['subject_id', (eb) => eb.fn.countAll().as('n')])
      .groupBy('subject_id')
      .execute();
    const n = (key: string) => Number(perSubject.find((r) => r.subject_id === subject[key])?.n ?? 0);
    expect(n('ИС 6')).toBe(27); // 30 scheduled schools, 3 silent
    expect(n('БИ 5')).toBeGreaterThan(5);
    expect(n('БИ 5')).toBeLessThan(29);
    for (const later of ['РУ 4', 'МА 4', 'ИС 5']) expect(n(later)).toBe(0);
    expect(await expectSummariesMatchRows()).toBe(perSubject.reduce((a, r) => a + Number(r.n), 0));
  });

  it('uses only the codes of the ОО and grade, and every version passes the server’s own checks', async () => {
    const foreign = await h.db
      .selectFrom('results as r')
      .innerJoin('subjects as s', 's.id', 'r.subject_id')
      .select('r.code')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('participant_codes as pc')
              .select('pc.code')
              .whereRef('pc.org_id', '=', 'r.org_id')
              .whereRef('pc.grade', '=', 's.grade')
              .whereRef('pc.code', '=', 'r.code')
              .where('pc.campaign_id', '=', campaignId),
          ),
        ),
      )
      .execute();
    expect(foreign).toEqual([]);

    const repo = new ResultsRepository(h.db);
    const uploads = await h.db.selectFrom('results_uploads').selectAll().execute();
    let absent = 0;
    let participants = 0;
    let xs = 0;
    for (const u of uploads) {
      const row = (await repo.orgSubject(u.org_id, u.subject_id))!;
      const template = formTemplate(row, await repo.tasks(u.subject_id));
      const data = u.data as FormData;
      const codes = new Set(await repo.codes(row.campaign_id, u.org_id, row.grade));
      expect([...validateForm(template, data), ...participantIssues(template, data, codes, row.grade)]).toEqual([]);
      absent += u.absent;
      participants += u.participants;
      xs += JSON.stringify(data[RESULTS_SHEET]).split('"X"').length - 1;
    }
    // about 5 % absent, and a few tasks not attempted
    expect(absent / (absent + participants)).toBeGreaterThan(0.02);
    expect(absent / (absent + participants)).toBeLessThan(0.09);
    expect(xs).toBeGreaterThan(20);

    const twice = await h.db
      .selectFrom('results_uploads')
      .select(['number', 'participants'])
      .where('subject_id', '=', subject['ИС 6']!)
      .where('org_id', '=', await orgOf(DEMO_REUPLOADED_SCHOOL))
      .orderBy('number')
      .execute();
    expect(twice.map((u) => u.number)).toEqual([1, 2]);
    expect(twice[0]!.participants).toBeLessThan(twice[1]!.participants);
  });

  it('the visitor’s school has yesterday’s subject sent and today’s open to fill', async () => {
    const school = await signedIn(h.app, DEMO_VISITOR_SCHOOL, DEMO_PASSWORDS.school);
    const mine = (await school.get('/api/vpr/results')).json() as {
      subjects: { subjectId: string; state: string; open: boolean }[];
    };
    const state = (key: string) => mine.subjects.find((s) => s.subjectId === subject[key]);
    expect(state('ИС 6')).toMatchObject({ state: 'submitted', open: false });
    expect(state('БИ 5')).toMatchObject({ state: 'not_started', open: true });
  });

  it('monitoring: yesterday’s subject has uploads, one late with an exception, overdue schools', async () => {
    const admin = await signedIn(h.app, 'admin', DEMO_PASSWORDS.federal_admin);
    const ic6 = (await admin.get(route('ИС 6', 'results/monitoring'))).json();
    expect(ic6.counts).toMatchObject({ expected: 30, uploaded: 26, late: 1, missing: 0, overdue: 3 });
    const bi5 = (await admin.get(route('БИ 5', 'results/monitoring'))).json();
    expect(bi5.counts.expected).toBeGreaterThan(bi5.counts.uploaded);
    expect(bi5.counts.uploaded).toBeGreaterThan(0);
    expect(bi5.counts.missing).toBe(bi5.counts.expected - bi5.counts.uploaded);

    const region = await signedIn(h.app, 'reg390000', DEMO_PASSWORDS.region_coordinator);
    const mine = (await region.get(route('ИС 6', 'results/monitoring'))).json();
    expect(mine.counts.expected).toBeGreaterThan(mine.counts.uploaded);
    expect(mine.counts.uploaded).toBeGreaterThan(0);
    const rows = mine.rows as { login: string; state: string; openUntil: string | null; uploads: number }[];
    expect(rows.find((r) => r.login === DEMO_LATE_SCHOOL)).toMatchObject({ state: 'late', uploads: 1 });
    expect(rows.find((r) => r.login === DEMO_LATE_SCHOOL)!.openUntil).not.toBeNull();
    // the school without an account yet is listed by its code
    expect(rows.filter((r) => r.state === 'overdue').map((r) => r.login)).toEqual(['390011']);
    const overdue = (await admin.get(`${route('ИС 6', 'results/monitoring')}?state=overdue`)).json();
    expect(overdue.rows.map((r: { login: string }) => r.login).sort()).toEqual(
      DEMO_SILENT_SCHOOLS.map((l) => (l === 'sch390011' ? '390011' : l)).sort(),
    );
  });

  it('objectivity flags the suspicious school, and only it', async () => {
    const suspicious = await orgOf(DEMO_SUSPICIOUS_SCHOOL);
    const region = await signedIn(h.app, 'reg390000', DEMO_PASSWORDS.region_coordinator);
    const report = (await region.get(route('ИС 6', 'analytics/objectivity'))).json() as {
      signals: { orgId: string; rule: string }[];
    };
    expect(report.signals.filter((s) => s.orgId === suspicious).map((s) => s.rule)).toEqual(
      expect.arrayContaining(['journal_mismatch', 'threshold_pileup']),
    );
    const admin = await signedIn(h.app, 'admin', DEMO_PASSWORDS.federal_admin);
    const flagged = async (key: string) =>
      new Set(
        ((await admin.get(route(key, 'analytics/objectivity'))).json() as { signals: { orgId: string }[] }).signals.map(
          (s) => s.orgId,
        ),
      );
    expect(await flagged('ИС 6')).toEqual(new Set([suspicious]));
    // today's subject: whoever has sent it, only the suspicious school stands out
    expect([...(await flagged('БИ 5'))].every((id) => id === suspicious)).toBe(true);
  });

  it('the codes job after the seed prints the slips and keeps codes and results as they are', async () => {
    const codesBefore = await h.db
      .selectFrom('participant_codes')
      .select(['org_id', 'grade', 'code', 'reserve'])
      .orderBy('org_id')
      .orderBy('code')
      .execute();
    const resultsBefore = await count('results');
    const summaryBefore = await h.db.selectFrom('results_summary').selectAll().orderBy('org_id').execute();
    // PDF work takes about half a second per ОО × grade: the archives are another test's subject, and the codes job
    // runs over four schools that stand for the rest — with an application, a confirmed one, one without an
    // application whose codes the seed made up, and one without an account (no codes at all)
    await h.db.deleteFrom('jobs').where('kind', '=', GENERATE_MATERIALS_JOB).execute();
    const kept = await Promise.all(['sch390001', 'sch390002', 'sch770003'].map(orgOf));
    kept.push((await h.db.selectFrom('orgs').select('id').where('code', '=', '390011').executeTakeFirstOrThrow()).id);
    await h.db.deleteFrom('schedule_entries').where('org_id', 'not in', kept).execute();
    await h.services.jobs.drain();

    const job = await h.db
      .selectFrom('jobs')
      .select(['status', 'error', 'result'])
      .where('kind', '=', GENERATE_CODES_JOB)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'done', error: null });
    const pairsWithCodes = await h.db
      .selectFrom('participant_codes')
      .select(['org_id', 'grade'])
      .distinct()
      .where('org_id', 'in', kept)
      .execute();
    expect(pairsWithCodes.length).toBeGreaterThanOrEqual(7);
    // every pair with codes got its files, the rest (sch390011, grades without an application line) none
    expect(job.result).toMatchObject({
      written: pairsWithCodes.length,
      withoutApplication: 12 - pairsWithCodes.length,
    });
    const codesAfter = await h.db
      .selectFrom('participant_codes')
      .select(['org_id', 'grade', 'code', 'reserve'])
      .orderBy('org_id')
      .orderBy('code')
      .execute();
    // the job added the codes of the grades the seed did not touch, and left the seeded ones alone
    expect(codesAfter).toEqual(expect.arrayContaining(codesBefore));
    const seeded = new Set(codesBefore.map((c) => `${c.org_id}:${c.grade}`));
    expect(codesAfter.filter((c) => seeded.has(`${c.org_id}:${c.grade}`))).toEqual(codesBefore);
    const unprinted = await h.db
      .selectFrom('results_summary as s')
      .innerJoin('subjects as sj', 'sj.id', 's.subject_id')
      .select('s.org_id')
      .where('s.org_id', 'in', kept)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('code_files as cf')
              .select('cf.org_id')
              .whereRef('cf.org_id', '=', 's.org_id')
              .whereRef('cf.grade', '=', 'sj.grade'),
          ),
        ),
      )
      .execute();
    expect(unprinted).toEqual([]);
    expect(await count('results')).toBe(resultsBefore);
    expect(await h.db.selectFrom('results_summary').selectAll().orderBy('org_id').execute()).toEqual(summaryBefore);
  });

  it('the visitor fills the blank of today’s subject with the school’s codes and uploads it', async () => {
    const school = await signedIn(h.app, DEMO_VISITOR_SCHOOL, DEMO_PASSWORDS.school);
    const url = `/api/vpr/results/${subject['БИ 5']}`;
    const view = (await school.get(url)).json() as { codes: string[] };
    expect(view.codes.length).toBeGreaterThan(40);
    const blank = (await school.get(`${url}/form.xlsx`)).rawPayload;
    // code, variant, 8 tasks, class, journal mark
    const filled = await filledForm(blank, [
      [view.codes[0]!, '1', '1', '1', '0', '1', '1', '1', '2', '1', 1, '4'],
      [view.codes[1]!, 'отсутствовал', null, null, null, null, null, null, null, null, 1, null],
    ]);
    const res = await uploadResults(school, subject['БИ 5']!, filled);
    expect(res.statusCode, res.body).toBe(200);
    const mine = (await school.get('/api/vpr/results')).json() as { subjects: { subjectId: string; state: string }[] };
    expect(mine.subjects.find((s) => s.subjectId === subject['БИ 5'])?.state).toBe('submitted');
  });
});
