import { roleHas } from '@oko/shared';
import type { FastifyRequest, RouteOptions } from 'fastify';
import type { AccessService } from '../access/access.service.ts';
import { CSRF_HEADER, SESSION_COOKIE, type SessionStore } from '../auth/session-store.ts';
import { AppError, forbidden, unauthorized } from './errors.ts';
import type { App } from './route-config.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A browser always names the page a state-changing request comes from; it must be ours. */
function checkOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError(403, 'CSRF', 'Запрос отклонён: неизвестный источник');
  }
  if (host !== req.headers.host) throw new AppError(403, 'CSRF', 'Запрос отклонён: запрос с другого сайта');
}

/**
 * Authentication, CSRF, the route's declared permission, then the scope of every id in its path.
 * Runs before the body is parsed, so an anonymous or unauthorised call costs nothing.
 */
export function installAuthHooks(app: App, deps: { store: SessionStore; access: AccessService }): RouteOptions[] {
  app.decorateRequest('actor', null);

  // Every route is recorded; at start-up one without a declared access stops the server.
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.addHook('onReady', async () => {
    for (const route of routes) {
      if (!route.config?.access) {
        throw new Error(`Маршрут ${String(route.method)} ${route.url} не объявил права доступа (config.access)`);
      }
    }
  });

  app.addHook('onRequest', async (req) => {
    const cfg = req.routeOptions.config;
    const access = cfg.access;
    if (access === undefined) return; // the 404 handler
    const unsafe = !SAFE_METHODS.has(req.method);
    if (unsafe) checkOrigin(req);
    const token = req.cookies[SESSION_COOKIE];
    req.actor = token ? await deps.store.resolve(token) : null;
    if (access === 'public') return;
    const actor = req.actor;
    if (!actor) throw unauthorized();
    if (unsafe && req.headers[CSRF_HEADER] !== actor.csrfToken) {
      throw new AppError(403, 'CSRF', 'Запрос отклонён: устаревшая страница. Обновите страницу и повторите.');
    }
    if (actor.mustChangePassword && !cfg.allowDuringPasswordChange) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', 'Сначала смените выданный пароль');
    }
    if (access !== 'authenticated' && !roleHas(actor.role, access)) throw forbidden();
  });

  app.addHook('preHandler', async (req) => {
    const { scope, access } = req.routeOptions.config;
    if (!scope || !req.actor || access === 'public' || access === undefined) return;
    const params = req.params as Record<string, string>;
    for (const [param, kind] of Object.entries(scope)) {
      const value = params[param];
      if (value === undefined) throw new Error(`scope names a missing path parameter ${param}`);
      await deps.access.requireAccess(req.actor, access, kind, [value]);
    }
  });
  return routes;
}
