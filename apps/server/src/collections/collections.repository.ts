import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { OrgScope, Scope } from '../access/scope-rules.ts';
import { collectionVisible } from '../access/visibility.ts';
import type { CollectionPurpose, DB } from '../db/schema.ts';
import { assignedTo, openFor, orgInScope } from './collection-sql.ts';

export interface CollectionRow {
  id: string;
  title: string;
  purpose: CollectionPurpose;
  template_id: string;
  publication_id: string | null;
  opens_at: Date;
  closes_at: Date;
}

export interface OrgRowForForm {
  id: string;
  login: string | null;
  code: string;
  kind: 'school' | 'college';
  status: 'active' | 'closed';
  full_name: string;
  short_name: string;
  region_code: string;
  region_name: string;
  municipality_id: string;
  municipality_name: string;
}

export interface EntryRow {
  data: unknown;
  version: number;
  started_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  submissions: number;
}

export interface EntrySave {
  collectionId: string;
  orgId: string;
  userId: string;
  /** FormData as JSON */
  data: string;
  /** the version the editor started from; 0 when nothing is stored yet */
  version: number;
  now: Date;
}

export interface SavedEntry {
  collection_id: string;
  org_id: string;
  version: number;
  updated_at: Date;
}

export interface ListedCollection extends CollectionRow {
  open_until: Date | null;
  started: boolean;
  submitted_at: Date | null;
}

export interface MonitorFilter {
  state?: 'not_started' | 'in_progress' | 'submitted';
  q?: string;
  municipalityId?: string;
  limit: number;
  offset: number;
}

export interface MonitorRowDb {
  org_id: string;
  login: string | null;
  name: string;
  municipality: string;
  started_at: Date | null;
  submitted_at: Date | null;
}

const collectionColumns = sql`c.id, c.title, c.purpose, c.template_id, c.publication_id, c.opens_at, c.closes_at`;

/** Every query of the collections feature except the export's batches. */
export class CollectionsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async collection(id: string): Promise<CollectionRow | undefined> {
    const res = await sql<CollectionRow>`SELECT ${collectionColumns} FROM collections c WHERE c.id = ${id}`.execute(
      this.db,
    );
    return res.rows[0];
  }

  async templateDefinition(id: string): Promise<unknown> {
    const row = await this.db.selectFrom('form_templates').select('definition').where('id', '=', id).executeTakeFirst();
    return row?.definition;
  }

  /** The collection and the ОО with everything a form can be prefilled from, if it is assigned to the ОО. */
  async assignedOrg(collectionId: string, orgId: string): Promise<OrgRowForForm | undefined> {
    return (await this.formContext(collectionId, orgId))?.org;
  }

  /** One query for what a form needs: the collection, and the ОО if the collection is assigned to it. */
  async formContext(
    collectionId: string,
    orgId: string,
  ): Promise<{ collection: CollectionRow; org: OrgRowForForm } | undefined> {
    const res = await sql<CollectionRow & { org: OrgRowForForm }>`
      SELECT ${collectionColumns}, json_build_object('id', o.id, 'login', u.login, 'code', o.code::text,
        'kind', o.kind, 'status', o.status, 'full_name', o.full_name, 'short_name', o.short_name,
        'region_code', o.region_code::text, 'region_name', r.name, 'municipality_id', o.municipality_id,
        'municipality_name', m.name) AS org
      FROM collections c
      JOIN orgs o ON o.id = ${orgId}::uuid
      JOIN municipalities m ON m.id = o.municipality_id
      JOIN regions r ON r.code = o.region_code
      LEFT JOIN users u ON u.org_id = o.id
      WHERE c.id = ${collectionId} AND ${assignedTo('o', 'c')}`.execute(this.db);
    const row = res.rows[0];
    if (!row) return undefined;
    const { org, ...collection } = row;
    return { collection, org };
  }

  /** Collections the actor sees, with the ОО's own progress and exception when the actor is an ОО. */
  async list(actor: Actor): Promise<ListedCollection[]> {
    const org = actor.orgId;
    const res = await sql<ListedCollection>`
      SELECT ${collectionColumns}, x.open_until, (e.org_id IS NOT NULL) AS started, e.submitted_at
      FROM collections c
      LEFT JOIN collection_exceptions x ON x.collection_id = c.id AND x.org_id = ${org}::uuid
      LEFT JOIN form_entries e ON e.collection_id = c.id AND e.org_id = ${org}::uuid
      WHERE ${collectionVisible(actor, 'c')}
      ORDER BY c.closes_at DESC, c.title`.execute(this.db);
    return res.rows;
  }

  async exception(collectionId: string, orgId: string): Promise<Date | null> {
    const row = await this.db
      .selectFrom('collection_exceptions')
      .select('open_until')
      .where('collection_id', '=', collectionId)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return row ? new Date(row.open_until) : null;
  }

  async entry(collectionId: string, orgId: string, db: Kysely<DB> = this.db): Promise<EntryRow | undefined> {
    const res = await sql<EntryRow>`
      SELECT e.data, e.version, e.started_at, e.updated_at, e.submitted_at,
        (SELECT count(*)::int FROM form_submissions s
          WHERE s.collection_id = e.collection_id AND s.org_id = e.org_id) AS submissions
      FROM form_entries e WHERE e.collection_id = ${collectionId} AND e.org_id = ${orgId}::uuid`.execute(db);
    return res.rows[0];
  }

  /**
   * Autosaves of many ОО in one statement (one row each: the batcher never puts the same form twice
   * in a batch). A row is written only if the collection is open for its ОО at its moment and the
   * stored version is the one its editor started from (0: nothing stored yet, the row is created).
   * The version check is part of the UPDATE's condition, so of two saves from the same version only
   * one can win, in one process or across several. Returns the rows written; a missing one was refused.
   */
  async saveMany(saves: readonly EntrySave[]): Promise<SavedEntry[]> {
    if (saves.length === 0) return [];
    const rows = saves.map(
      (v) =>
        sql`(${v.collectionId}::uuid, ${v.orgId}::uuid, ${v.data}::jsonb, ${v.version}::int, ${v.userId}::uuid, ${v.now}::timestamptz)`,
    );
    const res = await sql<SavedEntry>`
      WITH input (collection_id, org_id, data, version, user_id, at) AS (VALUES ${sql.join(rows)}),
      open_input AS (
        SELECT i.* FROM input i JOIN collections c ON c.id = i.collection_id
        WHERE ${openFor(sql.ref('i.at'), sql.ref('i.org_id'), 'c')}
      ),
      updated AS (
        UPDATE form_entries e SET data = i.data, version = e.version + 1, updated_at = i.at, updated_by = i.user_id
        FROM open_input i
        WHERE i.version > 0 AND e.collection_id = i.collection_id AND e.org_id = i.org_id AND e.version = i.version
        RETURNING e.collection_id, e.org_id, e.version, e.updated_at
      ),
      inserted AS (
        INSERT INTO form_entries (collection_id, org_id, data, version, started_at, updated_at, updated_by)
        SELECT collection_id, org_id, data, 1, at, at, user_id FROM open_input WHERE version = 0
        ON CONFLICT (collection_id, org_id) DO NOTHING
        RETURNING collection_id, org_id, version, updated_at
      )
      SELECT * FROM updated UNION ALL SELECT * FROM inserted`.execute(this.db);
    return res.rows;
  }

  /** Why a save was refused: the collection closed for the ОО, or another version is stored. */
  async saveState(collectionId: string, orgId: string, now: Date): Promise<{ open: boolean; version: number }> {
    const res = await sql<{ open: boolean; version: number }>`
      SELECT ${openFor(now, orgId, 'c')} AS open,
        coalesce((SELECT e.version FROM form_entries e WHERE e.collection_id = c.id AND e.org_id = ${orgId}::uuid), 0)
          AS version
      FROM collections c WHERE c.id = ${collectionId}`.execute(this.db);
    return res.rows[0] ?? { open: false, version: 0 };
  }

  async isOpen(collectionId: string, orgId: string, now: Date, db: Kysely<DB> = this.db): Promise<boolean> {
    const res = await sql<{ open: boolean }>`
      SELECT ${openFor(now, orgId, 'c')} AS open FROM collections c WHERE c.id = ${collectionId}`.execute(db);
    return res.rows[0]?.open ?? false;
  }

  /** Locks the ОО's entry for the rest of the transaction (a submit against a concurrent save). */
  async lockEntry(
    trx: Transaction<DB>,
    collectionId: string,
    orgId: string,
  ): Promise<{ data: unknown; version: number } | undefined> {
    const res = await sql<{ data: unknown; version: number }>`
      SELECT data, version FROM form_entries
      WHERE collection_id = ${collectionId} AND org_id = ${orgId}::uuid FOR UPDATE`.execute(trx);
    return res.rows[0];
  }

  /** Replaces the entry with uploaded data (creating it if needed); returns the new version. */
  async replaceEntry(
    trx: Transaction<DB>,
    v: { collectionId: string; orgId: string; userId: string; data: string; now: Date },
  ): Promise<number> {
    const res = await sql<{ version: number }>`
      INSERT INTO form_entries (collection_id, org_id, data, version, started_at, updated_at, updated_by)
      VALUES (${v.collectionId}, ${v.orgId}::uuid, ${v.data}::jsonb, 1, ${v.now}, ${v.now}, ${v.userId}::uuid)
      ON CONFLICT (collection_id, org_id) DO UPDATE SET data = excluded.data,
        version = form_entries.version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by
      RETURNING version`.execute(trx);
    return res.rows[0]!.version;
  }

  /** Keeps the data as the next numbered submission and marks the entry submitted. */
  async addSubmission(
    trx: Transaction<DB>,
    v: {
      collectionId: string;
      orgId: string;
      userId: string;
      data: string;
      source: 'online' | 'xlsx' | 'coordinator';
      now: Date;
    },
  ): Promise<number> {
    const res = await sql<{ number: number }>`
      INSERT INTO form_submissions (collection_id, org_id, number, data, source, submitted_by, submitted_at)
      SELECT ${v.collectionId}, ${v.orgId}::uuid, coalesce(max(s.number), 0) + 1, ${v.data}::jsonb, ${v.source},
        ${v.userId}::uuid, ${v.now}
      FROM form_submissions s WHERE s.collection_id = ${v.collectionId} AND s.org_id = ${v.orgId}::uuid
      RETURNING number`.execute(trx);
    await trx
      .updateTable('form_entries')
      .set({ submitted_at: v.now })
      .where('collection_id', '=', v.collectionId)
      .where('org_id', '=', v.orgId)
      .execute();
    return res.rows[0]!.number;
  }

  async grantException(v: {
    collectionId: string;
    orgId: string;
    openUntil: Date;
    grantedBy: string;
    now: Date;
  }): Promise<void> {
    await this.db
      .insertInto('collection_exceptions')
      .values({
        collection_id: v.collectionId,
        org_id: v.orgId,
        open_until: v.openUntil,
        granted_by: v.grantedBy,
        granted_at: v.now,
      })
      .onConflict((oc) =>
        oc.columns(['collection_id', 'org_id']).doUpdateSet({
          open_until: v.openUntil,
          granted_by: v.grantedBy,
          granted_at: v.now,
        }),
      )
      .execute();
  }

  /**
   * The totals of a monitor in one pass: the expected set is every active ОО of the scope the
   * collection is assigned to; «Сдано» counts an ОО that submitted at least once.
   */
  async monitorCounts(collectionId: string, scope: Scope<OrgScope>) {
    const res = await sql<{ total: number; not_started: number; in_progress: number; submitted: number }>`
      SELECT count(*)::int AS total,
        count(*) FILTER (WHERE e.org_id IS NULL)::int AS not_started,
        count(*) FILTER (WHERE e.org_id IS NOT NULL AND e.submitted_at IS NULL)::int AS in_progress,
        count(*) FILTER (WHERE e.submitted_at IS NOT NULL)::int AS submitted
      FROM collections c
      JOIN orgs o ON ${assignedTo('o', 'c')}
      LEFT JOIN form_entries e ON e.collection_id = c.id AND e.org_id = o.id
      WHERE c.id = ${collectionId} AND o.status = 'active' AND ${orgInScope(scope, 'o')}`.execute(this.db);
    return res.rows[0] ?? { total: 0, not_started: 0, in_progress: 0, submitted: 0 };
  }

  /** The monitor's list, filtered and paged; `matched` counts the filtered rows before paging. */
  async monitorRows(
    collectionId: string,
    scope: Scope<OrgScope>,
    f: MonitorFilter,
  ): Promise<{ rows: MonitorRowDb[]; matched: number }> {
    const conds = [sql`c.id = ${collectionId}`, sql`o.status = 'active'`, orgInScope(scope, 'o')];
    if (f.state === 'not_started') conds.push(sql`e.org_id IS NULL`);
    if (f.state === 'in_progress') conds.push(sql`e.org_id IS NOT NULL AND e.submitted_at IS NULL`);
    if (f.state === 'submitted') conds.push(sql`e.submitted_at IS NOT NULL`);
    if (f.municipalityId) conds.push(sql`o.municipality_id = ${f.municipalityId}::uuid`);
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      conds.push(sql`(u.login ILIKE ${like} OR o.full_name ILIKE ${like} OR o.short_name ILIKE ${like}
        OR o.code ILIKE ${like})`);
    }
    const res = await sql<MonitorRowDb & { matched: number }>`
      SELECT o.id AS org_id, u.login, o.full_name AS name, m.name AS municipality,
        e.started_at, e.submitted_at, count(*) OVER ()::int AS matched
      FROM collections c
      JOIN orgs o ON ${assignedTo('o', 'c')}
      JOIN municipalities m ON m.id = o.municipality_id
      LEFT JOIN users u ON u.org_id = o.id
      LEFT JOIN form_entries e ON e.collection_id = c.id AND e.org_id = o.id
      WHERE ${sql.join(conds, sql` AND `)}
      ORDER BY m.name, o.code
      LIMIT ${f.limit} OFFSET ${f.offset}`.execute(this.db);
    return { rows: res.rows, matched: res.rows[0]?.matched ?? 0 };
  }
}
