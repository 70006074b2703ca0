import { sql, type Kysely, type SqlBool } from 'kysely';
import type { OrgKind } from '@oko/shared';
import type { DB } from '../db/schema.ts';

const orgColumns = [
  'o.id',
  'o.region_code',
  'o.municipality_id',
  'm.name as municipality_name',
  'o.code',
  'o.kind',
  'o.full_name',
  'o.short_name',
  'o.status',
  'u.login',
] as const;

/** Filters for lists; each is already narrowed to the actor's scope by the service. */
export interface OrgFilter {
  regionCode?: string;
  municipalityId?: string;
  kinds?: OrgKind[];
  ids?: string[];
}

export class HierarchyRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async upsertRegions(regions: readonly { code: string; name: string; timeZone: string }[]): Promise<void> {
    await this.db
      .insertInto('regions')
      .values(regions.map((r) => ({ code: r.code, name: r.name, time_zone: r.timeZone })))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          name: (eb) => eb.ref('excluded.name'),
          time_zone: (eb) => eb.ref('excluded.time_zone'),
        }),
      )
      .execute();
  }

  listRegions(codes?: string[]) {
    let q = this.db
      .selectFrom('regions as r')
      .select([
        sql<string>`r.code::text`.as('code'),
        'r.name',
        'r.time_zone',
        sql<number>`(select count(*)::int from municipalities m where m.region_code = r.code)`.as('municipalities'),
        sql<number>`(select count(*)::int from orgs o where o.region_code = r.code)`.as('orgs'),
        sql<number>`(select count(*)::int from users u where u.region_code = r.code)`.as('accounts'),
      ])
      .orderBy('r.code');
    if (codes) q = q.where('r.code', 'in', codes.concat(['']));
    return q.execute();
  }

  listMunicipalities(filter: { regionCode?: string; ids?: string[] }) {
    let q = this.db
      .selectFrom('municipalities as m')
      .innerJoin('regions as r', 'r.code', 'm.region_code')
      .leftJoin('users as u', (j) =>
        j.onRef('u.municipality_id', '=', 'm.id').on('u.role', '=', 'municipal_coordinator'),
      )
      .select([
        'm.id',
        sql<string>`m.region_code::text`.as('region_code'),
        sql<string>`m.code::text`.as('code'),
        'm.name',
        'm.time_zone as time_zone_override',
        sql<string>`coalesce(m.time_zone, r.time_zone)`.as('time_zone'),
        sql<number>`(select count(*)::int from orgs o where o.municipality_id = m.id)`.as('orgs'),
        'u.login as coordinator_login',
        'u.id as coordinator_id',
      ])
      .orderBy('m.region_code')
      .orderBy('m.code');
    if (filter.regionCode) q = q.where('m.region_code', '=', filter.regionCode);
    if (filter.ids) q = q.where(sql<SqlBool>`m.id = any(${filter.ids}::uuid[])`);
    return q.execute();
  }

  async insertMunicipality(v: { regionCode: string; code: string; name: string; timeZone: string | null }) {
    const row = await this.db
      .insertInto('municipalities')
      .values({ region_code: v.regionCode, code: v.code, name: v.name, time_zone: v.timeZone })
      .onConflict((oc) => oc.columns(['region_code', 'code']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  municipality(id: string) {
    return this.db.selectFrom('municipalities').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listOrgs(filter: OrgFilter) {
    let q = this.db
      .selectFrom('orgs as o')
      .innerJoin('municipalities as m', 'm.id', 'o.municipality_id')
      .leftJoin('users as u', 'u.org_id', 'o.id')
      .select([...orgColumns, sql<string>`o.region_code::text`.as('region_code'), sql<string>`o.code::text`.as('code')])
      .orderBy('o.code');
    if (filter.regionCode) q = q.where('o.region_code', '=', filter.regionCode);
    if (filter.municipalityId) q = q.where('o.municipality_id', '=', filter.municipalityId);
    if (filter.kinds) q = q.where('o.kind', 'in', filter.kinds);
    if (filter.ids) q = q.where(sql<SqlBool>`o.id = any(${filter.ids}::uuid[])`);
    return q.execute();
  }

  async insertOrg(v: {
    regionCode: string;
    municipalityId: string;
    code: string;
    kind: OrgKind;
    fullName: string;
    shortName: string;
    status?: 'active' | 'closed';
  }) {
    const row = await this.db
      .insertInto('orgs')
      .values({
        region_code: v.regionCode,
        municipality_id: v.municipalityId,
        code: v.code,
        kind: v.kind,
        full_name: v.fullName,
        short_name: v.shortName,
        status: v.status ?? 'active',
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  org(id: string) {
    return this.db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
