import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { accountScope, municipalityScope, orgScope, regionScope } from './scope-rules.ts';

export const SCOPE_KINDS = ['region', 'municipality', 'org', 'account', 'session'] as const;
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
    }
  }
}
