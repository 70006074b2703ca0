// Starts the built server (apps/server/dist/main.js) as a child process on 127.0.0.1, waits for
// /healthz, stops it with SIGTERM. Whatever is left running or on disk is removed when the bench exits.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { httpRequest } from './load.ts';

export const SERVER_ENTRY = fileURLToPath(new URL('../../apps/server/dist/main.js', import.meta.url));

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

// Last resort (error, time limit, Ctrl-C): nothing of ours outlives the bench.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

export function makeTempDataDir(): string {
  const dir = fs.mkdtempSync(`${os.tmpdir()}/oko-bench-`);
  tempDirs.add(dir);
  return dir;
}

export function removeTempDataDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface StopResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** From SIGTERM to the process having exited. */
  stopMs: number;
}

export interface RunningServer {
  port: number;
  pid: number;
  dataDir: string;
  /** From spawn to the first 200 from GET /healthz, as a client sees it. */
  readyMs: number;
  /** The server's own `readyMs` (logged at info level only; null otherwise). */
  selfReportedReadyMs: number | null;
  /** Recent stdout/stderr, for error messages. */
  output(): string;
  stop(): Promise<StopResult>;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export async function startServer(opts: {
  dataDir: string;
  logLevel?: 'warn' | 'info';
  timeoutMs?: number;
  /** Extra node flags, e.g. ['--cpu-prof'] when profiling. */
  nodeArgs?: string[];
  /** A PostgreSQL server instead of the embedded PGlite. */
  databaseUrl?: string;
  /**
   * Background jobs of the server (JOB_WORKERS). HTTP-only benches pass 0: the demo country's archive
   * generation would otherwise run under what they measure.
   */
  jobWorkers?: number;
}): Promise<RunningServer> {
  if (!fs.existsSync(SERVER_ENTRY)) {
    throw new Error(
      `${SERVER_ENTRY} не найден: соберите сервер (node scripts/build.mjs --server-only) или запустите npm run bench`,
    );
  }
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: opts.dataDir,
    LOG_LEVEL: opts.logLevel ?? 'warn',
    DEMO: '1',
    JOB_WORKERS: String(opts.jobWorkers ?? 2),
  };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else delete env.DATABASE_URL; // the embedded PGlite unless asked
  delete env.OKO_ADMIN_PASSWORD;
  delete env.NODE_OPTIONS; // tsx's loader is not wanted in the server

  const started = performance.now();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), SERVER_ENTRY], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  let exit: Exit | null = null;
  void exited.then((e) => (exit = e));

  let out = '';
  let selfReportedReadyMs: number | null = null;
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    out = (out + text).slice(-16_000);
    for (const line of text.split('\n')) {
      if (!line.includes('readyMs')) continue;
      try {
        const parsed = JSON.parse(line) as { readyMs?: unknown };
        if (typeof parsed.readyMs === 'number') selfReportedReadyMs = parsed.readyMs;
      } catch {
        // not a JSON log line
      }
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  const deadline = started + (opts.timeoutMs ?? 60_000);
  let readyMs: number | null = null;
  while (readyMs === null) {
    if (exit) {
      const e: Exit = exit;
      throw new Error(`сервер завершился при запуске (code ${e.code}, signal ${e.signal}):\n${out}`);
    }
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`сервер не ответил на /healthz за ${opts.timeoutMs ?? 60_000} мс:\n${out}`);
    }
    try {
      const res = await httpRequest(port, { method: 'GET', path: '/healthz' }, { timeoutMs: 2_000 });
      if (res.status === 200) readyMs = performance.now() - started;
    } catch {
      // not listening yet
    }
    if (readyMs === null) await sleep(20);
  }

  return {
    port,
    pid: child.pid ?? 0,
    dataDir: opts.dataDir,
    readyMs,
    get selfReportedReadyMs() {
      return selfReportedReadyMs;
    },
    output: () => out,
    async stop() {
      const t0 = performance.now();
      if (exit) return { ...(exit as Exit), stopMs: 0 };
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const e = await exited;
      clearTimeout(timer);
      return { ...e, stopMs: performance.now() - t0 };
    },
  };
}
