import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { TrackingQuery } from '@oko/shared';
import type { Actor } from '../access/actor.ts';
import { orgGoverned } from '../access/visibility.ts';
import type { DB } from '../db/schema.ts';
import { orgLoginSql } from './materials.repository.ts';

export interface TrackingDbRow {
  org_id: string;
  code: string;
  login: string;
  name: string;
  municipality: string | null;
  test_date: string;
  generated: boolean;
  archive_downloaded_at: Date | null;
  password_opened_at: Date | null;
  criteria_downloaded_at: Date | null;
  kits_count: number | null;
}

export interface TrackingTotals {
  expected: number;
  generated: number;
  archiveDownloaded: number;
  passwordOpened: number;
  criteriaDownloaded: number;
  kitsConfirmed: number;
}

type Filter = NonNullable<TrackingQuery['filter']>;

const FILTERS: Record<Filter, RawBuilder<SqlBool>> = {
  all: sql<SqlBool>`true`,
  archive_missing: sql<SqlBool>`t.archive_downloaded_at IS NULL`,
  password_missing: sql<SqlBool>`t.password_opened_at IS NULL`,
  criteria_missing: sql<SqlBool>`t.criteria_downloaded_at IS NULL`,
};

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Who downloaded the archive and who opened the password, across the coordinator's part of the
 * country: one row per scheduled ОО, the first time the ОО itself did each step.
 */
export class TrackingRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base(actor: Actor, subjectId: string) {
    return sql`
      SELECT o.id AS org_id, o.code, ${orgLoginSql()} AS login, o.short_name AS name, mu.name AS municipality,
        e.test_date::text AS test_date, (m.org_id IS NOT NULL) AS generated,
        (SELECT min(d.at) FROM file_downloads d WHERE d.file_id = m.archive_file_id AND d.org_id = o.id)
          AS archive_downloaded_at,
        pw.first_at AS password_opened_at,
        (SELECT min(d.at) FROM file_downloads d WHERE d.file_id = m.criteria_file_id AND d.org_id = o.id)
          AS criteria_downloaded_at,
        k.count AS kits_count
      FROM schedule_entries e
      JOIN orgs o ON o.id = e.org_id AND o.status = 'active'
      LEFT JOIN municipalities mu ON mu.id = o.municipality_id
      LEFT JOIN materials m ON m.subject_id = e.subject_id AND m.org_id = e.org_id
      LEFT JOIN materials_steps pw ON pw.subject_id = e.subject_id AND pw.org_id = o.id AND pw.step = 'password'
      LEFT JOIN materials_steps k ON k.subject_id = e.subject_id AND k.org_id = o.id AND k.step = 'kits_printed'
      WHERE e.subject_id = ${subjectId}::uuid AND ${orgGoverned(actor)}`;
  }

  async totals(actor: Actor, subjectId: string): Promise<TrackingTotals> {
    const r = await sql<TrackingTotals>`
      SELECT count(*)::int AS expected,
        count(*) FILTER (WHERE t.generated)::int AS generated,
        count(t.archive_downloaded_at)::int AS "archiveDownloaded",
        count(t.password_opened_at)::int AS "passwordOpened",
        count(t.criteria_downloaded_at)::int AS "criteriaDownloaded",
        count(t.kits_count)::int AS "kitsConfirmed"
      FROM (${this.base(actor, subjectId)}) t`.execute(this.db);
    return r.rows[0]!;
  }

  async page(
    actor: Actor,
    subjectId: string,
    q: { filter: Filter; search?: string | undefined; limit: number; offset: number },
  ): Promise<{ rows: TrackingDbRow[]; total: number }> {
    const search = q.search
      ? sql<SqlBool>`(t.login ILIKE ${`%${escapeLike(q.search)}%`} OR t.name ILIKE ${`%${escapeLike(q.search)}%`})`
      : sql<SqlBool>`true`;
    const r = await sql<TrackingDbRow & { total: number }>`
      SELECT t.*, count(*) OVER ()::int AS total
      FROM (${this.base(actor, subjectId)}) t
      WHERE ${FILTERS[q.filter]} AND ${search}
      ORDER BY t.code
      LIMIT ${q.limit} OFFSET ${q.offset}`.execute(this.db);
    return { rows: r.rows, total: r.rows[0]?.total ?? 0 };
  }

  /** Every row of the scope in code order, in batches after a code (the report job). */
  async batch(actor: Actor, subjectId: string, afterCode: string, limit: number): Promise<TrackingDbRow[]> {
    const r = await sql<TrackingDbRow>`
      SELECT t.* FROM (${this.base(actor, subjectId)}) t
      WHERE t.code > ${afterCode} ORDER BY t.code LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  /** The subject with its campaign, for titles. */
  subject(subjectId: string) {
    return this.db
      .selectFrom('subjects as s')
      .innerJoin('campaigns as c', 'c.id', 's.campaign_id')
      .select([
        's.id',
        's.campaign_id',
        's.code',
        's.name',
        's.grade',
        's.materials_group',
        'c.title as campaign_title',
      ])
      .where('s.id', '=', subjectId)
      .executeTakeFirst();
  }
}
