import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { emptyAggregate, type LevelKind, type ResultsAggregate } from '@oko/shared';
import type { DB } from '../../db/schema.ts';

/** Which part of the country one level's rows cover. */
export interface LevelFilter {
  regionCode?: string;
  municipalityId?: string;
  orgId?: string;
}

/** What a report needs beyond the counts: the score histogram, the task points, or neither. */
export interface Parts {
  histogram: boolean;
  tasks: boolean;
}

export interface LevelAggregate {
  key: string | null;
  label: string;
  parentId: string | null;
  agg: ResultsAggregate;
}

interface ScalarRow {
  key: string | null;
  /** the ОО level reads its label and parent in the same statement */
  label?: string;
  parent?: string | null;
  orgs: number;
  participants: number;
  absent: number;
  m2: number;
  m3: number;
  m4: number;
  m5: number;
  j_lower: number;
  j_same: number;
  j_higher: number;
}

const KEY: Record<LevelKind, RawBuilder<string | null>> = {
  all: sql<null>`NULL::text`,
  region: sql<string>`o.region_code`,
  municipality: sql<string>`o.municipality_id::text`,
  org: sql<string>`o.id::text`,
};

function where(subjectId: string, f: LevelFilter): RawBuilder<SqlBool> {
  const conds: RawBuilder<SqlBool>[] = [sql<SqlBool>`s.subject_id = ${subjectId}::uuid`];
  if (f.regionCode) conds.push(sql<SqlBool>`o.region_code = ${f.regionCode}`);
  if (f.municipalityId) conds.push(sql<SqlBool>`o.municipality_id = ${f.municipalityId}::uuid`);
  if (f.orgId) conds.push(sql<SqlBool>`o.id = ${f.orgId}::uuid`);
  return sql.join(conds, sql` AND `) as RawBuilder<SqlBool>;
}

/**
 * Analytics add up the per-ОО summaries (results_summary, one row per ОО × subject) at one level of the
 * hierarchy: the whole sample, regions, municipalities or ОО. Counts are plain sums; the score histogram and
 * the task points are arrays summed position by position with unnest … WITH ORDINALITY, and only when the
 * report needs them.
 */
export class AnalyticsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async level(
    subjectId: string,
    kind: LevelKind,
    filter: LevelFilter,
    shape: { taskCount: number; maxScore: number },
    parts: Parts,
  ): Promise<LevelAggregate[]> {
    const key = KEY[kind];
    const w = where(subjectId, filter);
    const scalars = kind === 'org' ? await this.orgScalars(w) : await this.groupScalars(key, w, kind === 'all');
    const byKey = new Map<string | null, ResultsAggregate>();
    const labelled = new Map<string, { label: string; parentId: string | null }>();
    for (const r of scalars) {
      if (r.orgs === 0) continue;
      if (r.key !== null && r.label !== undefined) labelled.set(r.key, { label: r.label, parentId: r.parent ?? null });
      // arrays only for the parts asked: the federal ОО level is 40,000 rows, and marks need none of them
      const agg = emptyAggregate(parts.tasks ? shape.taskCount : 0, parts.histogram ? shape.maxScore : -1);
      agg.orgs = r.orgs;
      agg.participants = r.participants;
      agg.absent = r.absent;
      agg.marks = [r.m2, r.m3, r.m4, r.m5];
      agg.journal = { lower: r.j_lower, same: r.j_same, higher: r.j_higher };
      byKey.set(r.key, agg);
    }
    if (parts.histogram && byKey.size) {
      const h = await sql<{ key: string | null; i: number; v: number }>`
        SELECT ${key} AS key, u.i::int AS i, sum(u.v)::int AS v
        FROM results_summary s JOIN orgs o ON o.id = s.org_id, unnest(s.histogram) WITH ORDINALITY AS u(v, i)
        WHERE ${w} GROUP BY 1, 2`.execute(this.db);
      for (const r of h.rows) {
        const agg = byKey.get(r.key);
        if (agg && r.i - 1 < agg.histogram.length) agg.histogram[r.i - 1] = r.v;
      }
    }
    if (parts.tasks && byKey.size) {
      const t = await sql<{ key: string | null; i: number; a: number; b: number; c: number; d: number; e: number }>`
        SELECT ${key} AS key, u.i::int AS i, sum(u.a)::int AS a, sum(u.b)::int AS b, sum(u.c)::int AS c,
          sum(u.d)::int AS d, sum(u.e)::int AS e
        FROM results_summary s JOIN orgs o ON o.id = s.org_id,
          unnest(s.task_points, s.task_points_m2, s.task_points_m3, s.task_points_m4, s.task_points_m5)
            WITH ORDINALITY AS u(a, b, c, d, e, i)
        WHERE ${w} GROUP BY 1, 2`.execute(this.db);
      for (const r of t.rows) {
        const agg = byKey.get(r.key);
        const i = r.i - 1;
        if (!agg || i >= agg.taskPoints.length) continue;
        agg.taskPoints[i] = r.a;
        agg.taskPointsByMark[0][i] = r.b;
        agg.taskPointsByMark[1][i] = r.c;
        agg.taskPointsByMark[2][i] = r.d;
        agg.taskPointsByMark[3][i] = r.e;
      }
    }
    const labels =
      kind === 'org'
        ? labelled
        : await this.labels(
            kind,
            [...byKey.keys()].filter((k): k is string => k !== null),
          );
    return [...byKey.entries()].map(([k, agg]) => {
      const l = k === null ? { label: 'Вся выборка', parentId: null } : (labels.get(k) ?? { label: k, parentId: null });
      return { key: k, label: l.label, parentId: l.parentId, agg };
    });
  }

  /** A level that adds ОО up: the whole sample (one row), regions, municipalities. */
  private async groupScalars(key: RawBuilder<string | null>, w: RawBuilder<SqlBool>, whole: boolean) {
    const r = await sql<ScalarRow>`
      SELECT ${key} AS key, count(*)::int AS orgs, sum(s.participants)::int AS participants, sum(s.absent)::int AS absent,
        sum(s.m2)::int AS m2, sum(s.m3)::int AS m3, sum(s.m4)::int AS m4, sum(s.m5)::int AS m5,
        sum(s.j_lower)::int AS j_lower, sum(s.j_same)::int AS j_same, sum(s.j_higher)::int AS j_higher
      FROM results_summary s JOIN orgs o ON o.id = s.org_id
      WHERE ${w} ${whole ? sql`` : sql`GROUP BY 1`}`.execute(this.db);
    return r.rows;
  }

  /**
   * The ОО level needs no grouping (one summary row per ОО) and takes its `name(login)` label in the same
   * statement: an ОО has one account (users_one_per_org), joined rather than looked up 40,000 times.
   */
  private async orgScalars(w: RawBuilder<SqlBool>) {
    const r = await sql<ScalarRow>`
      SELECT o.id::text AS key, 1 AS orgs, s.participants, s.absent, s.m2, s.m3, s.m4, s.m5,
        s.j_lower, s.j_same, s.j_higher,
        o.short_name || '(' || coalesce(u.login, o.code) || ')' AS label,
        coalesce(o.municipality_id::text, o.region_code) AS parent
      FROM results_summary s JOIN orgs o ON o.id = s.org_id LEFT JOIN users u ON u.org_id = o.id
      WHERE ${w}`.execute(this.db);
    return r.rows;
  }

  /** How the reports print a region (its name) and a municipality (`name(regRR_mNNN)`). */
  private async labels(
    kind: LevelKind,
    keys: string[],
  ): Promise<Map<string, { label: string; parentId: string | null }>> {
    const out = new Map<string, { label: string; parentId: string | null }>();
    if (keys.length === 0 || kind === 'all') return out;
    if (kind === 'region') {
      const r = await this.db.selectFrom('regions').select(['code', 'name']).where('code', 'in', keys).execute();
      for (const x of r) out.set(x.code, { label: x.name, parentId: null });
      return out;
    }
    const r = await sql<{ id: string; name: string; region_code: string; login: string | null }>`
        SELECT m.id::text AS id, m.name, m.region_code,
          (SELECT u.login FROM users u WHERE u.municipality_id = m.id AND u.role = 'municipal_coordinator'
            ORDER BY u.created_at LIMIT 1) AS login
        FROM municipalities m WHERE m.id = ANY(${keys}::uuid[])`.execute(this.db);
    for (const x of r.rows)
      out.set(x.id, { label: x.login ? `${x.name}(${x.login})` : x.name, parentId: x.region_code });
    return out;
  }
}
