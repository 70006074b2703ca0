import { sql, type Kysely } from 'kysely';
import type { MaterialsGroup } from '@oko/shared';
import type { DB } from '../db/schema.ts';
import { orgZoneSql } from './materials.repository.ts';

export interface ProgressRow {
  subject_id: string;
  code: string;
  name: string;
  grade: number;
  materials_group: MaterialsGroup;
  test_date: string;
  results_deadline: string;
  zone: string;
  archive_file_id: string | null;
  archive_name: string | null;
  archive_size: string | null;
  archive_downloaded_at: Date | null;
  criteria_file_id: string | null;
  criteria_name: string | null;
  criteria_size: string | null;
  criteria_downloaded_at: Date | null;
  password_opened_at: Date | null;
  kits_count: number | null;
  kits_at: Date | null;
  results_uploaded_at: Date | null;
}

export interface CodesRow {
  grade: number;
  codes: number;
  reserve: number;
  slips_file_id: string | null;
  slips_name: string | null;
  slips_size: string | null;
  slips_downloaded_at: Date | null;
  protocol_file_id: string | null;
  protocol_name: string | null;
  protocol_size: string | null;
  protocol_downloaded_at: Date | null;
}

/** The first time this ОО downloaded a file (any of its accounts). */
const firstDownload = (fileCol: string, orgId: string) =>
  sql<Date | null>`(SELECT min(d.at) FROM file_downloads d
    WHERE d.file_id = ${sql.ref(fileCol)} AND d.org_id = ${orgId}::uuid)`;

/** What one ОО has of a campaign, and what the system saw it do: one query per block. */
export class ProgressRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async campaign(campaignId: string) {
    return this.db
      .selectFrom('campaigns')
      .select(['id', 'title', 'progress_publication_id'])
      .where('id', '=', campaignId)
      .executeTakeFirst();
  }

  async orgZone(orgId: string): Promise<string> {
    const r = await sql<{
      zone: string;
    }>`SELECT ${orgZoneSql()} AS zone FROM orgs o WHERE o.id = ${orgId}::uuid`.execute(this.db);
    return r.rows[0]?.zone ?? 'Europe/Moscow';
  }

  async entries(campaignId: string, orgId: string): Promise<ProgressRow[]> {
    const r = await sql<ProgressRow>`
      SELECT s.id AS subject_id, s.code, s.name, s.grade, s.materials_group,
        e.test_date::text AS test_date, s.results_deadline::text AS results_deadline, ${orgZoneSql()} AS zone,
        m.archive_file_id, af.name AS archive_name, af.size::text AS archive_size,
        ${firstDownload('m.archive_file_id', orgId)} AS archive_downloaded_at,
        m.criteria_file_id, cf.name AS criteria_name, cf.size::text AS criteria_size,
        ${firstDownload('m.criteria_file_id', orgId)} AS criteria_downloaded_at,
        pw.first_at AS password_opened_at, k.count AS kits_count, k.last_at AS kits_at,
        rs.first_uploaded_at AS results_uploaded_at
      FROM schedule_entries e
      JOIN subjects s ON s.id = e.subject_id
      JOIN orgs o ON o.id = e.org_id
      LEFT JOIN materials m ON m.subject_id = e.subject_id AND m.org_id = e.org_id
      LEFT JOIN storage_files af ON af.id = m.archive_file_id
      LEFT JOIN storage_files cf ON cf.id = m.criteria_file_id
      LEFT JOIN materials_steps pw ON pw.subject_id = e.subject_id AND pw.org_id = e.org_id AND pw.step = 'password'
      LEFT JOIN materials_steps k ON k.subject_id = e.subject_id AND k.org_id = e.org_id AND k.step = 'kits_printed'
      LEFT JOIN results_summary rs ON rs.subject_id = e.subject_id AND rs.org_id = e.org_id
      WHERE e.campaign_id = ${campaignId}::uuid AND e.org_id = ${orgId}::uuid
      ORDER BY e.test_date, s.grade, s.code`.execute(this.db);
    return r.rows;
  }

  async codes(campaignId: string, orgId: string): Promise<CodesRow[]> {
    const r = await sql<CodesRow>`
      SELECT g.grade, g.codes, g.reserve,
        cf.slips_file_id, sf.name AS slips_name, sf.size::text AS slips_size,
        ${firstDownload('cf.slips_file_id', orgId)} AS slips_downloaded_at,
        cf.protocol_file_id, pf.name AS protocol_name, pf.size::text AS protocol_size,
        ${firstDownload('cf.protocol_file_id', orgId)} AS protocol_downloaded_at
      FROM (SELECT grade, count(*)::int AS codes, count(*) FILTER (WHERE reserve)::int AS reserve
            FROM participant_codes WHERE campaign_id = ${campaignId}::uuid AND org_id = ${orgId}::uuid
            GROUP BY grade) g
      LEFT JOIN code_files cf ON cf.campaign_id = ${campaignId}::uuid AND cf.org_id = ${orgId}::uuid
        AND cf.grade = g.grade
      LEFT JOIN storage_files sf ON sf.id = cf.slips_file_id
      LEFT JOIN storage_files pf ON pf.id = cf.protocol_file_id
      ORDER BY g.grade`.execute(this.db);
    return r.rows;
  }

  /** The gate inputs and the sealed password of one ОО × subject, for the password endpoint. */
  async passwordOf(subjectId: string, orgId: string) {
    const r = await sql<{
      materials_group: MaterialsGroup;
      test_date: string;
      results_deadline: string;
      zone: string;
      password_sealed: string | null;
      generated: boolean;
    }>`
      SELECT s.materials_group, e.test_date::text AS test_date, s.results_deadline::text AS results_deadline,
        ${orgZoneSql()} AS zone, m.password_sealed, (m.org_id IS NOT NULL) AS generated
      FROM schedule_entries e
      JOIN subjects s ON s.id = e.subject_id
      JOIN orgs o ON o.id = e.org_id
      LEFT JOIN materials m ON m.subject_id = e.subject_id AND m.org_id = e.org_id
      WHERE e.subject_id = ${subjectId}::uuid AND e.org_id = ${orgId}::uuid`.execute(this.db);
    return r.rows[0];
  }

  /** Records a step: the first time stays, the last time moves. */
  async recordStep(v: {
    subjectId: string;
    orgId: string;
    step: 'password' | 'kits_printed';
    at: Date;
    userId: string;
    count?: number;
  }): Promise<Date> {
    const r = await this.db
      .insertInto('materials_steps')
      .values({
        subject_id: v.subjectId,
        org_id: v.orgId,
        step: v.step,
        first_at: v.at,
        last_at: v.at,
        count: v.count ?? null,
        user_id: v.userId,
      })
      .onConflict((oc) =>
        oc.columns(['subject_id', 'org_id', 'step']).doUpdateSet((eb) => ({
          last_at: eb.ref('excluded.last_at'),
          count: eb.ref('excluded.count'),
          user_id: eb.ref('excluded.user_id'),
        })),
      )
      .returning('first_at')
      .executeTakeFirstOrThrow();
    return r.first_at;
  }
}
