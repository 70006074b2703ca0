import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface SessionWithUser {
  session_id: string;
  csrf_token: string;
  expires_at: Date;
  last_seen_at: Date;
  user_id: string;
  login: string;
  role: DB['users']['role'];
  region_code: string | null;
  municipality_id: string | null;
  org_id: string | null;
  must_change_password: boolean;
}

export class SessionsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(values: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    now: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  }): Promise<string> {
    const row = await this.db
      .insertInto('sessions')
      .values({
        token_hash: values.tokenHash,
        user_id: values.userId,
        csrf_token: values.csrfToken,
        created_at: values.now,
        last_seen_at: values.now,
        expires_at: values.expiresAt,
        ip: values.ip,
        user_agent: values.userAgent,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  findActive(tokenHash: string, now: Date): Promise<SessionWithUser | undefined> {
    return this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select([
        's.id as session_id',
        's.csrf_token',
        's.expires_at',
        's.last_seen_at',
        'u.id as user_id',
        'u.login',
        'u.role',
        'u.region_code',
        'u.municipality_id',
        'u.org_id',
        'u.must_change_password',
      ])
      .where('s.token_hash', '=', tokenHash)
      .where('s.ended_at', 'is', null)
      .where('s.expires_at', '>', now)
      .executeTakeFirst();
  }

  async touch(sessionId: string, now: Date): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
  }

  listActive(userId: string, now: Date) {
    return this.db
      .selectFrom('sessions')
      .select(['id', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('last_seen_at', 'desc')
      .execute();
  }

  async end(sessionIds: string[], now: Date, db: Kysely<DB> = this.db): Promise<void> {
    if (sessionIds.length === 0) return;
    await db
      .updateTable('sessions')
      .set({ ended_at: now })
      .where('id', 'in', sessionIds)
      .where('ended_at', 'is', null)
      .execute();
  }

  /** Ends every session of these accounts except, optionally, one; returns how many ended. */
  async endAllFor(userIds: string[], now: Date, db: Kysely<DB> = this.db, except?: string): Promise<number> {
    if (userIds.length === 0) return 0;
    let q = db
      .updateTable('sessions')
      .set({ ended_at: now })
      .where('user_id', 'in', userIds)
      .where('ended_at', 'is', null);
    if (except) q = q.where('id', '!=', except);
    const res = await q.executeTakeFirst();
    return Number(res.numUpdatedRows);
  }
}
