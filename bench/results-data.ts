// The national picture of one ВПР subject for the results benches (issue 5): Математика 4 on the synthetic
// registry of lib/national-registry.ts, ~1.7 million participants written straight into results and
// results_summary with set-based SQL. The summaries are computed from the results rows by GROUP BY, so
// every analytics level adds up exactly what the rows say; a sample is checked against the server's own
// summarize(). Some ОО are kept empty: the upload benches send their forms over HTTP.
import { addDays, summarize, type ParticipantResult, type ResultsAggregate } from '@oko/shared';
import { sql, type Kysely } from 'kysely';
import { createHash, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { SESSION_COOKIE } from '../apps/server/src/auth/session-store.ts';
import type { DB } from '../apps/server/src/db/schema.ts';
import { pool, type Session } from './lib/materials-http.ts';
import { MUNICIPALITY_PREFIX } from './lib/national-registry.ts';

/** Математика 4 in 20 positions: one-point tasks first, two-point ones in between and at the end. */
export const TASK_MAX = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 1, 1, 2, 2, 1, 2, 2, 2];
export const MAX_SCORE = TASK_MAX.reduce((a, b) => a + b, 0);
export const SCALE = { scale3: 7, scale4: 14, scale5: 21 };
export const GRADE = 4;
/**
 * How hard each position is (subtracted from a pupil's ability): easy arithmetic first, the text problems
 * and the logic task last. Tuned so the marks come out near a real Математика 4: 2 ≈ 6 %, 3 ≈ 27 %, 4 ≈ 41 %, 5 ≈ 26 %.
 */
const TASK_HARDNESS = [
  -0.4, -0.35, -0.3, -0.3, -0.25, -0.25, -0.2, -0.2, -0.15, -0.15, -0.1, -0.1, -0.05, -0.05, 0, 0, 0.05, 0.1, 0.15, 0.2,
];
const ABSENT_SHARE = 0.03;
const X_SHARE = 0.015;
/** pupils per class: the class ordinal of pupil k */
const CLASS_SIZE = 28;

export const participantCode = (k: number) => `${GRADE}${String(k).padStart(4, '0')}`;

export interface ResultsCampaign {
  campaignId: string;
  subjectId: string;
  /** subjects of the same shape, empty: the ingestion bench writes the same rows into each */
  ingest: { accept: string; parallel: string; copy: string };
  testDate: string;
  scheduled: number;
}

/**
 * A campaign with Математика 4 (open group), its tasks and scale, and every generated ОО on the plan-schedule
 * for yesterday: the results window (00:00 local of the test day to 23:00 MSK of the deadline a week on) is
 * open in every zone on the real clock.
 */
export async function seedResultsCampaign(db: Kysely<DB>, today = new Date()): Promise<ResultsCampaign> {
  const testDate = addDays(today.toISOString().slice(0, 10), -1);
  const campaign = await db
    .insertInto('campaigns')
    .values({
      code: 'bench-results',
      title: 'ВПР: результаты национального масштаба',
      window_start: addDays(testDate, -20),
      window_end: addDays(testDate, 20),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const subject = (code: string, name: string) =>
    db
      .insertInto('subjects')
      .values({
        campaign_id: campaign.id,
        code,
        name,
        grade: GRADE,
        materials_group: 'open',
        variants: 2,
        max_score: MAX_SCORE,
        scale_3: SCALE.scale3,
        scale_4: SCALE.scale4,
        scale_5: SCALE.scale5,
        results_deadline: addDays(testDate, 7),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const main = await subject('МА', 'Математика');
  const accept = await subject('МА-З1', 'Математика (замер загрузки)');
  const parallel = await subject('МА-З2', 'Математика (замер параллельной загрузки)');
  const copy = await subject('МА-К', 'Математика (замер COPY)');
  for (const s of [main, accept, parallel, copy]) {
    await db
      .insertInto('subject_tasks')
      .values(
        TASK_MAX.map((max, i) => ({
          subject_id: s.id,
          position: i + 1,
          number: String(i + 1),
          max_score: max,
          difficulty: (i < 12 ? 'Б' : i < 18 ? 'П' : 'В') as 'Б' | 'П' | 'В',
          planned_result: `Планируемый результат ${i + 1}: вычисления, величины, текстовые задачи`,
        })),
      )
      .execute();
  }
  const scheduled = await sql`
    INSERT INTO schedule_entries (campaign_id, subject_id, org_id, test_date, chosen_at)
    SELECT ${campaign.id}::uuid, ${main.id}::uuid, o.id, ${testDate}::date, now()
    FROM orgs o JOIN municipalities m ON m.id = o.municipality_id
    WHERE m.name LIKE ${MUNICIPALITY_PREFIX + ' %'} AND o.kind = 'school'`.execute(db);
  return {
    campaignId: campaign.id,
    subjectId: main.id,
    ingest: { accept: accept.id, parallel: parallel.id, copy: copy.id },
    testDate,
    scheduled: Number(scheduled.numAffectedRows ?? 0),
  };
}

export interface Uploader {
  orgId: string;
  login: string;
}

export interface CountryPlan {
  /** the region whose «Индивидуальные результаты» are exported: its ОО carry `exportRegionRows` pupils */
  exportRegion: string;
  exportRegionOrgs: number;
  /** ОО left without generated results, spread over the other regions: they upload over HTTP */
  uploaders: Uploader[];
  /** the ОО given results here, with their pupil count (absent included) and a school effect on ability */
  generated: { orgId: string; pupils: number; shift: number }[];
  generatedRows: number;
}

/** A small deterministic PRNG (mulberry32): the same country on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `total` into integer parts proportional to the weights (cumulative rounding: the sum is exact). */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  let prev = 0;
  return weights.map((w) => {
    acc += w;
    const upTo = Math.round((acc / sum) * total);
    const n = upTo - prev;
    prev = upTo;
    return n;
  });
}

/**
 * Who gets what: the export region's ОО share `exportRegionRows` pupils (big urban schools), `uploaders` ОО
 * elsewhere stay empty for the upload benches (each will send `uploadRows`), and the other ОО share the rest of
 * `totalRows` with a skewed size (a village school of a handful, a city school of a hundred and more).
 */
export async function planCountry(
  db: Kysely<DB>,
  opts: { totalRows: number; exportRegionRows: number; uploaders: number; uploadRows: number },
): Promise<CountryPlan> {
  const orgs = await sql<{ id: string; region_code: string; login: string }>`
    SELECT o.id, o.region_code, u.login FROM orgs o JOIN municipalities m ON m.id = o.municipality_id
    JOIN users u ON u.org_id = o.id
    WHERE m.name LIKE ${MUNICIPALITY_PREFIX + ' %'} AND o.kind = 'school' ORDER BY o.code`.execute(db);
  const exportRegion = orgs.rows[0]!.region_code;
  const inRegion = orgs.rows.filter((o) => o.region_code === exportRegion);
  const others = orgs.rows.filter((o) => o.region_code !== exportRegion);
  const every = Math.max(1, Math.floor(others.length / opts.uploaders));
  const uploaderSet = new Set<string>();
  for (let i = 0; i < others.length && uploaderSet.size < opts.uploaders; i += every) uploaderSet.add(others[i]!.id);
  const rest = others.filter((o) => !uploaderSet.has(o.id));
  const rnd = prng(20260415);
  const shift = () => (rnd() - 0.5) * 0.2;
  const regionSizes = split(
    opts.exportRegionRows,
    inRegion.map(() => 0.7 + rnd() * 0.6),
  );
  const restRows = opts.totalRows - opts.exportRegionRows - uploaderSet.size * opts.uploadRows;
  const restSizes = split(
    restRows,
    rest.map(() => 0.15 + rnd() ** 2 * 3),
  );
  const generated = [
    ...inRegion.map((o, i) => ({ orgId: o.id, pupils: regionSizes[i]!, shift: shift() })),
    ...rest.map((o, i) => ({ orgId: o.id, pupils: Math.max(1, restSizes[i]!), shift: shift() })),
  ];
  return {
    exportRegion,
    exportRegionOrgs: inRegion.length,
    uploaders: others.filter((o) => uploaderSet.has(o.id)).map((o) => ({ orgId: o.id, login: o.login })),
    generated,
    generatedRows: generated.reduce((a, g) => a + g.pupils, 0),
  };
}

/** Participant codes 40001…400NN of grade 4 for the ОО that will upload (their forms are checked against them). */
export async function issueCodes(db: Kysely<DB>, campaignId: string, orgIds: string[], perOrg: number): Promise<void> {
  await sql`
    INSERT INTO participant_codes (campaign_id, org_id, grade, code, reserve)
    SELECT ${campaignId}::uuid, o, ${GRADE}, ${String(GRADE)} || lpad(k::text, 4, '0'), k > ${perOrg - 3}
    FROM unnest(${orgIds}::uuid[]) o, generate_series(1, ${perOrg}) k`.execute(db);
}

/** The region's ВПР coordinator (login regRR0000), with the national bench password of the school accounts. */
export async function addRegionCoordinator(db: Kysely<DB>, regionCode: string): Promise<string> {
  const login = `reg${regionCode}0000`;
  await sql`
    INSERT INTO users (login, password_hash, role, region_code, must_change_password, password_issued_at)
    SELECT ${login}, password_hash, 'region_coordinator', ${regionCode}, false, now()
    FROM users WHERE role = 'school' AND login LIKE 'sch%' ORDER BY login LIMIT 1
    ON CONFLICT DO NOTHING`.execute(db);
  return login;
}

/**
 * Signed-in sessions of these accounts written as the server's SessionStore writes them (a random token whose
 * SHA-256 is stored, a CSRF token): two thousand argon2 logins would take minutes of the server's CPU and are
 * measured elsewhere. A change of the session format shows at once: the bench's first GET /api/me fails.
 */
export async function issueSessions(db: Kysely<DB>, logins: string[]): Promise<Session[]> {
  const tokens = logins.map(() => randomBytes(32).toString('base64url'));
  const csrf = logins.map(() => randomBytes(24).toString('base64url'));
  const hashes = tokens.map((t) => createHash('sha256').update(t).digest('base64url'));
  const made = await sql`
    INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
    SELECT t.h, u.id, t.c, now(), now(), now() + interval '1 day'
    FROM unnest(${logins}::text[], ${hashes}::text[], ${csrf}::text[]) AS t(login, h, c)
    JOIN users u ON u.login = t.login`.execute(db);
  if (Number(made.numAffectedRows ?? 0) !== logins.length) throw new Error('не все учётные записи найдены');
  return logins.map((login, i) => ({ login, cookie: `${SESSION_COOKIE}=${tokens[i]!}`, csrf: csrf[i]! }));
}

export interface GenerationFigures {
  orgs: number;
  rows: number;
  participants: number;
  absent: number;
  marks: [number, number, number, number];
  meanTotal: number;
  resultsSeconds: number;
  summarySeconds: number;
  vacuumSeconds: number;
  /** results table + its index, MB */
  tableMb: number;
}

const ints = (n: number, f: (i: number) => string) => sql.raw(Array.from({ length: n }, (_, i) => f(i)).join(', '));

/** The pupils of these ОО: scores from a per-pupil ability, hardness per task, a few X and absent. */
async function insertResults(db: Kysely<DB>, subjectId: string, chunk: CountryPlan['generated']): Promise<void> {
  await sql`
    WITH o AS (
      SELECT * FROM unnest(${chunk.map((c) => c.orgId)}::uuid[], ${chunk.map((c) => c.pupils)}::int[],
        ${chunk.map((c) => c.shift)}::float8[]) AS o(org_id, n, shift)
    ), p AS (
      SELECT o.org_id, k, random() < ${ABSENT_SHARE} AS absent, (1 + k % 2)::smallint AS variant,
        (1 + (k - 1) / ${CLASS_SIZE})::smallint AS class_no,
        (random() + random() + random()) / 3 + o.shift AS ability
      FROM o CROSS JOIN LATERAL generate_series(1, o.n) k
      OFFSET 0
    ), s AS (
      SELECT p.*, CASE WHEN p.absent THEN NULL ELSE ARRAY(
        SELECT CASE WHEN random() < ${X_SHARE} THEN -1
          ELSE least(t.m, greatest(0, floor((p.ability - t.d + (random() - 0.5) * 0.7) * (t.m + 1))))::int END
        FROM unnest(${TASK_MAX}::int[], ${TASK_HARDNESS}::float8[]) WITH ORDINALITY AS t(m, d, i)
        ORDER BY t.i)::smallint[] END AS scores
      FROM p OFFSET 0
    ), t AS (
      SELECT s.*, (SELECT sum(greatest(x, 0))::int FROM unnest(s.scores) x) AS total, random() AS r1, random() AS r2
      FROM s OFFSET 0
    ), m AS (
      SELECT t.*, CASE WHEN t.total IS NULL THEN NULL WHEN t.total >= ${SCALE.scale5} THEN 5
        WHEN t.total >= ${SCALE.scale4} THEN 4 WHEN t.total >= ${SCALE.scale3} THEN 3 ELSE 2 END AS mark
      FROM t OFFSET 0
    )
    INSERT INTO results (subject_id, org_id, code, class_no, variant, scores, total, mark, journal)
    SELECT ${subjectId}::uuid, org_id, ${String(GRADE)} || lpad(k::text, 4, '0'), class_no,
      CASE WHEN absent THEN NULL ELSE variant END, scores, total, mark,
      CASE WHEN r1 < 0.04 THEN NULL
        ELSE least(5, greatest(2, coalesce(mark, 4) + CASE WHEN r2 < 0.6 THEN 0 WHEN r2 < 0.88 THEN 1 ELSE -1 END))
      END
    FROM m`.execute(db);
}

/** The summary of these ОО from their results rows: the same sums summarize() makes, in one GROUP BY. */
async function insertSummaries(db: Kysely<DB>, subjectId: string, orgIds: string[]): Promise<void> {
  const tasks = TASK_MAX.length;
  const points = (mark: number | null) =>
    ints(
      tasks,
      (i) => `coalesce(sum(greatest(scores[${i + 1}], 0))${mark === null ? '' : ` FILTER (WHERE mark = ${mark})`}, 0)`,
    );
  await sql`
    INSERT INTO results_summary (subject_id, org_id, participants, absent, m2, m3, m4, m5, j_lower, j_same, j_higher,
      histogram, task_points, task_points_m2, task_points_m3, task_points_m4, task_points_m5,
      upload_number, first_uploaded_at, uploaded_at, late)
    SELECT ${subjectId}::uuid, org_id, count(total), count(*) - count(total),
      count(*) FILTER (WHERE mark = 2), count(*) FILTER (WHERE mark = 3), count(*) FILTER (WHERE mark = 4),
      count(*) FILTER (WHERE mark = 5), count(*) FILTER (WHERE mark < journal), count(*) FILTER (WHERE mark = journal),
      count(*) FILTER (WHERE mark > journal),
      ARRAY[${ints(MAX_SCORE + 1, (k) => `count(*) FILTER (WHERE total = ${k})`)}]::int[],
      ARRAY[${points(null)}]::int[], ARRAY[${points(2)}]::int[], ARRAY[${points(3)}]::int[], ARRAY[${points(4)}]::int[],
      ARRAY[${points(5)}]::int[], 1, now(), now(), false
    FROM results WHERE subject_id = ${subjectId}::uuid AND org_id = ANY(${orgIds}::uuid[])
    GROUP BY org_id`.execute(db);
  // the version row each accepted ОО has (monitoring reads it); the form JSON itself is left out
  await sql`
    INSERT INTO results_uploads (subject_id, org_id, number, source, data, participants, absent, late, submitted_at)
    SELECT subject_id, org_id, 1, 'xlsx', '{}'::jsonb, participants, absent, false, uploaded_at
    FROM results_summary WHERE subject_id = ${subjectId}::uuid AND org_id = ANY(${orgIds}::uuid[])`.execute(db);
}

/**
 * Writes the plan's pupils in chunks on `parallel` connections (one backend per core), then every chunk's
 * summaries, then VACUUM ANALYZE as autovacuum would after a bulk load.
 */
export async function generateResults(
  db: Kysely<DB>,
  subjectId: string,
  plan: CountryPlan,
  opts: { parallel: number; chunkOrgs: number; log: (m: string) => void },
): Promise<GenerationFigures> {
  const chunks: CountryPlan['generated'][] = [];
  for (let i = 0; i < plan.generated.length; i += opts.chunkOrgs)
    chunks.push(plan.generated.slice(i, i + opts.chunkOrgs));
  let written = 0;
  let lastLog = performance.now();
  const t0 = performance.now();
  await pool(chunks, opts.parallel, async (chunk) => {
    await insertResults(db, subjectId, chunk);
    written += chunk.reduce((a, c) => a + c.pupils, 0);
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      opts.log(`результаты: ${written.toLocaleString('ru-RU')} из ${plan.generatedRows.toLocaleString('ru-RU')}`);
    }
  });
  const resultsSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await pool(chunks, opts.parallel, (chunk) =>
    insertSummaries(
      db,
      subjectId,
      chunk.map((c) => c.orgId),
    ),
  );
  const summarySeconds = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  await sql`VACUUM ANALYZE results`.execute(db);
  await sql`VACUUM ANALYZE results_summary`.execute(db);
  await sql`VACUUM ANALYZE results_uploads`.execute(db);
  const vacuumSeconds = (performance.now() - t2) / 1000;

  const c = await sql<{
    orgs: number;
    participants: number;
    absent: number;
    m2: number;
    m3: number;
    m4: number;
    m5: number;
  }>`SELECT count(*)::int AS orgs, sum(participants)::int AS participants, sum(absent)::int AS absent,
      sum(m2)::int AS m2, sum(m3)::int AS m3, sum(m4)::int AS m4, sum(m5)::int AS m5
    FROM results_summary WHERE subject_id = ${subjectId}::uuid`.execute(db);
  const r = await sql<{ rows: number; mean: number; mb: number }>`
    SELECT count(*)::int AS rows, avg(total)::float8 AS mean,
      (pg_total_relation_size('results') / 1048576.0)::float8 AS mb
    FROM results WHERE subject_id = ${subjectId}::uuid`.execute(db);
  const s = c.rows[0]!;
  const x = r.rows[0]!;
  if (s.participants + s.absent !== x.rows)
    throw new Error(`сводки не сходятся с результатами: ${s.participants} + ${s.absent} ≠ ${x.rows}`);
  return {
    orgs: s.orgs,
    rows: x.rows,
    participants: s.participants,
    absent: s.absent,
    marks: [s.m2, s.m3, s.m4, s.m5],
    meanTotal: x.mean,
    resultsSeconds,
    summarySeconds,
    vacuumSeconds,
    tableMb: x.mb,
  };
}

/**
 * Results for ОО the upload benches left without any (the open loop takes only as many ОО as its rate allows),
 * generated as the rest of the country: analytics then covers every ОО. Returns how many were filled.
 */
export async function fillMissing(
  db: Kysely<DB>,
  subjectId: string,
  orgIds: string[],
  pupils: number,
): Promise<number> {
  const r = await sql<{ org_id: string }>`
    SELECT o AS org_id FROM unnest(${orgIds}::uuid[]) o
    WHERE NOT EXISTS (SELECT 1 FROM results_summary s WHERE s.subject_id = ${subjectId}::uuid AND s.org_id = o)`.execute(
    db,
  );
  const missing = r.rows.map((x) => ({ orgId: x.org_id, pupils, shift: 0 }));
  if (missing.length === 0) return 0;
  await insertResults(db, subjectId, missing);
  await insertSummaries(
    db,
    subjectId,
    missing.map((m) => m.orgId),
  );
  await sql`ANALYZE results_summary`.execute(db);
  return missing.length;
}

interface ResultRow {
  org_id: string;
  code: string;
  class_no: number | null;
  variant: number | null;
  scores: number[] | null;
  total: number | null;
  mark: 2 | 3 | 4 | 5 | null;
  journal: 2 | 3 | 4 | 5 | null;
}

/** A stored row as the service had it before writing (X is -1 in the table, null in the form's result). */
export const rowAsResult = (r: ResultRow): ParticipantResult => ({
  code: r.code,
  variant: r.variant,
  classNo: r.class_no,
  scores: r.scores ? r.scores.map((s) => (s < 0 ? null : s)) : null,
  total: r.total,
  mark: r.mark,
  journal: r.journal,
});

/** The stored results of these ОО, grouped by ОО in the order given. */
export async function resultsOf(
  db: Kysely<DB>,
  subjectId: string,
  orgIds: string[],
): Promise<Map<string, ParticipantResult[]>> {
  const out = new Map<string, ParticipantResult[]>(orgIds.map((id) => [id, []]));
  const r = await sql<ResultRow>`
    SELECT org_id::text AS org_id, code, class_no, variant, scores, total, mark, journal FROM results
    WHERE subject_id = ${subjectId}::uuid AND org_id = ANY(${orgIds}::uuid[]) ORDER BY org_id, code`.execute(db);
  for (const row of r.rows) out.get(row.org_id)!.push(rowAsResult(row));
  return out;
}

/**
 * The SQL summaries of a sample of ОО against the server's summarize() over the same rows: a mismatch would
 * make every analytics figure of the bench meaningless. Returns how many ОО were compared.
 */
export async function checkSummaries(db: Kysely<DB>, subjectId: string, orgIds: string[]): Promise<number> {
  const rows = await resultsOf(db, subjectId, orgIds);
  const stored = await sql<{
    org_id: string;
    participants: number;
    absent: number;
    m2: number;
    m3: number;
    m4: number;
    m5: number;
    j_lower: number;
    j_same: number;
    j_higher: number;
    histogram: number[];
    task_points: number[];
    task_points_m2: number[];
    task_points_m3: number[];
    task_points_m4: number[];
    task_points_m5: number[];
  }>`SELECT org_id::text AS org_id, participants, absent, m2, m3, m4, m5, j_lower, j_same, j_higher, histogram,
      task_points, task_points_m2, task_points_m3, task_points_m4, task_points_m5
    FROM results_summary WHERE subject_id = ${subjectId}::uuid AND org_id = ANY(${orgIds}::uuid[])`.execute(db);
  for (const s of stored.rows) {
    const want: ResultsAggregate = summarize(rows.get(s.org_id) ?? [], TASK_MAX.length, MAX_SCORE);
    const got = {
      participants: s.participants,
      absent: s.absent,
      marks: [s.m2, s.m3, s.m4, s.m5],
      journal: { lower: s.j_lower, same: s.j_same, higher: s.j_higher },
      histogram: s.histogram,
      taskPoints: s.task_points,
      taskPointsByMark: [s.task_points_m2, s.task_points_m3, s.task_points_m4, s.task_points_m5],
    };
    const { orgs: _orgs, ...expected } = want;
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      throw new Error(
        `сводка ОО ${s.org_id} не равна summarize():\n${JSON.stringify(got)}\n${JSON.stringify(expected)}`,
      );
    }
  }
  return stored.rows.length;
}
