import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { orgLoginSql } from './materials.repository.ts';

export interface CodesPair {
  org_id: string;
  org_code: string;
  login: string;
  name: string;
  grade: number;
  /** the subjects of this grade in the ОО's plan-schedule: the protocol's columns */
  subjects: { code: string; name: string }[];
  has_codes: boolean;
  has_files: boolean;
}

export interface NewCodeFiles {
  campaignId: string;
  orgId: string;
  grade: number;
  storageId: string;
  /** codes to add (an ОО × grade keeps the codes it was given) */
  codes: { code: string; reserve: boolean }[];
  slips: { name: string; sha256: string; size: number };
  protocol: { name: string; sha256: string; size: number };
  at: Date;
}

/** Participant codes and their printable files, per ОО × grade of the plan-schedule. */
export class CodesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async ensureCodesStorage(campaignId: string, publicationId: string): Promise<string> {
    return this.db.transaction().execute(async (tx) => {
      const c = await tx
        .selectFrom('campaigns')
        .select('codes_storage_id')
        .where('id', '=', campaignId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (c.codes_storage_id) return c.codes_storage_id;
      const s = await tx
        .insertInto('storages')
        .values({ publication_id: publicationId, title: 'Коды участников и бумажные протоколы', position: 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.updateTable('campaigns').set({ codes_storage_id: s.id }).where('id', '=', campaignId).execute();
      return s.id;
    });
  }

  async countPairs(campaignId: string): Promise<number> {
    const r = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (
        SELECT DISTINCT e.org_id, s.grade FROM schedule_entries e
        JOIN subjects s ON s.id = e.subject_id JOIN orgs o ON o.id = e.org_id AND o.status = 'active'
        WHERE e.campaign_id = ${campaignId}::uuid) p`.execute(this.db);
    return r.rows[0]!.n;
  }

  /** ОО × grade pairs of the plan-schedule after (orgCode, grade), in that order. */
  async pairs(campaignId: string, after: { code: string; grade: number }, limit: number): Promise<CodesPair[]> {
    const r = await sql<CodesPair>`
      SELECT o.id AS org_id, o.code AS org_code, ${orgLoginSql()} AS login, o.short_name AS name, s.grade,
        json_agg(json_build_object('code', s.code, 'name', s.name) ORDER BY s.code) AS subjects,
        EXISTS (SELECT 1 FROM participant_codes pc WHERE pc.campaign_id = e.campaign_id AND pc.org_id = o.id
          AND pc.grade = s.grade) AS has_codes,
        EXISTS (SELECT 1 FROM code_files cf WHERE cf.campaign_id = e.campaign_id AND cf.org_id = o.id
          AND cf.grade = s.grade) AS has_files
      FROM schedule_entries e
      JOIN subjects s ON s.id = e.subject_id
      JOIN orgs o ON o.id = e.org_id AND o.status = 'active'
      WHERE e.campaign_id = ${campaignId}::uuid AND (o.code, s.grade) > (${after.code}, ${after.grade})
      GROUP BY o.id, o.code, o.short_name, s.grade, e.campaign_id
      ORDER BY o.code, s.grade
      LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  /**
   * The application each ОО stands by: the regional coordinator's confirmed version, else its own last
   * submission, of the newest application collection.
   */
  async applications(orgIds: string[]): Promise<Map<string, unknown>> {
    if (orgIds.length === 0) return new Map();
    const r = await sql<{ org_id: string; data: unknown }>`
      WITH app AS (SELECT id FROM collections WHERE purpose = 'application' ORDER BY created_at DESC LIMIT 1)
      SELECT o.id AS org_id, COALESCE(
        (SELECT a.data FROM application_confirmations a WHERE a.collection_id = (SELECT id FROM app)
          AND a.org_id = o.id ORDER BY a.version DESC LIMIT 1),
        (SELECT fs.data FROM form_submissions fs WHERE fs.collection_id = (SELECT id FROM app)
          AND fs.org_id = o.id ORDER BY fs.number DESC LIMIT 1)) AS data
      FROM orgs o WHERE o.id = ANY(${orgIds}::uuid[])`.execute(this.db);
    return new Map(r.rows.filter((x) => x.data !== null).map((x) => [x.org_id, x.data]));
  }

  async existingCodes(campaignId: string, orgId: string, grade: number) {
    return this.db
      .selectFrom('participant_codes')
      .select(['code', 'reserve'])
      .where('campaign_id', '=', campaignId)
      .where('org_id', '=', orgId)
      .where('grade', '=', grade)
      .orderBy('code')
      .execute();
  }

  /** Codes, both files and their link in one transaction; a pair already written is left alone. */
  async insert(v: NewCodeFiles): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const taken = await tx
        .selectFrom('code_files')
        .select('org_id')
        .where('campaign_id', '=', v.campaignId)
        .where('org_id', '=', v.orgId)
        .where('grade', '=', v.grade)
        .forUpdate()
        .executeTakeFirst();
      if (taken) return false;
      if (v.codes.length) {
        await tx
          .insertInto('participant_codes')
          .values(
            v.codes.map((c) => ({
              campaign_id: v.campaignId,
              org_id: v.orgId,
              grade: v.grade,
              code: c.code,
              reserve: c.reserve,
            })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      await tx
        .insertInto('blobs')
        .values([v.slips, v.protocol].map((f) => ({ sha256: f.sha256, size: f.size })))
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      const files = await tx
        .insertInto('storage_files')
        .values(
          [v.slips, v.protocol].map((f) => ({
            storage_id: v.storageId,
            name: f.name,
            sha256: f.sha256,
            size: f.size,
            content_type: 'application/pdf',
            only_for_orgs: true,
            org_id: v.orgId,
            available_at: null,
            available_local: null,
          })),
        )
        .returning(['id', 'name'])
        .execute();
      const id = (name: string) => files.find((f) => f.name === name)!.id;
      await tx
        .insertInto('code_files')
        .values({
          campaign_id: v.campaignId,
          org_id: v.orgId,
          grade: v.grade,
          slips_file_id: id(v.slips.name),
          protocol_file_id: id(v.protocol.name),
          generated_at: v.at,
        })
        .execute();
      return true;
    });
  }
}
