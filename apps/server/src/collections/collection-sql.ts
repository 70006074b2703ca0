import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { OrgScope, Scope } from '../access/scope-rules.ts';

/**
 * SQL conditions the collection queries share. Each takes the aliases it filters, so the status a
 * save or submit checks and the set of ОО a monitor counts and an export reads cannot drift apart.
 */

/**
 * The collection is open for this ОО at `now`: inside its interval, or reopened for it by an exception.
 * `now` and `orgId` are values or SQL expressions (the columns of a batch).
 */
export function openFor(
  now: Date | RawBuilder<unknown>,
  orgId: RawBuilder<unknown> | string,
  c = 'c',
): RawBuilder<SqlBool> {
  const col = (x: string) => sql.ref(`${c}.${x}`);
  const org = typeof orgId === 'string' ? sql`${orgId}::uuid` : orgId;
  return sql<SqlBool>`((${col('opens_at')} <= ${now} AND ${now} < ${col('closes_at')})
    OR EXISTS (SELECT 1 FROM collection_exceptions x
      WHERE x.collection_id = ${col('id')} AND x.org_id = ${org} AND x.open_until > ${now}))`;
}

/** The ОО `o` must fill the collection `c`: its kind, its region and the list, when the collection names them. */
export function assignedTo(o = 'o', c = 'c'): RawBuilder<SqlBool> {
  const oc = (x: string) => sql.ref(`${o}.${x}`);
  const cc = (x: string) => sql.ref(`${c}.${x}`);
  return sql<SqlBool>`(${oc('kind')} = ANY(${cc('org_kinds')})
    AND (${cc('region_codes')} IS NULL OR ${oc('region_code')}::text = ANY(${cc('region_codes')}))
    AND (${cc('org_ids')} IS NULL OR ${oc('id')} = ANY(${cc('org_ids')})))`;
}

/** The ОО `o` lies in the part of the country the scope rules give the actor. */
export function orgInScope(scope: Scope<OrgScope>, o = 'o'): RawBuilder<SqlBool> {
  if (scope === 'all') return sql<SqlBool>`true`;
  if (scope === 'none') return sql<SqlBool>`false`;
  const col = (x: string) => sql.ref(`${o}.${x}`);
  const conds: RawBuilder<SqlBool>[] = [];
  if (scope.regionCode) conds.push(sql<SqlBool>`${col('region_code')} = ${scope.regionCode}`);
  if (scope.municipalityId) conds.push(sql<SqlBool>`${col('municipality_id')} = ${scope.municipalityId}::uuid`);
  if (scope.kinds) conds.push(sql<SqlBool>`${col('kind')} = ANY(${scope.kinds}::text[])`);
  if (scope.orgId) conds.push(sql<SqlBool>`${col('id')} = ${scope.orgId}::uuid`);
  return conds.length ? sql<SqlBool>`(${sql.join(conds, sql` AND `)})` : sql<SqlBool>`true`;
}
