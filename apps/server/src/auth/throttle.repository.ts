import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface ThrottleState {
  failures: number;
  window_started_at: Date;
  last_failure_at: Date;
  locked_until: Date | null;
}

export class ThrottleRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async get(keys: string[]): Promise<Map<string, ThrottleState>> {
    const rows = await this.db.selectFrom('auth_throttle').selectAll().where('key', 'in', keys).execute();
    return new Map(rows.map((r) => [r.key, r]));
  }

  async put(key: string, state: ThrottleState): Promise<void> {
    await this.db
      .insertInto('auth_throttle')
      .values({ key, ...state })
      .onConflict((oc) => oc.column('key').doUpdateSet(state))
      .execute();
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('auth_throttle').where('key', '=', key).execute();
  }
}
