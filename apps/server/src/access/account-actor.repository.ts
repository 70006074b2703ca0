import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';

/**
 * The account behind a background job, as the scope rules need it: a job runs without a request,
 * so it rebuilds its requester's actor from the account row (no session, nothing to forge).
 */
export async function accountActor(db: Kysely<DB>, userId: string): Promise<Actor | undefined> {
  const u = await db
    .selectFrom('users')
    .select(['id', 'login', 'role', 'region_code', 'municipality_id', 'org_id'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!u) return undefined;
  return {
    userId: u.id,
    login: u.login,
    role: u.role,
    regionCode: u.region_code,
    municipalityId: u.municipality_id,
    orgId: u.org_id,
    mustChangePassword: false,
    sessionId: '',
    csrfToken: '',
  };
}
