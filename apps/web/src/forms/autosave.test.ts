import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, type SaveAnswer, type SaveStatus } from './autosave';

interface Call {
  data: string;
  version: number;
  resolve: (a: SaveAnswer) => void;
  reject: (e: unknown) => void;
}

/** A fake server: every save waits until the test answers it. */
function setup(opts: { version?: number } = {}) {
  const calls: Call[] = [];
  const statuses: SaveStatus[] = [];
  const saver = new Autosaver<string>({
    data: 'v0',
    version: opts.version ?? 1,
    delayMs: 800,
    retryMs: [2000, 4000],
    save: (data, version) =>
      new Promise<SaveAnswer>((resolve, reject) => {
        calls.push({ data, version, resolve, reject });
      }),
    onStatus: (s) => statuses.push(s),
  });
  const last = (): SaveStatus => statuses[statuses.length - 1] ?? { kind: 'idle' };
  return { saver, calls, statuses, last };
}

const ok = (version: number): SaveAnswer => ({ version, savedAt: '2026-03-01T10:42:00Z' });
const httpError = (status: number, message = 'ошибка') => Object.assign(new Error(message), { status });

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for a pause in typing and sends only the latest data', async () => {
    const { saver, calls, last } = setup();
    saver.change('a');
    await vi.advanceTimersByTimeAsync(500);
    saver.change('ab');
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toHaveLength(0);
    expect(last()).toEqual({ kind: 'pending' });
    await vi.advanceTimersByTimeAsync(300);
    expect(calls.map((c) => [c.data, c.version])).toEqual([['ab', 1]]);
    expect(last()).toEqual({ kind: 'saving' });
    calls[0]!.resolve(ok(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toEqual({ kind: 'saved', at: '2026-03-01T10:42:00Z' });
    expect(saver.unsaved).toBe(false);
    expect(saver.savedData).toBe('ab');
    expect(saver.savedVersion).toBe(2);
  });

  it('sends one request at a time; changes made during it go next with the new version', async () => {
    const { saver, calls, last } = setup();
    saver.change('a');
    await vi.advanceTimersByTimeAsync(800);
    saver.change('ab');
    saver.change('abc');
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(ok(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toEqual({ kind: 'pending' });
    expect(saver.unsaved).toBe(true);
    await vi.advanceTimersByTimeAsync(800);
    expect(calls.map((c) => [c.data, c.version])).toEqual([
      ['a', 1],
      ['abc', 2],
    ]);
  });

  it('retries with growing pauses when the network fails, keeping edits made meanwhile', async () => {
    const { saver, calls, last } = setup();
    saver.change('a');
    await vi.advanceTimersByTimeAsync(800);
    calls[0]!.reject(httpError(0, 'Нет связи'));
    await vi.advanceTimersByTimeAsync(0);
    const offline = last();
    expect(offline.kind).toBe('offline');
    expect(offline.kind === 'offline' ? offline.retryAt - Date.now() : null).toBe(2000);

    saver.change('ab'); // typed while offline: no new request before the retry
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls[1]!.data).toBe('ab');
    calls[1]!.reject(httpError(502));
    await vi.advanceTimersByTimeAsync(0);
    const second = last();
    expect(second.kind === 'offline' ? second.retryAt - Date.now() : null).toBe(4000);
    await vi.advanceTimersByTimeAsync(4000);
    calls[2]!.resolve(ok(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.data)).toEqual(['a', 'ab', 'ab']);
    expect(last().kind).toBe('saved');
    expect(saver.unsaved).toBe(false);
    // the backoff starts over after a success
    saver.change('abc');
    await vi.advanceTimersByTimeAsync(800);
    calls[3]!.reject(httpError(0));
    await vi.advanceTimersByTimeAsync(0);
    const again = last();
    expect(again.kind === 'offline' ? again.retryAt - Date.now() : null).toBe(2000);
  });

  it('stops on a conflict: nothing more is sent, the unsaved data stays available', async () => {
    const { saver, calls, last } = setup();
    saver.change('mine');
    await vi.advanceTimersByTimeAsync(800);
    calls[0]!.reject(httpError(409, 'Форма изменена в другой вкладке'));
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toEqual({ kind: 'conflict', message: 'Форма изменена в другой вкладке' });
    saver.change('mine2');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    expect(saver.stopped).toBe(true);
    expect(saver.unsaved).toBe(true);
    expect(saver.data).toBe('mine2');
    expect(saver.savedData).toBe('v0');
    expect(await saver.flush()).toBe(false);
  });

  it('a closed collection (403) stops saving; another refusal waits for the next change', async () => {
    const closed = setup();
    closed.saver.change('a');
    await vi.advanceTimersByTimeAsync(800);
    closed.calls[0]!.reject(httpError(403, 'Сбор данных закрыт'));
    await vi.advanceTimersByTimeAsync(0);
    expect(closed.last()).toEqual({ kind: 'closed', message: 'Сбор данных закрыт' });

    const refused = setup();
    refused.saver.change('a');
    await vi.advanceTimersByTimeAsync(800);
    refused.calls[0]!.reject(httpError(400, 'Слишком длинное значение'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(refused.last()).toEqual({ kind: 'failed', message: 'Слишком длинное значение' });
    expect(refused.calls).toHaveLength(1);
    refused.saver.change('b');
    await vi.advanceTimersByTimeAsync(800);
    expect(refused.calls.map((c) => c.data)).toEqual(['a', 'b']);
  });

  it('flush sends at once, waits for changes made during the request, and reports the outcome', async () => {
    const { saver, calls } = setup();
    expect(await saver.flush()).toBe(true); // nothing to send
    saver.change('a');
    const first = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    saver.change('ab');
    let settled: boolean | undefined;
    void first.then((v) => (settled = v));
    calls[0]!.resolve(ok(2));
    await vi.advanceTimersByTimeAsync(0);
    // still one change behind: flush goes on without the usual pause
    expect(settled).toBeUndefined();
    expect(calls.map((c) => [c.data, c.version])).toEqual([
      ['a', 1],
      ['ab', 2],
    ]);
    calls[1]!.resolve(ok(3));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(true);

    saver.change('abc');
    const failing = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    calls[2]!.reject(httpError(0));
    expect(await failing).toBe(false);
    expect(saver.status.kind).toBe('offline');
  });

  it('setVersion (after a submission) is used by the next save; dispose stops the timers', async () => {
    const { saver, calls } = setup();
    saver.setVersion(7);
    saver.change('a');
    await vi.advanceTimersByTimeAsync(800);
    expect(calls[0]!.version).toBe(7);
    calls[0]!.resolve(ok(8));
    await vi.advanceTimersByTimeAsync(0);
    saver.change('b');
    saver.dispose();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
  });
});
