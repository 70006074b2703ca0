// A small closed-loop load generator: N concurrent loops, each sending its next request as soon as
// the previous one finishes, for a fixed time. Good enough to compare routes of one server in one run.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoopOptions {
  /** Loops running at once (for HTTP: connections). */
  concurrency: number;
  /** Measured time. */
  durationMs: number;
  /** Run this long first and throw the figures away (JIT, caches, keep-alive sockets). */
  warmupMs?: number;
}

export interface LoopStats {
  /** Operations that succeeded (expected status / result). */
  ok: number;
  /** Operations that failed: unexpected status, network error, false result. */
  errors: number;
  durationMs: number;
  /** Successful operations per second. */
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  concurrency: number;
}

/** Resolves true when the operation counts as a success. A rejection counts as an error. */
export type Task = () => Promise<boolean>;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

async function phase(task: Task, concurrency: number, durationMs: number): Promise<LoopStats> {
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  const start = performance.now();
  const end = start + durationMs;
  const loop = async (): Promise<void> => {
    while (performance.now() < end) {
      const t0 = performance.now();
      let success: boolean;
      try {
        success = await task();
      } catch {
        success = false;
      }
      latencies.push(performance.now() - t0);
      if (success) ok++;
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = performance.now() - start; // includes the in-flight tail, which is also counted
  const sorted = Float64Array.from(latencies).sort();
  const sum = latencies.reduce((a, b) => a + b, 0);
  return {
    ok,
    errors,
    durationMs: elapsed,
    perSecond: (ok * 1000) / elapsed,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    meanMs: latencies.length ? sum / latencies.length : Number.NaN,
    maxMs: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    concurrency,
  };
}

export async function runLoops(task: Task, opts: LoopOptions): Promise<LoopStats> {
  if (opts.warmupMs) await phase(task, opts.concurrency, opts.warmupMs);
  return phase(task, opts.concurrency, opts.durationMs);
}

export interface HttpRequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers?: http.OutgoingHttpHeaders;
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request to 127.0.0.1:port; the body is kept only when asked (load runs discard it). */
export function httpRequest(
  port: number,
  spec: HttpRequestSpec,
  opts: { agent?: http.Agent | false; keepBody?: boolean; timeoutMs?: number } = {},
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
    const headers: http.OutgoingHttpHeaders = { ...spec.headers };
    if (body) {
      headers['content-type'] ??= 'application/json';
      headers['content-length'] = body.length;
    }
    const req = http.request(
      { host: '127.0.0.1', port, method: spec.method, path: spec.path, headers, agent: opts.agent ?? false },
      (res) => {
        const chunks: Buffer[] = [];
        if (opts.keepBody) res.on('data', (c: Buffer) => chunks.push(c));
        else res.resume();
        res.on('error', reject);
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    if (opts.timeoutMs) req.setTimeout(opts.timeoutMs, () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

/**
 * Load on one route: `connections` keep-alive sockets, one loop per socket. `next` gives each
 * request (so bodies may vary); a response with another status than `expectStatus` is an error.
 */
export async function loadHttp(
  port: number,
  next: () => HttpRequestSpec,
  opts: LoopOptions & { expectStatus: number },
): Promise<LoopStats> {
  // free sockets default to 256: above that the agent would close and reopen connections between requests
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency, maxFreeSockets: opts.concurrency });
  try {
    return await runLoops(async () => {
      const res = await httpRequest(port, next(), { agent });
      return res.status === opts.expectStatus;
    }, opts);
  } finally {
    agent.destroy();
  }
}
