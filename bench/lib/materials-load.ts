// Load for a thousand connections at once. lib/load.ts's loadHttp keeps at most 256 idle sockets (the
// http.Agent default): above that, sockets are closed between requests and reconnected, and the
// reconnect storms, not the server, make the tail. Here every connection stays open, they are opened
// over a ramp during the warm-up (the listen backlog is 511), and besides the closed loop there is an
// open loop: a fixed request rate, with latency counted from the moment each request was due.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { httpRequest, runLoops, type HttpRequestSpec, type LoopStats } from './load.ts';

export interface ManyOptions {
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  /** the warm-up opens the connections over this time */
  rampMs: number;
  expectStatus: number;
}

const keepAllSockets = (n: number) => new http.Agent({ keepAlive: true, maxSockets: n, maxFreeSockets: n });

/** Closed loop: `concurrency` loops, each sending its next request when the previous one is answered. */
export async function closedLoop(port: number, next: () => HttpRequestSpec, opts: ManyOptions): Promise<LoopStats> {
  const agent = keepAllSockets(opts.concurrency);
  let opened = 0;
  try {
    return await runLoops(
      async () => {
        // the first call of every loop (all start at once) waits for its turn on the ramp
        if (opened < opts.concurrency) await sleep((opened++ * opts.rampMs) / opts.concurrency);
        const res = await httpRequest(port, next(), { agent });
        return res.status === opts.expectStatus;
      },
      { concurrency: opts.concurrency, durationMs: opts.durationMs, warmupMs: opts.warmupMs },
    );
  } finally {
    agent.destroy();
  }
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]! : Number.NaN;

/**
 * Open loop: `senders` connections (opened first), each due to send every senders/ratePerSec seconds
 * (random phase).
 * A sender whose answer comes late sends the next one at once; its latency still counts from when it
 * was due, so a stalled server is not hidden by the load backing off.
 */
export async function openLoop(
  port: number,
  next: (sender: number) => HttpRequestSpec,
  opts: {
    senders: number;
    ratePerSec: number;
    durationMs: number;
    warmupMs: number;
    rampMs: number;
    expectStatus: number;
  },
): Promise<LoopStats> {
  const agent = keepAllSockets(opts.senders);
  // the connections first, over the ramp: a connection waiting in the backlog is not the server's latency
  await Promise.all(
    Array.from({ length: opts.senders }, async (_, sender) => {
      await sleep((sender * opts.rampMs) / opts.senders);
      await httpRequest(port, next(sender), { agent }).catch(() => undefined);
    }),
  );
  const intervalMs = (opts.senders * 1000) / opts.ratePerSec;
  const start = performance.now();
  const measureFrom = start + opts.warmupMs;
  const end = measureFrom + opts.durationMs;
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  try {
    await Promise.all(
      Array.from({ length: opts.senders }, async (_, sender) => {
        let due = start + Math.random() * intervalMs;
        while (due < end) {
          const wait = due - performance.now();
          if (wait > 0) await sleep(wait);
          let success = false;
          try {
            success = (await httpRequest(port, next(sender), { agent })).status === opts.expectStatus;
          } catch {
            success = false;
          }
          if (due >= measureFrom) {
            latencies.push(performance.now() - due);
            if (success) ok++;
            else errors++;
          }
          due += intervalMs;
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  const elapsed = performance.now() - measureFrom;
  const sorted = Float64Array.from(latencies).sort();
  return {
    ok,
    errors,
    durationMs: elapsed,
    perSecond: (ok * 1000) / elapsed,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    meanMs: latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : Number.NaN,
    maxMs: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    concurrency: opts.senders,
  };
}
