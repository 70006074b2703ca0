import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { accountScope, municipalityScope, orgScope, regionScope } from './scope-rules.ts';
import { collectionVisible, fileOrgVisible, publicationVisible } from './visibility.ts';

export const SCOPE_KINDS = [
  'region',
  'municipality',
  'org',
  'account',
  'session',
  'publication',
  'storage',
  'file',
  'collection',
  'notification',
  'job',
  'campaign',
  'subject',
] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** For each kind of id, which of the given ids lie inside the actor's scope: one query per check. */
export class ScopeRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async allowed(actor: Actor, kind: ScopeKind, ids: readonly string[]): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    // an id of the wrong shape cannot exist; dropping it keeps the SQL cast from failing
    const valid = unique.filter((id) => (kind === 'region' ? /^\d{2}$/.test(id) : UUID.test(id)));
    if (valid.length === 0) return new Set();
    const rows = await this.query(actor, kind, valid);
    return new Set(rows.map((r) => r.id));
  }

  private query(actor: Actor, kind: ScopeKind, ids: string[]): Promise<{ id: string }[]> {
    const { db } = this;
    const anyId = (col: string) => sql<SqlBool>`${sql.ref(col)} = any(${ids}::uuid[])`;
    switch (kind) {
      case 'region': {
        const s = regionScope(actor);
        if (s === 'none') return Promise.resolve([]);
        let q = db
          .selectFrom('regions')
          .select(sql<string>`code::text`.as('id'))
          .where('code', 'in', ids);
        if (s !== 'all') q = q.where('code', '=', s.regionCode);
        return q.execute();
      }
      case 'municipality': {
        const s = municipalityScope(actor);
        if (s === 'none') return Promise.resolve([]);
        let q = db.selectFrom('municipalities').select('id').where(anyId('id'));
        if (s !== 'all' && s.regionCode) q = q.where('region_code', '=', s.regionCode);
        if (s !== 'all' && s.municipalityId) q = q.where('id', '=', s.municipalityId);
        return q.execute();
      }
      case 'org': {
        const s = orgScope(actor);
        if (s === 'none') return Promise.resolve([]);
        let q = db.selectFrom('orgs').select('id').where(anyId('id'));
        if (s !== 'all') {
          if (s.regionCode) q = q.where('region_code', '=', s.regionCode);
          if (s.municipalityId) q = q.where('municipality_id', '=', s.municipalityId);
          if (s.kinds) q = q.where('kind', 'in', s.kinds);
          if (s.orgId) q = q.where('id', '=', s.orgId);
        }
        return q.execute();
      }
      case 'account': {
        const s = accountScope(actor);
        if (s === 'none') return Promise.resolve([]);
        let q = db.selectFrom('users').select('id').where(anyId('id'));
        if (s !== 'all') {
          q = q.where('role', 'in', s.roles);
          if (s.regionCode) q = q.where('region_code', '=', s.regionCode);
          if (s.municipalityId) q = q.where('municipality_id', '=', s.municipalityId);
        }
        return q.execute();
      }
      case 'session':
        return db.selectFrom('sessions').select('id').where(anyId('id')).where('user_id', '=', actor.userId).execute();
      case 'publication':
        return db.selectFrom('publications').select('id').where(anyId('id')).where(publicationVisible(actor)).execute();
      case 'storage':
        return db
          .selectFrom('storages')
          .innerJoin('publications', 'publications.id', 'storages.publication_id')
          .select('storages.id as id')
          .where(anyId('storages.id'))
          .where(publicationVisible(actor))
          .execute();
      case 'file':
        return db
          .selectFrom('storage_files')
          .innerJoin('storages', 'storages.id', 'storage_files.storage_id')
          .innerJoin('publications', 'publications.id', 'storages.publication_id')
          .select('storage_files.id as id')
          .where(anyId('storage_files.id'))
          .where(publicationVisible(actor))
          .where(fileOrgVisible(actor))
          .execute();
      case 'collection':
        return db.selectFrom('collections').select('id').where(anyId('id')).where(collectionVisible(actor)).execute();
      case 'notification':
        return db
          .selectFrom('notifications')
          .select('id')
          .where(anyId('id'))
          .where('user_id', '=', actor.userId)
          .execute();
      case 'campaign': {
        // a campaign is national: every account may see it exists; what it may do there is per route
        return sql<{ id: string }>`SELECT id::text AS id FROM campaigns WHERE id = ANY(${ids}::uuid[])`
          .execute(db)
          .then((r) => r.rows);
      }
      case 'subject': {
        // an ОО reaches only the subjects of its own plan-schedule; coordinators see the national list
        if (actor.orgId) {
          return sql<{ id: string }>`
            SELECT s.id::text AS id FROM subjects s
            WHERE s.id = ANY(${ids}::uuid[])
              AND EXISTS (SELECT 1 FROM schedule_entries e WHERE e.subject_id = s.id AND e.org_id = ${actor.orgId}::uuid)`
            .execute(db)
            .then((r) => r.rows);
        }
        return sql<{ id: string }>`SELECT id::text AS id FROM subjects WHERE id = ANY(${ids}::uuid[])`
          .execute(db)
          .then((r) => r.rows);
      }
      case 'job':
        return db.selectFrom('jobs').select('id').where(anyId('id')).where('created_by', '=', actor.userId).execute();
    }
  }
}
