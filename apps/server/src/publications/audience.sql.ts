import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../access/actor.ts';

/**
 * The ОО a publication reaches: its audience names the ОО's kind as a role, inside its regions, its
 * author's region and its ОО list. `p` and `o` are the aliases of publications and orgs.
 */
export function orgReached(p: string, o: string): RawBuilder<SqlBool> {
  const pc = (c: string) => sql.ref(`${p}.${c}`);
  const oc = (c: string) => sql.ref(`${o}.${c}`);
  return sql<SqlBool>`(${oc('status')} = 'active'
    AND ${oc('kind')}::text = ANY(${pc('audience_roles')})
    AND (${pc('owner_region_code')} IS NULL OR ${oc('region_code')} = ${pc('owner_region_code')})
    AND (${pc('audience_region_codes')} IS NULL OR ${oc('region_code')}::text = ANY(${pc('audience_region_codes')}))
    AND (${pc('audience_org_ids')} IS NULL OR ${oc('id')} = ANY(${pc('audience_org_ids')})))`;
}

/**
 * The caller's own time zone: its municipality's, else its region's; Moscow for the federal level.
 */
export function actorZone(actor: Actor): RawBuilder<string> {
  return sql<string>`COALESCE(
    (SELECT zm.time_zone FROM municipalities zm WHERE zm.id = ${actor.municipalityId}::uuid),
    (SELECT zr.time_zone FROM regions zr WHERE zr.code = ${actor.regionCode}::text),
    'Europe/Moscow')`;
}

/**
 * When a stored file (alias `f`) opens: its absolute moment, or its wall-clock time read in the zone
 * of the ОО it belongs to (an individual file; joined as `fm`/`fr`) or else of the caller.
 */
export function availableFrom(actor: Actor, f = 'f'): RawBuilder<Date | null> {
  const fc = (c: string) => sql.ref(`${f}.${c}`);
  return sql<Date | null>`COALESCE(${fc('available_at')},
    ${fc('available_local')} AT TIME ZONE COALESCE(fm.time_zone, fr.time_zone, ${actorZone(actor)}))`;
}
