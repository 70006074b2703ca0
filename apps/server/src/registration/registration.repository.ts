import { sql, type Kysely } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { collectionVisible } from '../access/visibility.ts';
import { assignedTo } from '../collections/collection-sql.ts';
import type { DB } from '../db/schema.ts';
import type { StagedKind } from '../db/schema.registration.ts';

export interface RegistryOrgRow {
  id: string;
  code: string;
  login: string | null;
  user_id: string | null;
  full_name: string;
  short_name: string;
  status: 'active' | 'closed';
  municipality_id: string;
  municipality_code: string;
  municipality_name: string;
}

export interface MunicipalityRow {
  id: string;
  code: string;
  name: string;
  coordinator_id: string | null;
  coordinator_login: string | null;
  full_name: string | null;
  position: string | null;
  phone: string | null;
  email: string | null;
}

export interface StagedRow {
  id: string;
  kind: StagedKind;
  created_by: string;
  region_code: string;
  municipality_id: string | null;
  collection_id: string | null;
  fingerprint: string;
  changes: unknown;
  errors: unknown;
  created_at: Date;
  expires_at: Date;
  applied_at: Date | null;
}

export interface ApplicationCollectionRow {
  id: string;
  title: string;
  purpose: string;
  template_id: string;
  template_code: string;
  definition: unknown;
  opens_at: Date;
  closes_at: Date;
}

/** A school the application collection is assigned to, with what it sent and what was confirmed. */
export interface ApplicationSchoolRow {
  org_id: string;
  code: string;
  login: string | null;
  short_name: string;
  full_name: string;
  municipality_code: string;
  municipality_name: string;
  entry_data: unknown;
  started: boolean;
  submitted_at: Date | null;
  submission_data: unknown;
  confirmation_version: number | null;
  confirmation_data: unknown;
}

export interface ConfirmationRow {
  version: number;
  data: unknown;
  corrected: boolean;
  confirmed_at: Date;
  confirmed_by_login: string | null;
}

type Db = Kysely<DB>;

/** Every query of the registration flows. Methods that write take the transaction they run in. */
export class RegistrationRepository {
  constructor(private readonly db: Db) {}

  regionName(code: string, db: Db = this.db) {
    return db.selectFrom('regions').select('name').where('code', '=', code).executeTakeFirst();
  }

  municipality(id: string, db: Db = this.db) {
    return db
      .selectFrom('municipalities')
      .select(['id', sql<string>`code::text`.as('code'), 'name', sql<string>`region_code::text`.as('region_code')])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** The schools of a region or of one municipality, as the registry file lists them. */
  async registryOrgs(scope: { regionCode: string; municipalityId: string | null }, db: Db = this.db) {
    const res = await sql<RegistryOrgRow>`
      SELECT o.id, o.code::text AS code, u.login, u.id AS user_id, o.full_name, o.short_name, o.status,
        o.municipality_id, m.code::text AS municipality_code, m.name AS municipality_name
      FROM orgs o
      JOIN municipalities m ON m.id = o.municipality_id
      LEFT JOIN users u ON u.org_id = o.id
      WHERE o.region_code = ${scope.regionCode} AND o.kind = 'school'
        AND (${scope.municipalityId}::uuid IS NULL OR o.municipality_id = ${scope.municipalityId}::uuid)
      ORDER BY m.code, o.code`.execute(db);
    return res.rows;
  }

  /** Full names of every ОО of the region (any kind), to catch an ОО added twice. */
  async regionOrgNames(regionCode: string, db: Db = this.db) {
    const res = await sql<{ code: string; full_name: string }>`
      SELECT o.code::text AS code, o.full_name FROM orgs o WHERE o.region_code = ${regionCode}`.execute(db);
    return res.rows;
  }

  async municipalities(regionCode: string, db: Db = this.db) {
    const res = await sql<MunicipalityRow>`
      SELECT m.id, m.code::text AS code, m.name, u.id AS coordinator_id, u.login AS coordinator_login,
        u.full_name, u.position, u.phone, u.email
      FROM municipalities m
      LEFT JOIN users u ON u.municipality_id = m.id AND u.role = 'municipal_coordinator'
      WHERE m.region_code = ${regionCode}
      ORDER BY m.code`.execute(db);
    return res.rows;
  }

  /** Previews that were never applied and have expired are of no use to anyone: dropped at the next upload. */
  async pruneExpired(userId: string, now: Date): Promise<void> {
    await this.db
      .deleteFrom('staged_changes')
      .where('created_by', '=', userId)
      .where('applied_at', 'is', null)
      .where('expires_at', '<', now)
      .execute();
  }

  async stage(
    v: {
      kind: StagedKind;
      createdBy: string;
      regionCode: string;
      municipalityId: string | null;
      collectionId: string | null;
      fingerprint: string;
      changes: unknown;
      errors: unknown[];
      createdAt: Date;
      expiresAt: Date;
    },
    db: Db = this.db,
  ): Promise<string> {
    await this.pruneExpired(v.createdBy, v.createdAt);
    const row = await db
      .insertInto('staged_changes')
      .values({
        kind: v.kind,
        created_by: v.createdBy,
        region_code: v.regionCode,
        municipality_id: v.municipalityId,
        collection_id: v.collectionId,
        fingerprint: v.fingerprint,
        changes: JSON.stringify(v.changes),
        errors: JSON.stringify(v.errors),
        created_at: v.createdAt,
        expires_at: v.expiresAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async staged(id: string, userId: string, kind: StagedKind): Promise<StagedRow | undefined> {
    const res = await sql<StagedRow>`
      SELECT * FROM staged_changes WHERE id = ${id}::uuid AND created_by = ${userId}::uuid AND kind = ${kind}`.execute(
      this.db,
    );
    return res.rows[0];
  }

  /** The caller's own staged change set, locked until the transaction ends: two applies queue here. */
  async lockStaged(id: string, userId: string, kind: StagedKind, db: Db): Promise<StagedRow | undefined> {
    const res = await sql<StagedRow>`
      SELECT * FROM staged_changes WHERE id = ${id}::uuid AND created_by = ${userId}::uuid AND kind = ${kind}
      FOR UPDATE`.execute(db);
    return res.rows[0];
  }

  async markApplied(id: string, at: Date, db: Db): Promise<void> {
    await db.updateTable('staged_changes').set({ applied_at: at }).where('id', '=', id).execute();
  }

  async lastApplied(kind: StagedKind, regionCode: string, municipalityId: string | null): Promise<Date | null> {
    let q = this.db
      .selectFrom('staged_changes')
      .select((eb) => eb.fn.max('applied_at').as('at'))
      .where('kind', '=', kind)
      .where('region_code', '=', regionCode)
      .where('applied_at', 'is not', null);
    if (municipalityId) q = q.where('municipality_id', '=', municipalityId);
    const row = await q.executeTakeFirst();
    return row?.at ? new Date(row.at) : null;
  }

  /** Serializes every registry change of a region (code allocation included) until the transaction ends. */
  async lockRegion(regionCode: string, db: Db): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`oko:registry:${regionCode}`}))`.execute(db);
  }

  /** The highest school number (the four digits after the region code) in the region. */
  async maxSchoolNumber(regionCode: string, db: Db): Promise<number> {
    const res = await sql<{ n: number | null }>`
      SELECT max(substr(code, 3, 4)::int) AS n FROM orgs
      WHERE region_code = ${regionCode} AND kind = 'school'`.execute(db);
    return res.rows[0]?.n ?? 0;
  }

  async usedOrgNumbers(regionCode: string, db: Db): Promise<Set<number>> {
    const res = await sql<{ n: number }>`
      SELECT substr(code, 3, 4)::int AS n FROM orgs WHERE region_code = ${regionCode}`.execute(db);
    return new Set(res.rows.map((r) => r.n));
  }

  async setOrgStatus(ids: string[], status: 'active' | 'closed', db: Db): Promise<void> {
    if (ids.length === 0) return;
    await db.updateTable('orgs').set({ status }).where('id', 'in', ids).execute();
    if (status === 'closed') await this.endSessionsOfOrgs(ids, db);
  }

  /** A closed ОО no longer signs in (auth refuses it); the sessions it still holds end now. */
  async endSessionsOfOrgs(ids: string[], db: Db): Promise<void> {
    if (ids.length === 0) return;
    await db
      .updateTable('sessions')
      .set({ ended_at: sql<Date>`now()` })
      .where('ended_at', 'is', null)
      .where('user_id', 'in', db.selectFrom('users').select('id').where('org_id', 'in', ids))
      .execute();
  }

  async updateOrg(
    id: string,
    v: { fullName?: string; shortName?: string; municipalityId?: string; status?: 'active' | 'closed' },
    db: Db,
  ): Promise<void> {
    const set: { full_name?: string; short_name?: string; municipality_id?: string; status?: 'active' | 'closed' } = {};
    if (v.fullName !== undefined) set.full_name = v.fullName;
    if (v.shortName !== undefined) set.short_name = v.shortName;
    if (v.municipalityId !== undefined) set.municipality_id = v.municipalityId;
    if (v.status !== undefined) set.status = v.status;
    if (Object.keys(set).length === 0) return;
    await db.updateTable('orgs').set(set).where('id', '=', id).execute();
    // the account of the ОО lives where the ОО lives
    if (v.municipalityId !== undefined) {
      await db.updateTable('users').set({ municipality_id: v.municipalityId }).where('org_id', '=', id).execute();
    }
    if (v.status === 'closed') await this.endSessionsOfOrgs([id], db);
  }

  async insertOrg(
    v: { regionCode: string; municipalityId: string; code: string; fullName: string; shortName: string },
    db: Db,
  ): Promise<string> {
    const row = await db
      .insertInto('orgs')
      .values({
        region_code: v.regionCode,
        municipality_id: v.municipalityId,
        code: v.code,
        kind: 'school',
        full_name: v.fullName,
        short_name: v.shortName,
        status: 'active',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async setContact(
    userId: string,
    c: { fullName: string; position: string; phone: string; email: string },
    db: Db,
  ): Promise<void> {
    await db
      .updateTable('users')
      .set({ full_name: c.fullName, position: c.position, phone: c.phone, email: c.email })
      .where('id', '=', userId)
      .execute();
  }

  // ---------- applications ----------

  async applicationCollection(id: string): Promise<ApplicationCollectionRow | undefined> {
    const res = await sql<ApplicationCollectionRow>`
      SELECT c.id, c.title, c.purpose, c.template_id, t.code AS template_code, t.definition, c.opens_at, c.closes_at
      FROM collections c JOIN form_templates t ON t.id = c.template_id
      WHERE c.id = ${id}::uuid`.execute(this.db);
    return res.rows[0];
  }

  /** Application collections the actor sees, newest first. */
  async applicationCollections(actor: Actor) {
    const res = await sql<{ id: string; title: string; opens_at: Date; closes_at: Date }>`
      SELECT c.id, c.title, c.opens_at, c.closes_at FROM collections c
      WHERE c.purpose = 'application' AND ${collectionVisible(actor, 'c')}
      ORDER BY c.closes_at DESC, c.title`.execute(this.db);
    return res.rows;
  }

  /**
   * Every active school of the region (null: the whole country) that must fill the collection, with its
   * working copy, last submission and last confirmation.
   */
  async applicationSchools(collectionId: string, regionCode: string | null, db: Db = this.db) {
    const res = await sql<ApplicationSchoolRow>`
      SELECT o.id AS org_id, o.code::text AS code, u.login, o.short_name, o.full_name,
        m.code::text AS municipality_code, m.name AS municipality_name,
        e.data AS entry_data, (e.org_id IS NOT NULL) AS started, e.submitted_at,
        s.data AS submission_data, ac.version AS confirmation_version, ac.data AS confirmation_data
      FROM collections c
      JOIN orgs o ON ${assignedTo('o', 'c')}
      JOIN municipalities m ON m.id = o.municipality_id
      LEFT JOIN users u ON u.org_id = o.id
      LEFT JOIN form_entries e ON e.collection_id = c.id AND e.org_id = o.id
      LEFT JOIN LATERAL (SELECT fs.data FROM form_submissions fs
        WHERE fs.collection_id = c.id AND fs.org_id = o.id ORDER BY fs.number DESC LIMIT 1) s ON true
      LEFT JOIN LATERAL (SELECT a.version, a.data FROM application_confirmations a
        WHERE a.collection_id = c.id AND a.org_id = o.id ORDER BY a.version DESC LIMIT 1) ac ON true
      WHERE c.id = ${collectionId}::uuid AND o.kind = 'school' AND o.status = 'active'
        AND (${regionCode}::text IS NULL OR o.region_code = ${regionCode})
      ORDER BY m.code, o.code`.execute(db);
    return res.rows;
  }

  /** Totals of the application in a region (null: every region). */
  async applicationProgress(collectionId: string, regionCode: string | null) {
    const res = await sql<{
      total: number;
      not_started: number;
      in_progress: number;
      submitted: number;
      confirmed: number;
    }>`
      SELECT count(*)::int AS total,
        count(*) FILTER (WHERE e.org_id IS NULL)::int AS not_started,
        count(*) FILTER (WHERE e.org_id IS NOT NULL AND e.submitted_at IS NULL)::int AS in_progress,
        count(*) FILTER (WHERE e.submitted_at IS NOT NULL)::int AS submitted,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM application_confirmations a
          WHERE a.collection_id = c.id AND a.org_id = o.id))::int AS confirmed
      FROM collections c
      JOIN orgs o ON ${assignedTo('o', 'c')}
      LEFT JOIN form_entries e ON e.collection_id = c.id AND e.org_id = o.id
      WHERE c.id = ${collectionId}::uuid AND o.kind = 'school' AND o.status = 'active'
        AND (${regionCode}::text IS NULL OR o.region_code = ${regionCode})`.execute(this.db);
    return res.rows[0] ?? { total: 0, not_started: 0, in_progress: 0, submitted: 0, confirmed: 0 };
  }

  /**
   * The confirmed application of an ОО: the last confirmation by the regional coordinator, or undefined.
   * This is what the participant codes and the plan-schedule are built from.
   */
  async confirmedApplication(collectionId: string, orgId: string): Promise<ConfirmationRow | undefined> {
    const res = await sql<ConfirmationRow>`
      SELECT a.version, a.data, a.corrected, a.confirmed_at, u.login AS confirmed_by_login
      FROM application_confirmations a LEFT JOIN users u ON u.id = a.confirmed_by
      WHERE a.collection_id = ${collectionId}::uuid AND a.org_id = ${orgId}::uuid
      ORDER BY a.version DESC LIMIT 1`.execute(this.db);
    return res.rows[0];
  }

  /** The school's own state in the collection: working copy and last submission. */
  async schoolEntry(collectionId: string, orgId: string) {
    const res = await sql<{ started: boolean; submitted_at: Date | null; submission_data: unknown }>`
      SELECT (e.org_id IS NOT NULL) AS started, e.submitted_at,
        (SELECT fs.data FROM form_submissions fs WHERE fs.collection_id = ${collectionId}::uuid
          AND fs.org_id = ${orgId}::uuid ORDER BY fs.number DESC LIMIT 1) AS submission_data
      FROM (SELECT 1) one
      LEFT JOIN form_entries e ON e.collection_id = ${collectionId}::uuid AND e.org_id = ${orgId}::uuid`.execute(
      this.db,
    );
    return res.rows[0] ?? { started: false, submitted_at: null, submission_data: null };
  }

  /** Confirmation versions of the region's schools: what an application preview was computed against. */
  async confirmationVersions(collectionId: string, regionCode: string, db: Db) {
    const res = await sql<{ org_id: string; version: number }>`
      SELECT a.org_id, max(a.version)::int AS version FROM application_confirmations a
      JOIN orgs o ON o.id = a.org_id
      WHERE a.collection_id = ${collectionId}::uuid AND o.region_code = ${regionCode}
      GROUP BY a.org_id ORDER BY a.org_id`.execute(db);
    return res.rows;
  }

  async insertConfirmations(
    rows: {
      collectionId: string;
      orgId: string;
      data: unknown;
      corrected: boolean;
      stagedId: string;
      by: string;
      at: Date;
    }[],
    db: Db,
  ): Promise<void> {
    if (rows.length === 0) return;
    // the next version per ОО is computed in the same statement that inserts it
    for (const r of rows) {
      await sql`
        INSERT INTO application_confirmations
          (collection_id, org_id, version, data, corrected, staged_change_id, confirmed_by, confirmed_at)
        SELECT ${r.collectionId}::uuid, ${r.orgId}::uuid, coalesce(max(version), 0) + 1, ${JSON.stringify(r.data)}::jsonb,
          ${r.corrected}, ${r.stagedId}::uuid, ${r.by}::uuid, ${r.at}
        FROM application_confirmations WHERE collection_id = ${r.collectionId}::uuid AND org_id = ${r.orgId}::uuid`.execute(
        db,
      );
    }
  }
}
