import { sql, type Kysely, type Transaction } from 'kysely';
import type { ParticipantResult, ResultsAggregate } from '@oko/shared';
import type { DB } from '../db/schema.ts';
import { orgZoneSql } from '../materials/materials.repository.ts';

/** One scheduled subject of an ОО, with what the results form needs to know of it. */
export interface OrgSubjectRow {
  subject_id: string;
  campaign_id: string;
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
  results_deadline: string;
  zone: string;
  open_until: Date | null;
  entry_version: number | null;
  last_number: number | null;
  last_source: 'online' | 'xlsx' | null;
  last_at: Date | null;
  last_participants: number | null;
  last_absent: number | null;
  last_late: boolean | null;
}

export interface TaskRow {
  position: number;
  number: string;
  max_score: number;
  difficulty: 'Б' | 'П' | 'В';
  planned_result: string;
  depends_on: string | null;
}

export interface UploadRow {
  number: number;
  source: 'online' | 'xlsx';
  submitted_at: Date;
  participants: number;
  absent: number;
  late: boolean;
}

export interface AcceptInput {
  subjectId: string;
  orgId: string;
  userId: string;
  source: 'online' | 'xlsx';
  data: string;
  results: ParticipantResult[];
  summary: ResultsAggregate;
  late: boolean;
  now: Date;
}

const X = -1;

/** The SQL of results: the ОО's forms, versions, accepted rows and their per-ОО summary. */
export class ResultsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private subjectsSql(orgId: string, subjectId: string | null) {
    return sql<OrgSubjectRow>`
      SELECT s.id AS subject_id, s.campaign_id, s.code, s.name, s.grade, s.variants, s.max_score,
        s.scale_3, s.scale_4, s.scale_5, extract(year FROM c.window_start)::int AS year,
        e.test_date::text AS test_date, s.results_deadline::text AS results_deadline, ${orgZoneSql()} AS zone,
        x.open_until, en.version AS entry_version,
        u.number AS last_number, u.source AS last_source, u.submitted_at AS last_at,
        u.participants AS last_participants, u.absent AS last_absent, u.late AS last_late
      FROM schedule_entries e
      JOIN subjects s ON s.id = e.subject_id
      JOIN campaigns c ON c.id = s.campaign_id
      JOIN orgs o ON o.id = e.org_id
      LEFT JOIN results_exceptions x ON x.subject_id = s.id AND x.org_id = o.id
      LEFT JOIN results_entries en ON en.subject_id = s.id AND en.org_id = o.id
      LEFT JOIN LATERAL (
        SELECT number, source, submitted_at, participants, absent, late FROM results_uploads r
        WHERE r.subject_id = s.id AND r.org_id = o.id ORDER BY number DESC LIMIT 1
      ) u ON true
      WHERE e.org_id = ${orgId}::uuid ${subjectId ? sql`AND e.subject_id = ${subjectId}::uuid` : sql``}
      ORDER BY e.test_date, s.grade, s.code`;
  }

  async orgSubjects(orgId: string): Promise<OrgSubjectRow[]> {
    return (await this.subjectsSql(orgId, null).execute(this.db)).rows;
  }

  async orgSubject(orgId: string, subjectId: string, trx: Kysely<DB> = this.db): Promise<OrgSubjectRow | undefined> {
    return (await this.subjectsSql(orgId, subjectId).execute(trx)).rows[0];
  }

  async tasks(subjectId: string): Promise<TaskRow[]> {
    return this.db
      .selectFrom('subject_tasks')
      .select(['position', 'number', 'max_score', 'difficulty', 'planned_result', 'depends_on'])
      .where('subject_id', '=', subjectId)
      .orderBy('position')
      .execute();
  }

  async codes(campaignId: string, orgId: string, grade: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('participant_codes')
      .select('code')
      .where('campaign_id', '=', campaignId)
      .where('org_id', '=', orgId)
      .where('grade', '=', grade)
      .orderBy('code')
      .execute();
    return rows.map((r) => r.code);
  }

  async entry(subjectId: string, orgId: string) {
    return this.db
      .selectFrom('results_entries')
      .select(['data', 'version', 'updated_at'])
      .where('subject_id', '=', subjectId)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
  }

  async uploads(subjectId: string, orgId: string): Promise<UploadRow[]> {
    return this.db
      .selectFrom('results_uploads')
      .select(['number', 'source', 'submitted_at', 'participants', 'absent', 'late'])
      .where('subject_id', '=', subjectId)
      .where('org_id', '=', orgId)
      .orderBy('number', 'desc')
      .execute();
  }

  /**
   * The working copy, written only over the version the editor started from (0: none yet). Returns the new
   * version, or null when another tab saved first.
   */
  async saveEntry(
    subjectId: string,
    orgId: string,
    userId: string,
    data: string,
    version: number,
    now: Date,
  ): Promise<{ version: number; updated_at: Date } | null> {
    if (version === 0) {
      const r = await sql<{ version: number; updated_at: Date }>`
        INSERT INTO results_entries (subject_id, org_id, data, version, started_at, updated_at, updated_by)
        VALUES (${subjectId}::uuid, ${orgId}::uuid, ${data}::jsonb, 1, ${now}, ${now}, ${userId}::uuid)
        ON CONFLICT DO NOTHING RETURNING version, updated_at`.execute(this.db);
      return r.rows[0] ?? null;
    }
    const r = await sql<{ version: number; updated_at: Date }>`
      UPDATE results_entries SET data = ${data}::jsonb, version = version + 1, updated_at = ${now},
        updated_by = ${userId}::uuid
      WHERE subject_id = ${subjectId}::uuid AND org_id = ${orgId}::uuid AND version = ${version}
      RETURNING version, updated_at`.execute(this.db);
    return r.rows[0] ?? null;
  }

  /** The stored version, for the message of a refused save (0: none). */
  async entryVersion(subjectId: string, orgId: string, trx: Kysely<DB> = this.db): Promise<number> {
    const r = await trx
      .selectFrom('results_entries')
      .select('version')
      .where('subject_id', '=', subjectId)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return r?.version ?? 0;
  }

  /** Locks the ОО × subject for one acceptance at a time (two tabs submitting together get numbers 1 and 2). */
  async lock(trx: Transaction<DB>, subjectId: string, orgId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`results:${subjectId}:${orgId}`}, 0))`.execute(trx);
  }

  /**
   * An accepted submission replaces the ОО's rows and summary, becomes the working copy and is kept as the
   * next version, in the caller's transaction.
   */
  async accept(trx: Transaction<DB>, a: AcceptInput): Promise<{ number: number; version: number }> {
    const { subjectId, orgId, now } = a;
    const last = await trx
      .selectFrom('results_uploads')
      .select(sql<number>`coalesce(max(number), 0)`.as('n'))
      .where('subject_id', '=', subjectId)
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    const number = Number(last.n) + 1;
    await trx
      .insertInto('results_uploads')
      .values({
        subject_id: subjectId,
        org_id: orgId,
        number,
        source: a.source,
        data: a.data,
        participants: a.summary.participants,
        absent: a.summary.absent,
        late: a.late,
        submitted_by: a.userId,
        submitted_at: now,
      })
      .execute();
    await trx.deleteFrom('results').where('subject_id', '=', subjectId).where('org_id', '=', orgId).execute();
    // one statement for the whole form: unnest of column arrays keeps the parameter count fixed
    if (a.results.length) {
      const r = a.results;
      await sql`
        INSERT INTO results (subject_id, org_id, code, class_no, variant, scores, total, mark, journal)
        SELECT ${subjectId}::uuid, ${orgId}::uuid, t.code, t.class_no, t.variant,
          CASE WHEN t.scores IS NULL THEN NULL ELSE string_to_array(t.scores, ',')::smallint[] END,
          t.total, t.mark, t.journal
        FROM unnest(${r.map((x) => x.code)}::text[], ${r.map((x) => x.classNo)}::smallint[],
          ${r.map((x) => x.variant)}::smallint[],
          ${r.map((x) => (x.scores ? x.scores.map((s) => s ?? X).join(',') : null))}::text[],
          ${r.map((x) => x.total)}::smallint[], ${r.map((x) => x.mark)}::smallint[],
          ${r.map((x) => x.journal)}::smallint[])
          AS t(code, class_no, variant, scores, total, mark, journal)`.execute(trx);
    }
    const s = a.summary;
    await sql`
      INSERT INTO results_summary (subject_id, org_id, participants, absent, m2, m3, m4, m5, j_lower, j_same, j_higher,
        histogram, task_points, task_points_m2, task_points_m3, task_points_m4, task_points_m5,
        upload_number, first_uploaded_at, uploaded_at, late)
      VALUES (${subjectId}::uuid, ${orgId}::uuid, ${s.participants}, ${s.absent}, ${s.marks[0]}, ${s.marks[1]},
        ${s.marks[2]}, ${s.marks[3]}, ${s.journal.lower}, ${s.journal.same}, ${s.journal.higher},
        ${s.histogram}::int[], ${s.taskPoints}::int[], ${s.taskPointsByMark[0]}::int[], ${s.taskPointsByMark[1]}::int[],
        ${s.taskPointsByMark[2]}::int[], ${s.taskPointsByMark[3]}::int[], ${number}, ${now}, ${now}, ${a.late})
      ON CONFLICT (subject_id, org_id) DO UPDATE SET participants = EXCLUDED.participants, absent = EXCLUDED.absent,
        m2 = EXCLUDED.m2, m3 = EXCLUDED.m3, m4 = EXCLUDED.m4, m5 = EXCLUDED.m5, j_lower = EXCLUDED.j_lower,
        j_same = EXCLUDED.j_same, j_higher = EXCLUDED.j_higher, histogram = EXCLUDED.histogram,
        task_points = EXCLUDED.task_points, task_points_m2 = EXCLUDED.task_points_m2,
        task_points_m3 = EXCLUDED.task_points_m3, task_points_m4 = EXCLUDED.task_points_m4,
        task_points_m5 = EXCLUDED.task_points_m5, upload_number = EXCLUDED.upload_number,
        uploaded_at = EXCLUDED.uploaded_at`.execute(trx);
    const entry = await sql<{ version: number }>`
      INSERT INTO results_entries (subject_id, org_id, data, version, started_at, updated_at, updated_by)
      VALUES (${subjectId}::uuid, ${orgId}::uuid, ${a.data}::jsonb, 1, ${now}, ${now}, ${a.userId}::uuid)
      ON CONFLICT (subject_id, org_id) DO UPDATE SET data = EXCLUDED.data,
        version = results_entries.version + 1, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
      RETURNING version`.execute(trx);
    return { number, version: entry.rows[0]!.version };
  }

  async grantException(subjectId: string, orgId: string, openUntil: Date, userId: string, now: Date): Promise<void> {
    await this.db
      .insertInto('results_exceptions')
      .values({ subject_id: subjectId, org_id: orgId, open_until: openUntil, granted_by: userId, granted_at: now })
      .onConflict((oc) =>
        oc
          .columns(['subject_id', 'org_id'])
          .doUpdateSet({ open_until: openUntil, granted_by: userId, granted_at: now }),
      )
      .execute();
  }

  async scheduled(subjectId: string, orgId: string): Promise<boolean> {
    const r = await this.db
      .selectFrom('schedule_entries')
      .select('org_id')
      .where('subject_id', '=', subjectId)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return r !== undefined;
  }
}
