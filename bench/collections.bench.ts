// Figures for the forms engine's server side: autosave latency with hundreds of ОО editing at once,
// and the streamed export of a collection over 40,000 ОО. Each starts the built server on a database
// seeded beforehand with SQL (lib/collections-seed.ts): the embedded PGlite, and the machine's PostgreSQL
// when one answers (lib/postgres.ts). Run alone: `npx tsx bench/collections.bench.ts` (server built first).
import fs from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { CollectionSummary, CollectionView, Job, JobStarted, NotificationList } from '@oko/shared';
import { sampleQuestionnaireData } from '../apps/server/src/demo/seed-collections.ts';
import { DEMO_ADMIN_LOGIN, DEMO_PASSWORDS } from '../apps/server/src/demo/demo-passwords.ts';
import { BENCH_PASSWORD, EXPORT_TITLE, seedSchools, seedSubmissions } from './lib/collections-seed.ts';
import {
  availableEngines,
  createSite,
  rssMb,
  seedSite,
  startSiteServer,
  type Engine,
} from './lib/collections-server.ts';
import { httpRequest, type HttpRequestSpec } from './lib/load.ts';
import type { RunningServer } from './lib/server.ts';

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(port: number, login: string, password: string): Promise<Session> {
  const res = await httpRequest(
    port,
    { method: 'POST', path: '/api/auth/login', body: JSON.stringify({ login, password }) },
    { keepBody: true },
  );
  if (res.status !== 200) throw new Error(`вход ${login}: ${res.status} ${res.body}`);
  const cookie = (res.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('oko_session='));
  if (!cookie) throw new Error(`вход ${login}: нет cookie`);
  return { cookie, csrf: (JSON.parse(res.body) as { user: { csrfToken: string } }).user.csrfToken };
}

/** Runs `fn` over the items, at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

/** PUT with a JSON body on a keep-alive agent (lib/load.ts speaks GET and POST only). */
function putJson(
  port: number,
  path: string,
  body: string,
  headers: http.OutgoingHttpHeaders,
  agent: http.Agent,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const bytes = Buffer.from(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'PUT',
        path,
        agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': bytes.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(bytes);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]! : Number.NaN;

async function json<T>(port: number, spec: HttpRequestSpec, s: Session, expect = 200): Promise<T> {
  const headers = { ...spec.headers, cookie: s.cookie, 'x-csrf-token': s.csrf };
  const res = await httpRequest(port, { ...spec, headers }, { keepBody: true });
  if (res.status !== expect) throw new Error(`${spec.method} ${spec.path}: ${res.status} ${res.body.slice(0, 300)}`);
  return JSON.parse(res.body) as T;
}

export interface AutosaveFigures {
  engine: Engine;
  editors: number;
  /** saves answered (any status) in the measured window */
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** saves not answered 200 (a conflict would count here: each editor edits its own form) */
  errors: number;
  /**
   * the time between one editor's saves (±20 %): the online table saves 0.8 s after the last change,
   * so 1 s is an editor who never stops typing
   */
  intervalMs: number;
}

/**
 * `editors` schools, each signed in with its own keep-alive connection, autosave the questionnaire
 * of the demo country every `intervalMs` (with jitter) for `durationMs`; every save changes a value
 * and carries the version of the previous one.
 */
export async function benchAutosave(
  opts: { editors: number; durationMs: number; intervalMs: number; warmupMs: number; engine?: Engine } = {
    editors: 500,
    durationMs: 10_000,
    intervalMs: 1_000,
    warmupMs: 3_000,
  },
): Promise<AutosaveFigures> {
  const engine = opts.engine ?? 'pglite';
  const site = await createSite(engine);
  let server: RunningServer | null = null;
  try {
    const logins = await seedSite(site, (db) => seedSchools(db, opts.editors));
    server = await startSiteServer(site);
    const { port } = server;
    const sessions = await pool(logins, 4, (login) => signIn(port, login, BENCH_PASSWORD));
    const list = await json<CollectionSummary[]>(port, { method: 'GET', path: '/api/collections' }, sessions[0]!);
    const collection = list.find((c) => c.purpose === 'questionnaire' && c.status === 'open');
    if (!collection) throw new Error('в демо-данных нет открытой анкеты ОО');
    const path = `/api/collections/${collection.id}/entry`;
    // each editor opens the form first, as the cabinet does, and starts from the version it shows
    const opened = await pool(sessions, 8, (s) =>
      json<CollectionView>(port, { method: 'GET', path: `/api/collections/${collection.id}` }, s),
    );
    const agent = new http.Agent({ keepAlive: true, maxSockets: opts.editors });

    const latencies: number[] = [];
    let errors = 0;
    let measuring = false;
    const started = performance.now();
    const end = started + opts.warmupMs + opts.durationMs;
    let measuredFrom = 0;
    setTimeout(() => {
      measuring = true;
      measuredFrom = performance.now();
    }, opts.warmupMs).unref();

    await Promise.all(
      sessions.map(async (s, i) => {
        let version = opened[i]!.entry?.version ?? 0;
        let n = 0;
        const data = sampleQuestionnaireData(i % 9);
        await sleep(Math.random() * opts.intervalMs);
        while (performance.now() < end) {
          data.general![0]!.students = 400 + (n++ % 500);
          const body = JSON.stringify({ data, version });
          const t0 = performance.now();
          let ok = false;
          try {
            const res = await putJson(port, path, body, { cookie: s.cookie, 'x-csrf-token': s.csrf }, agent);
            ok = res.status === 200;
            if (ok) version = (JSON.parse(res.body) as { version: number }).version;
          } catch {
            ok = false;
          }
          const ms = performance.now() - t0;
          if (measuring) {
            latencies.push(ms);
            if (!ok) errors++;
          }
          await sleep(Math.max(0, opts.intervalMs * (0.8 + Math.random() * 0.4) - ms));
        }
      }),
    );
    agent.destroy();
    const elapsed = performance.now() - measuredFrom;
    latencies.sort((a, b) => a - b);
    return {
      engine,
      editors: opts.editors,
      requests: latencies.length,
      perSecond: (latencies.length * 1000) / elapsed,
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
      maxMs: latencies[latencies.length - 1] ?? Number.NaN,
      errors,
      intervalMs: opts.intervalMs,
    };
  } finally {
    await server?.stop();
    await site.dispose();
  }
}

export interface ExportFigures {
  engine: Engine;
  orgs: number;
  columns: number;
  /** POST /export → the job done (queueing, reading, writing, storing, notifying) */
  seconds: number;
  /** the server's resident memory, sampled every 50 ms during the export */
  peakRssMb: number;
  rssBeforeMb: number;
  fileMb: number;
  /** the seeding with SQL (not part of the figure) */
  seedSeconds: number;
}

/**
 * `orgs` schools each with one submission of a `columns`-column form, inserted with SQL; then the
 * federal organizer asks for «Экспорт результатов» and the bench waits for the notification.
 */
export async function benchCollectionExport(
  opts: { orgs: number; columns: number; engine?: Engine } = { orgs: 40_000, columns: 50 },
): Promise<ExportFigures> {
  const engine = opts.engine ?? 'pglite';
  const site = await createSite(engine);
  let server: RunningServer | null = null;
  try {
    const t0 = performance.now();
    const seeded = await seedSite(site, async (db) => {
      await seedSchools(db, opts.orgs);
      return seedSubmissions(db, opts.columns);
    });
    if (seeded.orgs !== opts.orgs) throw new Error(`засеяно ${seeded.orgs} ОО вместо ${opts.orgs}`);
    const seedSeconds = (performance.now() - t0) / 1000;
    server = await startSiteServer(site);
    const { port, pid } = server;
    const admin = await signIn(port, DEMO_ADMIN_LOGIN, DEMO_PASSWORDS.federal_admin);
    const list = await json<CollectionSummary[]>(port, { method: 'GET', path: '/api/collections' }, admin);
    const collection = list.find((c) => c.title === EXPORT_TITLE)!;

    const rssBeforeMb = rssMb(pid);
    let peakRssMb = rssBeforeMb;
    const sampler = setInterval(() => {
      try {
        peakRssMb = Math.max(peakRssMb, rssMb(pid));
      } catch {
        // the server is gone; the wait below reports it
      }
    }, 50);
    const started = performance.now();
    const { jobId } = await json<JobStarted>(
      port,
      { method: 'POST', path: `/api/collections/${collection.id}/export` },
      admin,
      202,
    );
    let job: Job;
    for (;;) {
      job = await json<Job>(port, { method: 'GET', path: `/api/jobs/${jobId}` }, admin);
      if (job.status === 'done' || job.status === 'failed') break;
      if (performance.now() - started > 300_000) throw new Error('экспорт не закончился за 5 минут');
      await sleep(100);
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (job.status !== 'done') throw new Error(`экспорт не удался: ${job.error}\n${server.output()}`);

    const notes = await json<NotificationList>(port, { method: 'GET', path: '/api/notifications' }, admin);
    const note = notes.items.find((n) => n.jobId === jobId);
    if (!note?.file || !note.body.includes(`${opts.orgs} ОО`)) throw new Error(`уведомление: ${JSON.stringify(note)}`);
    const file = await httpRequest(port, { method: 'GET', path: note.file.url, headers: { cookie: admin.cookie } });
    if (file.status !== 200) throw new Error(`файл экспорта: ${file.status}`);
    const fileMb = Number(file.headers['content-length'] ?? 0) / 1024 / 1024;
    return { engine, orgs: opts.orgs, columns: opts.columns, seconds, peakRssMb, rssBeforeMb, fileMb, seedSeconds };
  } finally {
    await server?.stop();
    await site.dispose();
  }
}

// standalone run: both figures, printed; BENCH_EDITORS / BENCH_ORGS shrink them for a quick look
if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  const main = async () => {
    const engines = await availableEngines();
    const editors = Number(process.env.BENCH_EDITORS ?? 500);
    const orgs = Number(process.env.BENCH_ORGS ?? 40_000);
    for (const engine of engines) {
      console.log(
        'autosave',
        await benchAutosave({ editors, durationMs: 10_000, intervalMs: 1_000, warmupMs: 3_000, engine }),
      );
      console.log('export', await benchCollectionExport({ orgs, columns: 50, engine }));
    }
  };
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
