import { NotificationList, NotificationParams } from '@oko/shared';
import { z } from 'zod';
import { contentDisposition } from '../http/content-disposition.ts';
import { actorOf, type App } from '../http/route-config.ts';
import type { NotificationsService } from './notifications.service.ts';

const MarkRead = z.strictObject({ ids: z.array(z.string().uuid()).max(500).optional() });

export function notificationsRoutes(app: App, svc: NotificationsService): void {
  app.get('/api/notifications', {
    config: { access: 'authenticated' },
    schema: { summary: 'Мои уведомления', tags: ['Уведомления'], response: { 200: NotificationList } },
    handler: (req) => svc.list(actorOf(req)),
  });

  app.post('/api/notifications/read', {
    config: { access: 'authenticated', exampleBody: {} },
    schema: { summary: 'Отметить прочитанными (все, если ids не указаны)', tags: ['Уведомления'], body: MarkRead },
    handler: async (req, reply) => {
      await svc.markRead(actorOf(req), req.body.ids ?? 'all');
      return reply.status(204).send();
    },
  });

  app.get('/api/notifications/:notificationId/file', {
    config: { access: 'authenticated', scope: { notificationId: 'notification' } },
    schema: { summary: 'Скачать файл уведомления', tags: ['Уведомления'], params: NotificationParams },
    handler: async (req, reply) => {
      const f = await svc.file(actorOf(req), req.params.notificationId);
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-length', f.size)
        .header('content-disposition', contentDisposition(f.name))
        .send(f.stream);
    },
  });
}
