import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../access/actor.ts';
import type { Clock } from '../clock.ts';
import type { SessionsRepository } from './sessions.repository.ts';

export const SESSION_COOKIE = 'oko_session';
export const CSRF_HEADER = 'x-csrf-token';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

// A session looked up is reused for a moment: most requests of a page come in a burst.
// Ending a session in this process drops it at once; another process sees it within this time.
const CACHE_MS = 2_000;
const CACHE_MAX = 50_000;
// last_seen_at is written at most this often per session, not on every request.
const TOUCH_MS = 60_000;

interface Cached {
  actor: Actor;
  lastSeen: number;
  expiresAt: number;
  cachedAt: number;
}

export class SessionStore {
  private cache = new Map<string, Cached>();

  constructor(
    private readonly repo: SessionsRepository,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  async create(userId: string, ip: string | null, userAgent: string | null) {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    const sessionId = await this.repo.create({
      tokenHash: hashToken(token),
      userId,
      csrfToken,
      now,
      expiresAt,
      ip,
      userAgent,
    });
    return { token, sessionId, csrfToken, expiresAt };
  }

  async resolve(token: string): Promise<Actor | null> {
    const key = hashToken(token);
    const now = this.clock.now().getTime();
    const hit = this.cache.get(key);
    if (hit && now - hit.cachedAt < CACHE_MS && hit.expiresAt > now) {
      await this.touchIfStale(hit, now);
      return hit.actor;
    }
    const row = await this.repo.findActive(key, new Date(now));
    if (!row) {
      this.cache.delete(key);
      return null;
    }
    const actor: Actor = {
      userId: row.user_id,
      login: row.login,
      role: row.role,
      regionCode: row.region_code,
      municipalityId: row.municipality_id,
      orgId: row.org_id,
      mustChangePassword: row.must_change_password,
      sessionId: row.session_id,
      csrfToken: row.csrf_token,
    };
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    const entry = { actor, lastSeen: row.last_seen_at.getTime(), expiresAt: row.expires_at.getTime(), cachedAt: now };
    this.cache.set(key, entry);
    await this.touchIfStale(entry, now);
    return actor;
  }

  private async touchIfStale(entry: Cached, now: number): Promise<void> {
    if (now - entry.lastSeen < TOUCH_MS) return;
    entry.lastSeen = now;
    await this.repo.touch(entry.actor.sessionId, new Date(now));
  }

  /** Forget cached sessions of these accounts (after logout, password change, re-issue). */
  forgetUsers(userIds: Iterable<string>): void {
    const set = new Set(userIds);
    for (const [key, entry] of this.cache) if (set.has(entry.actor.userId)) this.cache.delete(key);
  }
}
