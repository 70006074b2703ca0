import { describe, expect, it } from 'vitest';
import { afterFailure, judge, LOGIN_POLICY } from './throttle.ts';

const t0 = new Date('2027-03-01T07:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function failTimes(n: number, stepMs = 0) {
  let state;
  for (let i = 0; i < n; i++) state = afterFailure(state, LOGIN_POLICY, at(i * stepMs));
  return state!;
}

describe('login throttle policy', () => {
  it('lets a few mistakes through without delay', () => {
    expect(judge(failTimes(4), LOGIN_POLICY, at(1))).toEqual({ kind: 'allow' });
  });

  it('doubles the wait from the fifth failure on', () => {
    expect(judge(failTimes(5), LOGIN_POLICY, at(500))).toEqual({ kind: 'wait', retryAfterMs: 500 });
    expect(judge(failTimes(7), LOGIN_POLICY, at(1000))).toEqual({ kind: 'wait', retryAfterMs: 3000 });
    expect(judge(failTimes(7), LOGIN_POLICY, at(4000))).toEqual({ kind: 'allow' });
  });

  it('locks at the tenth failure for the lock time, then starts afresh', () => {
    const locked = failTimes(10);
    expect(locked.locked_until).toEqual(at(LOGIN_POLICY.lockMs));
    expect(judge(locked, LOGIN_POLICY, at(LOGIN_POLICY.lockMs - 1)).kind).toBe('locked');
    expect(judge(locked, LOGIN_POLICY, at(LOGIN_POLICY.lockMs))).toEqual({ kind: 'allow' });
    expect(afterFailure(locked, LOGIN_POLICY, at(LOGIN_POLICY.lockMs)).failures).toBe(1);
  });

  it('forgets failures older than the window', () => {
    const old = failTimes(9);
    expect(afterFailure(old, LOGIN_POLICY, at(LOGIN_POLICY.windowMs + 1)).failures).toBe(1);
  });
});
