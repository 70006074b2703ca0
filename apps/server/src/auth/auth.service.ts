import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { AppError, badRequest, tooManyRequests, unauthorized } from '../http/errors.ts';
import type { UsersRepository } from '../accounts/users.repository.ts';
import type { AuditRepository } from './audit.repository.ts';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import type { SessionStore } from './session-store.ts';
import type { SessionsRepository } from './sessions.repository.ts';
import type { LoginThrottle } from './throttle.ts';

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

const moscowTime = (d: Date) =>
  d.toLocaleTimeString('ru-RU', { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit' });

export class AuthService {
  constructor(
    private readonly deps: {
      db: Kysely<DB>;
      clock: Clock;
      users: UsersRepository;
      sessions: SessionsRepository;
      store: SessionStore;
      throttle: LoginThrottle;
      audit: AuditRepository;
      supportContact: string;
    },
  ) {}

  async login(login: string, password: string, meta: RequestMeta) {
    const { clock, users, throttle, audit, store } = this.deps;
    const now = clock.now();
    const verdict = await throttle.check(login, meta.ip, now);
    if (verdict.kind === 'locked') {
      await audit.record({ at: now, event: 'login.locked', login, ip: meta.ip, userAgent: meta.userAgent });
      throw tooManyRequests(
        `Вход временно заблокирован из-за многих неудачных попыток. Повторите после ${moscowTime(verdict.until)} по московскому времени или обратитесь в техническую поддержку: ${this.deps.supportContact}`,
      );
    }
    if (verdict.kind === 'wait') {
      const seconds = Math.ceil(verdict.retryAfterMs / 1000);
      throw tooManyRequests(`Слишком много неудачных попыток входа. Повторите через ${seconds} с.`);
    }

    const user = await users.findByLogin(login);
    const ok = user
      ? await verifyPassword(user.password_hash, password)
      : await verifyPassword(await dummyPasswordHash(), password).then(() => false);
    if (!user || !ok) {
      const { lockedUntil } = await throttle.fail(login, meta.ip, now);
      await audit.record({
        at: now,
        event: 'login.failure',
        userId: user?.id ?? null,
        login,
        ip: meta.ip,
        userAgent: meta.userAgent,
        details: lockedUntil ? { lockedUntil: lockedUntil.toISOString() } : {},
      });
      throw new AppError(
        401,
        'INVALID_CREDENTIALS',
        `Неверный логин или пароль. Логин и пароль вводятся с учётом регистра. Если войти не удаётся, обратитесь в техническую поддержку: ${this.deps.supportContact}`,
      );
    }

    await throttle.succeed(login);
    if (user.org_closed) {
      await audit.record({
        at: now,
        event: 'login.org_closed',
        userId: user.id,
        login,
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      throw new AppError(
        403,
        'ORG_CLOSED',
        `Организация отмечена как закрытая по итогам проверки реестра, вход для неё закрыт. Если это ошибка, обратитесь к муниципальному или региональному координатору.`,
      );
    }
    const session = await store.create(user.id, meta.ip, meta.userAgent);
    await users.recordLogin(user.id, now);
    await audit.record({
      at: now,
      event: 'login.success',
      userId: user.id,
      actorId: user.id,
      login,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    return session;
  }

  async actorForSession(token: string): Promise<Actor> {
    const actor = await this.deps.store.resolve(token);
    if (!actor) throw unauthorized();
    return actor;
  }

  async logout(actor: Actor, meta: RequestMeta): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.sessions.end([actor.sessionId], now);
    this.deps.store.forgetUsers([actor.userId]);
    await this.deps.audit.record({
      at: now,
      event: 'logout',
      userId: actor.userId,
      actorId: actor.userId,
      login: actor.login,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
  }

  /** Changing one's password ends every other session of the account. */
  async changePassword(actor: Actor, current: string, next: string, meta: RequestMeta): Promise<void> {
    const { db, users, sessions, store, audit, clock } = this.deps;
    const user = await users.findById(actor.userId);
    if (!user) throw unauthorized();
    if (!(await verifyPassword(user.password_hash, current))) {
      throw new AppError(400, 'WRONG_PASSWORD', 'Текущий пароль указан неверно');
    }
    if (current === next) throw badRequest('Новый пароль должен отличаться от текущего');
    const problem = passwordProblem(actor.login, next);
    if (problem) throw badRequest(problem);
    const hash = await hashPassword(next);
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await users.setPassword(actor.userId, { hash, mustChange: false, at: now, issued: false }, trx);
      await sessions.endAllFor([actor.userId], now, trx, actor.sessionId);
      await audit.record(
        {
          at: now,
          event: 'password.changed',
          userId: actor.userId,
          actorId: actor.userId,
          login: actor.login,
          ip: meta.ip,
          userAgent: meta.userAgent,
        },
        trx,
      );
    });
    store.forgetUsers([actor.userId]);
  }
}
