import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from './actor.ts';
import { orgScope } from './scope-rules.ts';

/**
 * Who sees which publication, stored file and data collection — as SQL conditions, so the id checks
 * of ScopeRepository and the list queries of the features share one definition.
 * Each takes the alias of the table it filters.
 */

export const isOrgRole = (actor: Actor) => actor.role === 'school' || actor.role === 'college';

/** A publication reaches an actor whose role is in its audience, inside its regions and ОО list. */
export function publicationVisible(actor: Actor, p = 'publications'): RawBuilder<SqlBool> {
  if (actor.role === 'federal_admin') return sql<SqlBool>`true`;
  const region = actor.regionCode ?? '';
  const col = (c: string) => sql.ref(`${p}.${c}`);
  const authoredHere =
    actor.role === 'region_coordinator' || actor.role === 'spo_region_coordinator'
      ? sql<SqlBool>`${col('owner_region_code')} = ${region}`
      : sql<SqlBool>`false`;
  // an ОО must be on the list; a coordinator must govern at least one ОО on it
  const orgListOk = isOrgRole(actor)
    ? sql<SqlBool>`(${col('audience_org_ids')} IS NULL OR ${actor.orgId}::uuid = ANY(${col('audience_org_ids')}))`
    : sql<SqlBool>`(${col('audience_org_ids')} IS NULL OR EXISTS (
        SELECT 1 FROM orgs o WHERE o.id = ANY(${col('audience_org_ids')}) AND ${orgGoverned(actor)}))`;
  return sql<SqlBool>`(${authoredHere} OR (
    ${actor.role}::text = ANY(${col('audience_roles')})
    AND (${col('owner_region_code')} IS NULL OR ${col('owner_region_code')} = ${region})
    AND (${col('audience_region_codes')} IS NULL OR ${region}::text = ANY(${col('audience_region_codes')}))
    AND ${orgListOk}))`;
}

/** The ОО aliased `o` lies in the actor's part of the country (scope-rules.ts orgScope). */
export function orgGoverned(actor: Actor, o = 'o'): RawBuilder<SqlBool> {
  const s = orgScope(actor);
  if (s === 'all') return sql<SqlBool>`true`;
  if (s === 'none') return sql<SqlBool>`false`;
  const oc = (c: string) => sql.ref(`${o}.${c}`);
  const conds: RawBuilder<SqlBool>[] = [];
  if (s.regionCode) conds.push(sql<SqlBool>`${oc('region_code')} = ${s.regionCode}`);
  if (s.municipalityId) conds.push(sql<SqlBool>`${oc('municipality_id')} = ${s.municipalityId}::uuid`);
  if (s.kinds) conds.push(sql<SqlBool>`${oc('kind')} = ANY(${s.kinds}::text[])`);
  if (s.orgId) conds.push(sql<SqlBool>`${oc('id')} = ${s.orgId}::uuid`);
  return conds.length ? sql<SqlBool>`(${sql.join(conds, sql` AND `)})` : sql<SqlBool>`true`;
}

/**
 * A stored file is visible when its publication is; an individual file only to its ОО and to the
 * coordinators governing that ОО. Availability and «only for ОО» are the service's business
 * (they depend on the clock and on the action), not visibility.
 */
export function fileOrgVisible(actor: Actor, f = 'storage_files'): RawBuilder<SqlBool> {
  const orgId = sql.ref(`${f}.org_id`);
  const s = orgScope(actor);
  if (s === 'all') return sql<SqlBool>`true`;
  if (s === 'none') return sql<SqlBool>`${orgId} IS NULL`;
  if (s.orgId) return sql<SqlBool>`(${orgId} IS NULL OR ${orgId} = ${s.orgId}::uuid)`;
  return sql<SqlBool>`(${orgId} IS NULL OR EXISTS (SELECT 1 FROM orgs o WHERE o.id = ${orgId} AND ${orgGoverned(actor)}))`;
}

/**
 * A collection is visible to the ОО it is assigned to, and to coordinators whose part of the country
 * holds ОО of its kinds (they monitor it).
 */
export function collectionVisible(actor: Actor, c = 'collections'): RawBuilder<SqlBool> {
  const col = (x: string) => sql.ref(`${c}.${x}`);
  const region = actor.regionCode ?? '';
  const regionOk = sql<SqlBool>`(${col('region_codes')} IS NULL OR ${region}::text = ANY(${col('region_codes')}))`;
  switch (actor.role) {
    case 'federal_admin':
      return sql<SqlBool>`true`;
    case 'school':
    case 'college':
      return sql<SqlBool>`(${actor.role}::text = ANY(${col('org_kinds')}) AND ${regionOk}
        AND (${col('org_ids')} IS NULL OR ${actor.orgId}::uuid = ANY(${col('org_ids')})))`;
    case 'region_coordinator':
    case 'municipal_coordinator':
      return sql<SqlBool>`('school' = ANY(${col('org_kinds')}) AND ${regionOk})`;
    case 'spo_region_coordinator':
      return sql<SqlBool>`('college' = ANY(${col('org_kinds')}) AND ${regionOk})`;
  }
}
