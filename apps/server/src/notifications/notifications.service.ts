import type { Readable } from 'node:stream';
import type { Notification, NotificationList } from '@oko/shared';
import type { Actor } from '../access/actor.ts';
import type { Clock } from '../clock.ts';
import { notFound } from '../http/errors.ts';
import type { BlobStorage } from '../storage/blob-storage.ts';
import type { NewNotification, NotificationRow, NotificationsRepository } from './notifications.repository.ts';

const toApi = (n: NotificationRow): Notification => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  createdAt: new Date(n.created_at).toISOString(),
  read: n.read_at !== null,
  file: n.file_sha256 && n.file_name ? { name: n.file_name, url: `/api/notifications/${n.id}/file` } : null,
  jobId: n.job_id,
});

/** The bell: messages to one account, some carrying a file built for it in the background. */
export class NotificationsService {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly blobs: BlobStorage,
    private readonly clock: Clock,
  ) {}

  notify(n: NewNotification): Promise<NotificationRow> {
    return this.repo.add(n, this.clock.now());
  }

  async list(actor: Actor): Promise<NotificationList> {
    const { unread, items } = await this.repo.list(actor.userId, 100);
    return { unread, items: items.map(toApi) };
  }

  markRead(actor: Actor, ids: string[] | 'all'): Promise<void> {
    return this.repo.markRead(actor.userId, ids, this.clock.now());
  }

  /** The notification's file; reading it marks the notification read. Scope was checked by the route. */
  async file(actor: Actor, id: string): Promise<{ name: string; size: number; stream: Readable }> {
    const n = await this.repo.get(id);
    if (!n || n.user_id !== actor.userId || !n.file_sha256 || !n.file_name) throw notFound('Файл не найден');
    const size = await this.blobs.size(n.file_sha256);
    if (size === null) throw notFound('Файл отчёта больше не хранится');
    await this.repo.markRead(actor.userId, [id], this.clock.now());
    return { name: n.file_name, size, stream: this.blobs.read(n.file_sha256) };
  }
}
