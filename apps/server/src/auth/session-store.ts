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
  private profiles = new Map<string, { value: unknown; cachedAt: number }>();
  // concurrent misses for the same key share one query
  private inflight = new Map<string, Promise<unknown>>();

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
    const row = await this.shared(`s:${key}`, () => this.repo.findActive(key, new Date(now)));
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

  /**
   * The account's profile (what /api/me shows), kept as briefly as the session: a page load asks
   * for it several times, and on an embedded database every query runs on the server's own thread.
   */
  async profile<T>(userId: string, load: () => Promise<T>): Promise<T> {
    const now = this.clock.now().getTime();
    const hit = this.profiles.get(userId);
    if (hit && now - hit.cachedAt < CACHE_MS) return hit.value as T;
    const value = await this.shared(`p:${userId}`, load);
    if (this.profiles.size >= CACHE_MAX) this.profiles.clear();
    this.profiles.set(userId, { value, cachedAt: now });
    return value;
  }

  private shared<T>(key: string, load: () => Promise<T>): Promise<T> {
    const pending = this.inflight.get(key);
    if (pending) return pending as Promise<T>;
    const p = load().finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  /** Forget cached sessions and profiles of these accounts (after logout, password change, re-issue, edits). */
  forgetUsers(userIds: Iterable<string>): void {
    const set = new Set(userIds);
    for (const [key, entry] of this.cache) if (set.has(entry.actor.userId)) this.cache.delete(key);
    for (const id of set) this.profiles.delete(id);
  }
}
