import { sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import type { OrgScope, Scope } from '../access/scope-rules.ts';
import { orgInScope } from '../collections/collection-sql.ts';
import type { DB } from '../db/schema.ts';
import { APPLICATION_SHEET } from '../registration/templates/application.ts';

const CHUNK = 1000;
const asText = (col: string) => sql<string>`${sql.ref(col)}::text`;

/** Which ОО × subjects a plan-schedule query covers: the actor's part of the country, maybe one region. */
export interface PairFilter {
  campaignId: string;
  scope: Scope<OrgScope>;
  regionCode: string | null;
  subjectId: string | null;
}

export interface PlanPairRow {
  org_id: string;
  login: string | null;
  name: string;
  municipality: string;
  subject_id: string;
  subject_code: string;
  grade: number;
  participants: number | null;
  test_date: string | null;
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The ОО × subject pairs of the plan-schedule: a line of the ОО's confirmed application names the subject
 * (by its Russian name and grade, as the application does), or the ОО already has a date for it. The
 * confirmed application is the ОО's latest confirmation in any application collection.
 */
function pairsSql(f: PairFilter): RawBuilder<unknown> {
  const inScope = (o: string): RawBuilder<SqlBool> =>
    f.regionCode === null
      ? orgInScope(f.scope, o)
      : sql<SqlBool>`(${orgInScope(f.scope, o)} AND ${sql.ref(`${o}.region_code`)} = ${f.regionCode})`;
  const subjectOnly = (col: string) => (f.subjectId === null ? sql`true` : sql`${sql.ref(col)} = ${f.subjectId}::uuid`);
  const sheet = sql.lit(APPLICATION_SHEET);
  return sql`
    conf AS (
      SELECT DISTINCT ON (a.org_id) a.org_id, a.data
      FROM application_confirmations a
      JOIN collections c ON c.id = a.collection_id AND c.purpose = 'application'
      JOIN orgs ao ON ao.id = a.org_id
      WHERE ${inScope('ao')}
      ORDER BY a.org_id, a.confirmed_at DESC, a.version DESC
    ),
    lines AS (
      SELECT conf.org_id, lower(btrim(l->>'subject')) AS subject, btrim(l->>'grade') AS grade,
        CASE
          WHEN jsonb_typeof(l->'participants') = 'number' THEN round((l->>'participants')::numeric)
          WHEN btrim(l->>'participants') ~ '^[0-9]{1,6}$' THEN btrim(l->>'participants')::numeric
        END AS participants
      FROM conf
      CROSS JOIN LATERAL jsonb_array_elements(
        CASE WHEN jsonb_typeof(conf.data->${sheet}) = 'array' THEN conf.data->${sheet} ELSE '[]'::jsonb END) l
      WHERE jsonb_typeof(l) = 'object'
    ),
    applied AS (
      SELECT lines.org_id, s.id AS subject_id, sum(lines.participants)::int AS participants
      FROM lines
      JOIN subjects s ON s.campaign_id = ${f.campaignId}::uuid
        AND lower(btrim(s.name)) = lines.subject AND s.grade::text = lines.grade
      WHERE lines.participants IS NOT NULL AND ${subjectOnly('s.id')}
      GROUP BY lines.org_id, s.id
    ),
    pairs AS (
      SELECT org_id, subject_id FROM applied
      UNION
      SELECT e.org_id, e.subject_id FROM schedule_entries e JOIN orgs eo ON eo.id = e.org_id
      WHERE e.campaign_id = ${f.campaignId}::uuid AND ${subjectOnly('e.subject_id')} AND ${inScope('eo')}
    ),
    plan AS (
      SELECT o.id AS org_id, u.login, o.short_name AS name, m.name AS municipality, o.region_code, m.code AS m_code,
        o.code AS org_code, o.full_name, o.status, s.id AS subject_id, s.code AS subject_code, s.grade,
        a.participants, e.test_date::text AS test_date, (a.org_id IS NOT NULL) AS has_application
      FROM pairs p
      JOIN orgs o ON o.id = p.org_id
      JOIN municipalities m ON m.id = o.municipality_id
      JOIN subjects s ON s.id = p.subject_id
      LEFT JOIN applied a ON a.org_id = p.org_id AND a.subject_id = p.subject_id
      LEFT JOIN schedule_entries e ON e.org_id = p.org_id AND e.subject_id = p.subject_id
      LEFT JOIN LATERAL (SELECT x.login FROM users x WHERE x.org_id = o.id ORDER BY x.login LIMIT 1) u ON true
      WHERE o.status = 'active' OR e.org_id IS NOT NULL
    )`;
}

const searchSql = (search: string | undefined): RawBuilder<SqlBool> =>
  search
    ? sql<SqlBool>`(plan.login ILIKE ${likePattern(search)} OR plan.name ILIKE ${likePattern(search)}
        OR plan.full_name ILIKE ${likePattern(search)})`
    : sql<SqlBool>`true`;

const ORDER = sql`ORDER BY plan.region_code, plan.m_code, plan.org_code, plan.grade, plan.subject_code`;

/** The plan-schedule as coordinators see and fill it. */
export class SchedulePlanRepository {
  constructor(private readonly db: Kysely<DB>) {}

  transaction<T>(run: (repo: SchedulePlanRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx: Transaction<DB>) => run(new SchedulePlanRepository(trx)));
  }

  campaign(campaignId: string) {
    return this.db
      .selectFrom('campaigns')
      .select(['id', 'title', asText('window_start').as('window_start'), asText('window_end').as('window_end')])
      .where('id', '=', campaignId)
      .executeTakeFirst();
  }

  subjects(campaignId: string) {
    return this.db
      .selectFrom('subjects')
      .select(['id', 'code', 'name', 'grade', asText('results_deadline').as('results_deadline')])
      .where('campaign_id', '=', campaignId)
      .orderBy('grade')
      .orderBy('code')
      .execute();
  }

  async page(f: PairFilter, search: string | undefined, limit: number, offset: number): Promise<PlanPairRow[]> {
    const res = await sql<PlanPairRow>`WITH ${pairsSql(f)}
      SELECT plan.org_id, plan.login, plan.name, plan.municipality, plan.subject_id, plan.subject_code, plan.grade,
        plan.participants, plan.test_date
      FROM plan WHERE ${searchSql(search)} ${ORDER} LIMIT ${limit} OFFSET ${offset}`.execute(this.db);
    return res.rows;
  }

  async totals(f: PairFilter, search: string | undefined) {
    const res = await sql<{ applied: number; scheduled: number; participants: number; matched: number }>`
      WITH ${pairsSql(f)}
      SELECT count(*) FILTER (WHERE plan.has_application)::int AS applied,
        count(*) FILTER (WHERE plan.test_date IS NOT NULL)::int AS scheduled,
        coalesce(sum(plan.participants), 0)::int AS participants,
        count(*) FILTER (WHERE ${searchSql(search)})::int AS matched
      FROM plan`.execute(this.db);
    return res.rows[0] ?? { applied: 0, scheduled: 0, participants: 0, matched: 0 };
  }

  async all(f: PairFilter): Promise<PlanPairRow[]> {
    const res = await sql<PlanPairRow>`WITH ${pairsSql(f)}
      SELECT plan.org_id, plan.login, plan.name, plan.municipality, plan.subject_id, plan.subject_code, plan.grade,
        plan.participants, plan.test_date
      FROM plan ${ORDER}`.execute(this.db);
    return res.rows;
  }

  /** Active ОО with an application line for the subject and no date yet. */
  async withoutDate(f: PairFilter): Promise<string[]> {
    const res = await sql<{ org_id: string }>`WITH ${pairsSql(f)}
      SELECT plan.org_id FROM plan
      WHERE plan.has_application AND plan.test_date IS NULL AND plan.status = 'active'
      ORDER BY plan.org_id`.execute(this.db);
    return res.rows.map((r) => r.org_id);
  }

  /** ОО accounts by login (logins are case-sensitive). */
  async orgsByLogin(logins: string[]) {
    if (logins.length === 0) return [];
    const res = await sql<{ login: string; org_id: string }>`
      SELECT u.login, u.org_id FROM users u
      WHERE u.login = ANY(${logins}::text[]) AND u.org_id IS NOT NULL`.execute(this.db);
    return res.rows;
  }

  entries(campaignId: string, orgIds: string[]) {
    if (orgIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('schedule_entries')
      .select(['org_id', 'subject_id', asText('test_date').as('test_date')])
      .where('campaign_id', '=', campaignId)
      .where('org_id', 'in', orgIds)
      .execute();
  }

  /** Sets each date; `onlyNew` leaves an existing date alone. Answers how many rows were written. */
  async write(
    e: {
      campaignId: string;
      entries: { orgId: string; subjectId: string; testDate: string }[];
      userId: string;
      at: Date;
    },
    onlyNew: boolean,
  ): Promise<number> {
    let written = 0;
    for (let i = 0; i < e.entries.length; i += CHUNK) {
      const values = e.entries.slice(i, i + CHUNK).map((x) => ({
        campaign_id: e.campaignId,
        subject_id: x.subjectId,
        org_id: x.orgId,
        test_date: x.testDate,
        chosen_by: e.userId,
        chosen_at: e.at,
      }));
      const rows = await this.db
        .insertInto('schedule_entries')
        .values(values)
        .onConflict((oc) =>
          onlyNew
            ? oc.columns(['subject_id', 'org_id']).doNothing()
            : oc.columns(['subject_id', 'org_id']).doUpdateSet({
                test_date: (eb) => eb.ref('excluded.test_date'),
                chosen_by: (eb) => eb.ref('excluded.chosen_by'),
                chosen_at: (eb) => eb.ref('excluded.chosen_at'),
              }),
        )
        .returning('org_id')
        .execute();
      written += rows.length;
    }
    return written;
  }
}
