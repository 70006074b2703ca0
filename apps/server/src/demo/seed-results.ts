import {
  addDays,
  MOSCOW_ZONE,
  RESULTS_SHEET,
  resultsTemplate,
  wallClockToInstant,
  type ReportSubject,
} from '@oko/shared';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { CodesRepository } from '../materials/codes.repository.ts';
import { codesFor, participantsOfGrade } from '../materials/generate-codes.job.ts';
import { orgZoneSql } from '../materials/materials.repository.ts';
import type { TaskRow } from '../results/results.repository.ts';
import { subjectDeadline } from '../results/subject-lookup.ts';
import {
  DEMO_SUSPICIOUS_SCHOOL,
  demoParallel,
  formOf,
  plausibleForm,
  type DemoForm,
  type DemoTask,
  type FormSubject,
} from './demo-results-rows.ts';
import { DEMO_CAMPAIGN_TITLE } from './seed-campaign.ts';
import type { DemoContext } from './seed-platform.ts';

export { DEMO_SUSPICIOUS_SCHOOL };
/** Sent yesterday's subject after its deadline, with the municipal coordinator's exception. */
export const DEMO_LATE_SCHOOL = 'sch390007';
/** Sent one class first and the whole parallel later: two versions. */
export const DEMO_REUPLOADED_SCHOOL = 'sch390002';
/** The login a visitor tries first: today's subject is left for them to fill and upload. */
export const DEMO_VISITOR_SCHOOL = 'sch390001';
/** Nothing sent for yesterday's subject (sch390011 has no account yet). */
export const DEMO_SILENT_SCHOOLS = ['sch390011', 'sch770006', 'sch250007'];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface SeededSubject {
  id: string;
  code: string;
  name: string;
  grade: number;
  variants: number;
  max_score: number;
  scale_3: number;
  scale_4: number;
  scale_5: number;
  year: number;
  test_date: string;
}

interface ScheduledSchool {
  subject_id: string;
  org_id: string;
  municipality_id: string | null;
  test_date: string;
  zone: string;
  user_id: string | null;
  login: string | null;
}

/** One accepted submission, as results_uploads keeps it. */
interface Upload {
  at: Date;
  late: boolean;
  source: 'online' | 'xlsx';
  form: DemoForm;
}

/** The ОО × subject with every submission it made; the last one is what counts. */
interface Accepted {
  subjectId: string;
  orgId: string;
  userId: string;
  uploads: Upload[];
}

const todayMoscow = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: MOSCOW_ZONE }).format(now).slice(0, 10);

/** When an ОО sent its results: spread over the afternoon of the test day in its own zone. */
const afternoon = (date: string, zone: string, index: number, spreadHours: number) =>
  new Date(wallClockToInstant(date, '12:00', zone).getTime() + ((index * 37) % (spreadHours * 60)) * MINUTE);

/**
 * ВПР results of the demo campaign for every subject already written. Yesterday's subject (its deadline, 23:00 MSK
 * of the test day, has passed) is in from almost every school: one sent it late with the municipal coordinator's
 * exception, one sent it twice, three sent nothing. Today's subject comes in through the afternoon of each zone,
 * except from the school a visitor logs into. Rows, summaries and versions are what the server's acceptance
 * writes (rowToResult, summarize, results_uploads), in a few bulk statements so the first start stays quick.
 */
export async function seedDemoResults({ db, clock }: DemoContext): Promise<void> {
  const now = clock.now();
  const today = todayMoscow(now);
  const campaign = await db
    .selectFrom('campaigns')
    .select('id')
    .where('title', '=', DEMO_CAMPAIGN_TITLE)
    .executeTakeFirst();
  if (!campaign) return;
  await db.transaction().execute(async (trx) => {
    const subjects = (
      await sql<SeededSubject>`
        SELECT s.id, s.code, s.name, s.grade, s.variants, s.max_score, s.scale_3, s.scale_4, s.scale_5,
          extract(year FROM c.window_start)::int AS year, min(e.test_date)::text AS test_date
        FROM subjects s JOIN campaigns c ON c.id = s.campaign_id JOIN schedule_entries e ON e.subject_id = s.id
        WHERE s.campaign_id = ${campaign.id}::uuid
        GROUP BY s.id, c.window_start HAVING min(e.test_date) <= ${today}::date
        ORDER BY min(e.test_date)`.execute(trx)
    ).rows;
    if (!subjects.length) return;
    const ids = subjects.map((s) => s.id);
    // yesterday's window closed at 23:00 MSK of its test day: monitoring shows late and overdue schools
    const past = subjects.filter((s) => s.test_date < today).map((s) => s.id);
    if (past.length) {
      await sql`UPDATE subjects SET results_deadline = (SELECT min(test_date) FROM schedule_entries e
        WHERE e.subject_id = subjects.id) WHERE id = ANY(${past}::uuid[])`.execute(trx);
    }
    const schedule = (
      await sql<ScheduledSchool>`
        SELECT e.subject_id, o.id AS org_id, o.municipality_id, e.test_date::text AS test_date, ${orgZoneSql()} AS zone,
          u.id AS user_id, u.login
        FROM schedule_entries e
        JOIN orgs o ON o.id = e.org_id AND o.status = 'active' AND o.kind = 'school'
        LEFT JOIN LATERAL (SELECT id, login FROM users WHERE org_id = o.id ORDER BY created_at LIMIT 1) u ON true
        WHERE e.subject_id = ANY(${ids}::uuid[])
        ORDER BY o.code`.execute(trx)
    ).rows.filter((s) => s.user_id && s.login);
    const tasks = await trx
      .selectFrom('subject_tasks')
      .select(['subject_id', 'number', 'max_score', 'difficulty', 'depends_on', 'planned_result'])
      .where('subject_id', 'in', ids)
      .orderBy('subject_id')
      .orderBy('position')
      .execute();
    const codes = await ensureCodes(trx, campaign.id, subjects, schedule);

    const accepted: Accepted[] = [];
    const exceptions: { subjectId: string; school: ScheduledSchool; at: Date }[] = [];
    for (const s of subjects) {
      const { form, report } = shapesOf(
        s,
        tasks.filter((t) => t.subject_id === s.id),
      );
      const when = { isPast: s.test_date < today, deadline: subjectDeadline({ results_deadline: s.test_date }), now };
      schedule
        .filter((x) => x.subject_id === s.id)
        .forEach((school, index) => {
          const mine = codes.get(`${school.org_id}:${s.grade}`) ?? [];
          const full = () => plausibleForm(school.login!, school.org_id, form, report, mine);
          const plan = planOf(school, index, when, full, (rows) => formOf(rows, form));
          if (plan.exceptionAt) exceptions.push({ subjectId: s.id, school, at: plan.exceptionAt });
          if (plan.uploads.length)
            accepted.push({ subjectId: s.id, orgId: school.org_id, userId: school.user_id!, uploads: plan.uploads });
        });
    }
    await writeAccepted(trx, accepted);
    for (const x of exceptions) await grantException(trx, x.subjectId, x.school, x.at, addDays(today, 2));
  });
}

/** The subject as the results form and the objectivity rules see it. */
function shapesOf(
  s: SeededSubject,
  subjectTasks: Pick<TaskRow, 'number' | 'max_score' | 'difficulty' | 'depends_on' | 'planned_result'>[],
): { form: FormSubject; report: ReportSubject } {
  const demoTasks: DemoTask[] = subjectTasks.map((t) => ({
    number: t.number,
    maxScore: t.max_score,
    difficulty: t.difficulty,
    dependsOn: t.depends_on,
  }));
  const form: FormSubject = {
    code: s.code,
    grade: s.grade,
    variants: s.variants,
    maxScore: s.max_score,
    scale: { scale3: s.scale_3, scale4: s.scale_4, scale5: s.scale_5 },
    tasks: demoTasks,
    template: resultsTemplate({ ...s, tasks: demoTasks }),
  };
  const report: ReportSubject = {
    ...s,
    maxScore: s.max_score,
    ...form.scale,
    tasks: subjectTasks.map((t) => ({ ...t, maxScore: t.max_score, plannedResult: t.planned_result })),
  };
  return { form, report };
}

/**
 * What one school sent for one subject, and when. Today's subject: in the school's afternoon if that has come,
 * never from the visitor's school. Yesterday's: before the deadline, except the silent schools (nothing) and the
 * late one (after the deadline, under an exception granted between the deadline and now).
 */
function planOf(
  school: ScheduledSchool,
  index: number,
  when: { isPast: boolean; deadline: Date; now: Date },
  full: () => DemoForm,
  partial: (rows: DemoForm['rows']) => DemoForm,
): { uploads: Upload[]; exceptionAt?: Date } {
  const { isPast, deadline, now } = when;
  const login = school.login!;
  const source = index % 3 === 0 ? 'online' : 'xlsx';
  if (!isPast) {
    const at = afternoon(school.test_date, school.zone, index, 7);
    const sent = login !== DEMO_VISITOR_SCHOOL && at.getTime() <= now.getTime() - 5 * MINUTE;
    return { uploads: sent ? [{ at, late: false, source, form: full() }] : [] };
  }
  if (DEMO_SILENT_SCHOOLS.includes(login)) return { uploads: [] };
  if (login === DEMO_LATE_SCHOOL) {
    const exceptionAt = new Date(deadline.getTime() + (now.getTime() - deadline.getTime()) * 0.6);
    const at = new Date((exceptionAt.getTime() + now.getTime()) / 2);
    return { exceptionAt, uploads: [{ at, late: true, source: 'xlsx', form: full() }] };
  }
  const at = new Date(
    Math.min(afternoon(school.test_date, school.zone, index, 6).getTime(), deadline.getTime() - HOUR),
  );
  const whole: Upload = { at, late: false, source, form: full() };
  if (login !== DEMO_REUPLOADED_SCHOOL) return { uploads: [whole] };
  const firstClass = partial(whole.form.rows.filter((r) => r.classNo === 1));
  return { uploads: [{ at: new Date(at.getTime() - 2 * HOUR), late: false, source: 'xlsx', form: firstClass }, whole] };
}

/**
 * Codes of every ОО × grade of the seeded subjects as the codes job would give them: kept if issued already,
 * else counted from the application the ОО stands by (a demo parallel when it sent none). The job later finds
 * them, adds none and only prints the slips and protocol. Returns per `org:grade` the codes handed to pupils.
 */
async function ensureCodes(
  trx: Kysely<DB>,
  campaignId: string,
  subjects: SeededSubject[],
  schedule: ScheduledSchool[],
): Promise<Map<string, string[]>> {
  const grades = [...new Set(subjects.map((s) => s.grade))];
  const orgs = [...new Map(schedule.map((s) => [s.org_id, s])).values()];
  const existing = await trx
    .selectFrom('participant_codes')
    .select(['org_id', 'grade', 'code', 'reserve'])
    .where('campaign_id', '=', campaignId)
    .orderBy('code')
    .execute();
  const applications = await new CodesRepository(trx).applications(orgs.map((o) => o.org_id));
  const byPair = new Map<string, { code: string; reserve: boolean }[]>();
  for (const c of existing) byPair.set(`${c.org_id}:${c.grade}`, [...(byPair.get(`${c.org_id}:${c.grade}`) ?? []), c]);
  const fresh: { org: string; grade: number; code: string; reserve: boolean }[] = [];
  for (const o of orgs) {
    for (const grade of grades) {
      const key = `${o.org_id}:${grade}`;
      if (byPair.has(key)) continue;
      const pupils = participantsOfGrade(applications.get(o.org_id), grade) ?? demoParallel(o.login!, grade);
      const codes = codesFor(grade, pupils);
      byPair.set(key, codes);
      fresh.push(...codes.map((c) => ({ org: o.org_id, grade, ...c })));
    }
  }
  if (fresh.length) {
    await sql`
      INSERT INTO participant_codes (campaign_id, org_id, grade, code, reserve)
      SELECT ${campaignId}::uuid, t.org, t.grade, t.code, t.reserve
      FROM unnest(${fresh.map((c) => c.org)}::uuid[], ${fresh.map((c) => c.grade)}::smallint[],
        ${fresh.map((c) => c.code)}::text[], ${fresh.map((c) => c.reserve)}::boolean[]) AS t(org, grade, code, reserve)
      ON CONFLICT DO NOTHING`.execute(trx);
  }
  return new Map([...byPair].map(([k, v]) => [k, v.filter((c) => !c.reserve).map((c) => c.code)]));
}

/**
 * What ResultsRepository.accept leaves after each of these submissions in turn: every version in results_uploads,
 * the last one's rows and summary, and the working copy at the version the uploads counted up to.
 */
async function writeAccepted(trx: Transaction<DB>, accepted: Accepted[]): Promise<void> {
  if (!accepted.length) return;
  const data = (u: Upload) => JSON.stringify({ [RESULTS_SHEET]: u.form.rows });
  await trx
    .insertInto('results_uploads')
    .values(
      accepted.flatMap((a) =>
        a.uploads.map((u, i) => ({
          subject_id: a.subjectId,
          org_id: a.orgId,
          number: i + 1,
          source: u.source,
          data: data(u),
          participants: u.form.summary.participants,
          absent: u.form.summary.absent,
          late: u.late,
          submitted_by: a.userId,
          submitted_at: u.at,
        })),
      ),
    )
    .execute();
  const rows = accepted.flatMap((a) =>
    a.uploads.at(-1)!.form.results.map((r) => ({ subject: a.subjectId, org: a.orgId, ...r })),
  );
  // the same statement shape as the repository: column arrays keep the parameter count fixed
  await sql`
    INSERT INTO results (subject_id, org_id, code, class_no, variant, scores, total, mark, journal)
    SELECT t.subject, t.org, t.code, t.class_no, t.variant,
      CASE WHEN t.scores IS NULL THEN NULL ELSE string_to_array(t.scores, ',')::smallint[] END,
      t.total, t.mark, t.journal
    FROM unnest(${rows.map((x) => x.subject)}::uuid[], ${rows.map((x) => x.org)}::uuid[],
      ${rows.map((x) => x.code)}::text[], ${rows.map((x) => x.classNo)}::smallint[],
      ${rows.map((x) => x.variant)}::smallint[],
      ${rows.map((x) => (x.scores ? x.scores.map((s) => s ?? -1).join(',') : null))}::text[],
      ${rows.map((x) => x.total)}::smallint[], ${rows.map((x) => x.mark)}::smallint[],
      ${rows.map((x) => x.journal)}::smallint[])
      AS t(subject, org, code, class_no, variant, scores, total, mark, journal)`.execute(trx);
  await trx
    .insertInto('results_summary')
    .values(
      accepted.map((a) => {
        const first = a.uploads[0]!;
        const last = a.uploads.at(-1)!;
        const s = last.form.summary;
        return {
          subject_id: a.subjectId,
          org_id: a.orgId,
          participants: s.participants,
          absent: s.absent,
          m2: s.marks[0],
          m3: s.marks[1],
          m4: s.marks[2],
          m5: s.marks[3],
          j_lower: s.journal.lower,
          j_same: s.journal.same,
          j_higher: s.journal.higher,
          histogram: s.histogram,
          task_points: s.taskPoints,
          task_points_m2: s.taskPointsByMark[0],
          task_points_m3: s.taskPointsByMark[1],
          task_points_m4: s.taskPointsByMark[2],
          task_points_m5: s.taskPointsByMark[3],
          upload_number: a.uploads.length,
          first_uploaded_at: first.at,
          uploaded_at: last.at,
          // the repository keeps the first acceptance's flag when a later one replaces the rows
          late: first.late,
        };
      }),
    )
    .execute();
  await trx
    .insertInto('results_entries')
    .values(
      accepted.map((a) => ({
        subject_id: a.subjectId,
        org_id: a.orgId,
        data: data(a.uploads.at(-1)!),
        version: a.uploads.length,
        started_at: a.uploads[0]!.at,
        updated_at: a.uploads.at(-1)!.at,
        updated_by: a.userId,
      })),
    )
    .execute();
}

/** The coordinator of the school's municipality lets it upload after the deadline, until 23:00 MSK of `until`. */
async function grantException(
  trx: Transaction<DB>,
  subjectId: string,
  school: ScheduledSchool,
  at: Date,
  until: string,
): Promise<void> {
  const coordinator = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'municipal_coordinator')
    .where('municipality_id', '=', school.municipality_id)
    .executeTakeFirst();
  await trx
    .insertInto('results_exceptions')
    .values({
      subject_id: subjectId,
      org_id: school.org_id,
      open_until: wallClockToInstant(until, '23:00', MOSCOW_ZONE),
      granted_by: coordinator?.id ?? null,
      granted_at: at,
    })
    .execute();
}
