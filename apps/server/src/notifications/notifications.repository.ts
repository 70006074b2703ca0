import type { Kysely, Selectable } from 'kysely';
import type { DB, NotificationsTable } from '../db/schema.ts';

export type NotificationRow = Selectable<NotificationsTable>;

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body?: string;
  file?: { sha256: string; name: string };
  jobId?: string;
}

export class NotificationsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async add(n: NewNotification, at: Date): Promise<NotificationRow> {
    return this.db
      .insertInto('notifications')
      .values({
        user_id: n.userId,
        kind: n.kind,
        title: n.title,
        body: n.body ?? '',
        file_sha256: n.file?.sha256 ?? null,
        file_name: n.file?.name ?? null,
        job_id: n.jobId ?? null,
        created_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async list(userId: string, limit: number): Promise<{ unread: number; items: NotificationRow[] }> {
    const [items, counted] = await Promise.all([
      this.db
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute(),
      this.db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow(),
    ]);
    return { unread: Number(counted.n), items };
  }

  get(id: string): Promise<NotificationRow | undefined> {
    return this.db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async markRead(userId: string, ids: string[] | 'all', at: Date): Promise<void> {
    if (ids !== 'all' && ids.length === 0) return;
    let q = this.db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null);
    if (ids !== 'all') q = q.where('id', 'in', ids);
    await q.execute();
  }
}
