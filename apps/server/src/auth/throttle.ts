import type { ThrottleRepository, ThrottleState } from './throttle.repository.ts';

export interface ThrottlePolicy {
  /** failures are counted within this window, then forgotten */
  windowMs: number;
  /** from this many failures on, each next attempt must wait, doubling from 1 s */
  slowAfter: number;
  /** at this many failures the key is locked */
  lockAfter: number;
  lockMs: number;
  maxDelayMs: number;
}

/** Per login: a person mistyping a few times is not slowed; a guesser is. */
export const LOGIN_POLICY: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  slowAfter: 5,
  lockAfter: 10,
  lockMs: 15 * 60_000,
  maxDelayMs: 60_000,
};

/** Per IP: a whole school network may sit behind one address, so the limits are higher. */
export const IP_POLICY: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  slowAfter: 30,
  lockAfter: 100,
  lockMs: 15 * 60_000,
  maxDelayMs: 30_000,
};

export type ThrottleVerdict =
  { kind: 'allow' } | { kind: 'wait'; retryAfterMs: number } | { kind: 'locked'; until: Date };

export function judge(state: ThrottleState | undefined, policy: ThrottlePolicy, now: Date): ThrottleVerdict {
  if (!state) return { kind: 'allow' };
  if (state.locked_until && state.locked_until > now) return { kind: 'locked', until: state.locked_until };
  if (now.getTime() - state.window_started_at.getTime() > policy.windowMs) return { kind: 'allow' };
  if (state.locked_until) return { kind: 'allow' }; // the lock has expired
  if (state.failures < policy.slowAfter) return { kind: 'allow' };
  const delay = Math.min(2 ** (state.failures - policy.slowAfter) * 1000, policy.maxDelayMs);
  const readyAt = state.last_failure_at.getTime() + delay;
  return readyAt > now.getTime() ? { kind: 'wait', retryAfterMs: readyAt - now.getTime() } : { kind: 'allow' };
}

export function afterFailure(state: ThrottleState | undefined, policy: ThrottlePolicy, now: Date): ThrottleState {
  const fresh =
    !state ||
    now.getTime() - state.window_started_at.getTime() > policy.windowMs ||
    (state.locked_until !== null && state.locked_until <= now);
  const failures = fresh ? 1 : state.failures + 1;
  return {
    failures,
    window_started_at: fresh ? now : state.window_started_at,
    last_failure_at: now,
    locked_until: failures >= policy.lockAfter ? new Date(now.getTime() + policy.lockMs) : null,
  };
}

export class LoginThrottle {
  constructor(private readonly repo: ThrottleRepository) {}

  private keys(login: string, ip: string) {
    return { login: `login:${login}`, ip: `ip:${ip}` };
  }

  /** The strictest verdict of the login's and the IP's counters. */
  async check(login: string, ip: string, now: Date): Promise<ThrottleVerdict> {
    const k = this.keys(login, ip);
    const states = await this.repo.get([k.login, k.ip]);
    const verdicts = [judge(states.get(k.login), LOGIN_POLICY, now), judge(states.get(k.ip), IP_POLICY, now)];
    const locked = verdicts.find((v) => v.kind === 'locked');
    if (locked) return locked;
    const waits = verdicts.filter((v): v is Extract<ThrottleVerdict, { kind: 'wait' }> => v.kind === 'wait');
    if (waits.length > 0) return { kind: 'wait', retryAfterMs: Math.max(...waits.map((w) => w.retryAfterMs)) };
    return { kind: 'allow' };
  }

  /** Records a failure; answers whether this one locked the login. */
  async fail(login: string, ip: string, now: Date): Promise<{ lockedUntil: Date | null }> {
    const k = this.keys(login, ip);
    const states = await this.repo.get([k.login, k.ip]);
    const loginState = afterFailure(states.get(k.login), LOGIN_POLICY, now);
    await this.repo.put(k.login, loginState);
    await this.repo.put(k.ip, afterFailure(states.get(k.ip), IP_POLICY, now));
    return { lockedUntil: loginState.locked_until };
  }

  async succeed(login: string): Promise<void> {
    await this.repo.clear(`login:${login}`);
  }
}
