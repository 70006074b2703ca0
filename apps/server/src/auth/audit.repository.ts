import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export type AuditEventName =
  | 'login.success'
  | 'login.failure'
  | 'login.locked'
  | 'login.org_closed'
  | 'logout'
  | 'password.changed'
  | 'credentials.issued'
  | 'session.ended';

export interface AuditEntry {
  at: Date;
  event: AuditEventName;
  userId?: string | null;
  actorId?: string | null;
  login?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
}

export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async record(entries: AuditEntry | AuditEntry[], db: Kysely<DB> = this.db): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (list.length === 0) return;
    await db
      .insertInto('audit_log')
      .values(
        list.map((e) => ({
          at: e.at,
          event: e.event,
          user_id: e.userId ?? null,
          actor_id: e.actorId ?? null,
          login: e.login ?? null,
          ip: e.ip ?? null,
          user_agent: e.userAgent ?? null,
          details: JSON.stringify(e.details ?? {}),
        })),
      )
      .execute();
  }

  /** Everything that happened to this account, newest first. */
  forUser(userId: string, limit: number) {
    return this.db
      .selectFrom('audit_log as a')
      .leftJoin('users as actor', 'actor.id', 'a.actor_id')
      .select(['a.at', 'a.event', 'a.ip', 'a.user_agent', 'actor.login as actor_login'])
      .where('a.user_id', '=', userId)
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute();
  }
}
