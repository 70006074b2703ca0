import { roleHas, type Permission } from '@oko/shared';
import { forbidden, notFound } from '../http/errors.ts';
import type { Actor } from './actor.ts';
import type { ScopeKind, ScopeRepository } from './scope.repository.ts';

/**
 * "May this actor do X to these ids?" — the one place that answers it. The role must hold the
 * permission; every id must lie inside the actor's scope, decided by one set-based query.
 * An id outside the scope answers 404, the same as one that does not exist, so probing learns nothing.
 */
export class AccessService {
  constructor(private readonly scopes: ScopeRepository) {}

  requirePermission(actor: Actor, permission: Permission): void {
    if (!roleHas(actor.role, permission)) throw forbidden();
  }

  async requireAccess(
    actor: Actor,
    permission: Permission | 'authenticated',
    kind: ScopeKind,
    ids: readonly string[],
  ): Promise<void> {
    if (permission !== 'authenticated') this.requirePermission(actor, permission);
    const allowed = await this.scopes.allowed(actor, kind, ids);
    for (const id of ids) if (!allowed.has(id)) throw notFound();
  }
}
