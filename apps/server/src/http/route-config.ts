import type { RouteAccess } from '@oko/shared';
import type { FastifyInstance, FastifyRequest, RawServerDefault, FastifyBaseLogger } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from '../access/actor.ts';
import type { ScopeKind } from '../access/scope.repository.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: a permission, any signed-in account, or anyone. Required on every route. */
    access?: RouteAccess;
    /** Path parameters holding ids, and the kind of each: checked against the actor's scope before the handler. */
    scope?: Record<string, ScopeKind>;
    /** Body fields holding ids, and the kind of each: the service checks them with the access module. */
    bodyScope?: Record<string, ScopeKind>;
    /** Reachable while an issued password still waits to be changed. */
    allowDuringPasswordChange?: boolean;
    /** A valid request body, for the OpenAPI page and for the route × role × scope test. */
    exampleBody?: unknown;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The signed-in actor of a route that is not public (the hook has already refused anonymous calls). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new Error('actorOf() on a route without a session');
  return req.actor;
}

export const requestMeta = (req: FastifyRequest) => ({
  ip: req.ip,
  userAgent: req.headers['user-agent']?.slice(0, 400) ?? null,
});
