import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { AccountScope } from '../access/scope-rules.ts';

export class AccountsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Accounts with the name of the organization each belongs to. */
  list(scope: AccountScope | 'all', ids?: string[]) {
    let q = this.db
      .selectFrom('users as u')
      .leftJoin('regions as r', 'r.code', 'u.region_code')
      .leftJoin('municipalities as m', 'm.id', 'u.municipality_id')
      .leftJoin('orgs as o', 'o.id', 'u.org_id')
      .select([
        'u.id',
        'u.login',
        'u.role',
        sql<string | null>`u.region_code::text`.as('region_code'),
        'u.municipality_id',
        'u.org_id',
        'u.full_name',
        'u.position',
        'u.phone',
        'u.email',
        'u.must_change_password',
        'u.last_login_at',
        'u.password_issued_at',
        sql<string>`coalesce(o.short_name, m.name, r.name, 'Федеральный уровень')`.as('organization_name'),
      ])
      .orderBy('u.role')
      .orderBy('u.login');
    if (scope !== 'all') {
      q = q.where('u.role', 'in', scope.roles);
      if (scope.regionCode) q = q.where('u.region_code', '=', scope.regionCode);
      if (scope.municipalityId) q = q.where('u.municipality_id', '=', scope.municipalityId);
    }
    if (ids) q = q.where(sql<SqlBool>`u.id = any(${ids}::uuid[])`);
    return q.execute();
  }

  /** Existing ОО accounts, and what is needed to create missing ones. */
  orgsForIssue(orgIds: string[]) {
    return this.db
      .selectFrom('orgs as o')
      .leftJoin('users as u', 'u.org_id', 'o.id')
      .select([
        'o.id',
        sql<string>`o.code::text`.as('code'),
        'o.kind',
        'o.status',
        sql<string>`o.region_code::text`.as('region_code'),
        'o.municipality_id',
        'o.short_name',
        'u.id as user_id',
      ])
      .where(sql<SqlBool>`o.id = any(${orgIds}::uuid[])`)
      .execute();
  }

  regionCoordinator(regionCode: string, role: 'region_coordinator' | 'spo_region_coordinator') {
    return this.db
      .selectFrom('users')
      .select('id')
      .where('region_code', '=', regionCode)
      .where('role', '=', role)
      .executeTakeFirst();
  }
}
