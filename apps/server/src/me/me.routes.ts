import { AuditList, ChangePasswordRequest, Me, SessionList } from '@oko/shared';
import { z } from 'zod';
import type { AuthService } from '../auth/auth.service.ts';
import { actorOf, requestMeta, type App } from '../http/route-config.ts';
import type { MeService } from './me.service.ts';

const tags = ['Личный кабинет'];

export function meRoutes(app: App, deps: { me: MeService; auth: AuthService }): void {
  app.get('/api/me', {
    config: { access: 'authenticated', allowDuringPasswordChange: true },
    schema: { summary: 'Текущая учётная запись', tags, response: { 200: Me } },
    handler: (req) => deps.me.me(actorOf(req)),
  });

  app.post('/api/me/password', {
    config: {
      access: 'authenticated',
      allowDuringPasswordChange: true,
      exampleBody: { currentPassword: 'старый-пароль', newPassword: 'Новый-пароль-2027' },
    },
    schema: { summary: 'Сменить пароль', tags, body: ChangePasswordRequest },
    handler: async (req, reply) => {
      await deps.auth.changePassword(actorOf(req), req.body.currentPassword, req.body.newPassword, requestMeta(req));
      return reply.status(204).send();
    },
  });

  app.get('/api/me/sessions', {
    config: { access: 'authenticated' },
    schema: { summary: 'Активные сеансы', tags, response: { 200: SessionList } },
    handler: (req) => deps.me.sessions(actorOf(req)),
  });

  app.delete('/api/me/sessions/:sessionId', {
    config: { access: 'authenticated', scope: { sessionId: 'session' } },
    schema: { summary: 'Завершить сеанс', tags, params: z.strictObject({ sessionId: z.string().uuid() }) },
    handler: async (req, reply) => {
      await deps.me.endSession(actorOf(req), req.params.sessionId, requestMeta(req));
      return reply.status(204).send();
    },
  });

  app.get('/api/me/history', {
    config: { access: 'authenticated' },
    schema: { summary: 'История входов и действий с учётной записью', tags, response: { 200: AuditList } },
    handler: (req) => deps.me.history(actorOf(req)),
  });
}
