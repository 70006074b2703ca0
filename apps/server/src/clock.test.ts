import { describe, expect, it, vi } from 'vitest';
import { FileClock } from './clock.ts';

describe('FileClock', () => {
  it('stands at the instant of the file and runs on from it; a new value moves it', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2026-11-22T10:00:00Z'));
      let content = '2026-12-10T00:29:59Z';
      const clock = new FileClock('clock', () => content);
      expect(clock.now().toISOString()).toBe('2026-12-10T00:29:59.000Z');
      vi.advanceTimersByTime(1000);
      expect(clock.now().toISOString()).toBe('2026-12-10T00:30:00.000Z');
      content = '2027-04-01T00:00:00Z';
      vi.advanceTimersByTime(25);
      expect(clock.now().toISOString()).toBe('2027-04-01T00:00:00.000Z');
      // an unreadable or empty file means real time
      content = '';
      vi.advanceTimersByTime(25);
      expect(clock.now().toISOString()).toBe('2026-11-22T10:00:01.050Z');
    } finally {
      vi.useRealTimers();
    }
  });
});
