import { ApiError, LoginRequest, LoginResponse } from '@oko/shared';
import { actorOf, requestMeta, type App } from '../http/route-config.ts';
import type { MeService } from '../me/me.service.ts';
import type { AuthService } from './auth.service.ts';
import { SESSION_COOKIE } from './session-store.ts';

export function authRoutes(app: App, deps: { auth: AuthService; me: MeService; cookieSecure: boolean }): void {
  app.post('/api/auth/login', {
    config: { access: 'public', exampleBody: { login: 'sch390001', password: 'пароль' } },
    schema: {
      summary: 'Вход по логину и паролю',
      tags: ['Вход'],
      body: LoginRequest,
      response: { 200: LoginResponse, 401: ApiError, 429: ApiError },
    },
    handler: async (req, reply) => {
      const session = await deps.auth.login(req.body.login, req.body.password, requestMeta(req));
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.cookieSecure,
        expires: session.expiresAt,
      });
      const actor = await deps.auth.actorForSession(session.token);
      return { user: await deps.me.me(actor) };
    },
  });

  app.post('/api/auth/logout', {
    config: { access: 'authenticated', allowDuringPasswordChange: true },
    schema: { summary: 'Выход', tags: ['Вход'] },
    handler: async (req, reply) => {
      await deps.auth.logout(actorOf(req), requestMeta(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  });
}
