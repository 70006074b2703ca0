import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { MonitoringState } from '@oko/shared';
import type { Actor } from '../access/actor.ts';
import { orgGoverned } from '../access/visibility.ts';
import type { DB } from '../db/schema.ts';
import { orgLoginSql } from '../materials/materials.repository.ts';

export interface MonitoringDbRow {
  org_id: string;
  login: string;
  name: string;
  municipality: string | null;
  test_date: string;
  state: MonitoringState;
  participants: number | null;
  absent: number | null;
  uploaded_at: Date | null;
  uploads: number;
  open_until: Date | null;
}

export interface MonitoringTotals {
  expected: number;
  uploaded: number;
  late: number;
  missing: number;
  overdue: number;
  participants: number;
  absent: number;
}

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Who of the coordinator's scheduled ОО has sent results for a subject, judged against its deadline. */
export class MonitoringRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base(actor: Actor, subjectId: string, deadline: Date, now: Date) {
    return sql`
      SELECT o.id AS org_id, ${orgLoginSql()} AS login, o.short_name AS name, mu.name AS municipality,
        e.test_date::text AS test_date,
        CASE WHEN s.org_id IS NOT NULL THEN (CASE WHEN s.late THEN 'late' ELSE 'uploaded' END)
          WHEN ${deadline}::timestamptz <= ${now}::timestamptz THEN 'overdue' ELSE 'missing' END AS state,
        s.participants, s.absent, s.uploaded_at, coalesce(s.upload_number, 0) AS uploads, x.open_until
      FROM schedule_entries e
      JOIN orgs o ON o.id = e.org_id AND o.status = 'active'
      LEFT JOIN municipalities mu ON mu.id = o.municipality_id
      LEFT JOIN results_summary s ON s.subject_id = e.subject_id AND s.org_id = e.org_id
      LEFT JOIN results_exceptions x ON x.subject_id = e.subject_id AND x.org_id = e.org_id
      WHERE e.subject_id = ${subjectId}::uuid AND ${orgGoverned(actor)}`;
  }

  async totals(actor: Actor, subjectId: string, deadline: Date, now: Date): Promise<MonitoringTotals> {
    const r = await sql<MonitoringTotals>`
      SELECT count(*)::int AS expected,
        count(*) FILTER (WHERE t.state = 'uploaded')::int AS uploaded,
        count(*) FILTER (WHERE t.state = 'late')::int AS late,
        count(*) FILTER (WHERE t.state = 'missing')::int AS missing,
        count(*) FILTER (WHERE t.state = 'overdue')::int AS overdue,
        coalesce(sum(t.participants), 0)::int AS participants,
        coalesce(sum(t.absent), 0)::int AS absent
      FROM (${this.base(actor, subjectId, deadline, now)}) t`.execute(this.db);
    return r.rows[0]!;
  }

  async page(
    actor: Actor,
    subjectId: string,
    deadline: Date,
    now: Date,
    q: { state?: MonitoringState; search?: string; limit: number; offset: number },
  ): Promise<{ rows: MonitoringDbRow[]; total: number }> {
    const conds: RawBuilder<SqlBool>[] = [sql<SqlBool>`true`];
    if (q.state) conds.push(sql<SqlBool>`t.state = ${q.state}`);
    if (q.search) {
      const like = `%${escapeLike(q.search)}%`;
      conds.push(sql<SqlBool>`(t.name ILIKE ${like} OR t.login ILIKE ${like} OR t.municipality ILIKE ${like})`);
    }
    const where = sql.join(conds, sql` AND `);
    const r = await sql<MonitoringDbRow & { total: number }>`
      SELECT t.*, count(*) OVER ()::int AS total FROM (${this.base(actor, subjectId, deadline, now)}) t
      WHERE ${where}
      ORDER BY t.municipality NULLS FIRST, t.login
      LIMIT ${q.limit} OFFSET ${q.offset}`.execute(this.db);
    return { rows: r.rows, total: r.rows[0]?.total ?? 0 };
  }

  /** Scheduled ОО of a subject with nothing accepted yet: whom the reminder goes to. */
  async missingOrgs(subjectId: string): Promise<string[]> {
    const r = await sql<{ org_id: string }>`
      SELECT e.org_id FROM schedule_entries e
      JOIN orgs o ON o.id = e.org_id AND o.status = 'active'
      WHERE e.subject_id = ${subjectId}::uuid
        AND NOT EXISTS (SELECT 1 FROM results_summary s WHERE s.subject_id = e.subject_id AND s.org_id = e.org_id)`.execute(
      this.db,
    );
    return r.rows.map((x) => x.org_id);
  }
}
