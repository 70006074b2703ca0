import { roleHas, type Permission } from '@oko/shared';
import { forbidden, notFound } from '../http/errors.ts';
import type { Actor } from './actor.ts';
import type { ScopeKind, ScopeRepository } from './scope.repository.ts';
import { systemClock, type Clock } from '../clock.ts';

/**
 * "May this actor do X to these ids?" — the one place that answers it. The role must hold the
 * permission; every id must lie inside the actor's scope, decided by one set-based query.
 * An id outside the scope answers 404, the same as one that does not exist, so probing learns nothing.
 */
const GRANT_TTL_MS = 5_000;
const GRANT_MAX = 100_000;

export class AccessService {
  /**
   * Granted (actor, kind, id) checks for a few seconds: an autosaving editor asks the same question every
   * second, and on the embedded database every query counts. Only grants are kept, never refusals, and
   * what may change a grant (an ОО moved, a collection reassigned) is rare enough for seconds to be fine.
   */
  private readonly granted = new Map<string, number>();

  constructor(
    private readonly scopes: ScopeRepository,
    private readonly clock: Clock = systemClock,
  ) {}

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
    const now = this.clock.now().getTime();
    const key = (id: string) => `${actor.userId}\u0000${kind}\u0000${id}`;
    const unknown = ids.filter((id) => (this.granted.get(key(id)) ?? 0) <= now);
    if (unknown.length === 0) return;
    const allowed = await this.scopes.allowed(actor, kind, unknown);
    for (const id of unknown) if (!allowed.has(id)) throw notFound();
    if (this.granted.size + unknown.length > GRANT_MAX) this.granted.clear();
    for (const id of unknown) this.granted.set(key(id), now + GRANT_TTL_MS);
  }
}
