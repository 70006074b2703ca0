import { ROLE_PERMISSIONS, ROLE_TITLES, type Me } from '@oko/shared';
import type { Actor } from '../access/actor.ts';
import type { UsersRepository } from '../accounts/users.repository.ts';
import { contactOf } from '../accounts/contact.ts';
import type { AuditRepository } from '../auth/audit.repository.ts';
import type { SessionStore } from '../auth/session-store.ts';
import type { SessionsRepository } from '../auth/sessions.repository.ts';
import type { Clock } from '../clock.ts';
import { unauthorized } from '../http/errors.ts';
import type { RequestMeta } from '../auth/auth.service.ts';

export class MeService {
  constructor(
    private readonly deps: {
      clock: Clock;
      users: UsersRepository;
      sessions: SessionsRepository;
      store: SessionStore;
      audit: AuditRepository;
    },
  ) {}

  async me(actor: Actor): Promise<Me> {
    const p = await this.deps.store.profile(actor.userId, () => this.deps.users.profile(actor.userId));
    if (!p) throw unauthorized();
    const level =
      p.role === 'federal_admin' ? 'federal' : p.org_id ? 'org' : p.municipality_id ? 'municipality' : 'region';
    const name =
      level === 'federal'
        ? 'Федеральный уровень'
        : level === 'org'
          ? (p.org_name ?? '')
          : level === 'municipality'
            ? (p.municipality_name ?? '')
            : (p.region_name ?? '');
    return {
      id: p.id,
      login: p.login,
      role: p.role,
      roleTitle: ROLE_TITLES[p.role],
      mustChangePassword: p.must_change_password,
      organization: {
        level,
        name,
        regionCode: p.region_code,
        municipalityId: p.municipality_id,
        orgId: p.org_id,
        timeZone: p.municipality_time_zone ?? p.region_time_zone ?? 'Europe/Moscow',
      },
      contact: contactOf(p),
      permissions: [...ROLE_PERMISSIONS[p.role]],
      csrfToken: actor.csrfToken,
    };
  }

  async sessions(actor: Actor) {
    const rows = await this.deps.sessions.listActive(actor.userId, this.deps.clock.now());
    return {
      sessions: rows.map((s) => ({
        id: s.id,
        createdAt: s.created_at.toISOString(),
        lastSeenAt: s.last_seen_at.toISOString(),
        ip: s.ip,
        userAgent: s.user_agent,
        current: s.id === actor.sessionId,
      })),
    };
  }

  /** The route's declared scope has already checked that the session is the actor's own. */
  async endSession(actor: Actor, sessionId: string, meta: RequestMeta): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.sessions.end([sessionId], now);
    this.deps.store.forgetUsers([actor.userId]);
    await this.deps.audit.record({
      at: now,
      event: 'session.ended',
      userId: actor.userId,
      actorId: actor.userId,
      login: actor.login,
      ip: meta.ip,
      userAgent: meta.userAgent,
      details: { sessionId },
    });
  }

  async history(actor: Actor) {
    const rows = await this.deps.audit.forUser(actor.userId, 200);
    return {
      events: rows.map((r) => ({
        at: r.at.toISOString(),
        event: r.event as 'login.success',
        ip: r.ip,
        userAgent: r.user_agent,
        actorLogin: r.actor_login,
      })),
    };
  }
}
