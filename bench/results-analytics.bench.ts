// «Аналитика» at national scale: «Статистика по отметкам» for the federal level with every level down to the
// ОО (whole sample + regions + municipalities + 40,000 ОО), and a region's «Индивидуальные результаты» export
// streamed by the background job. The server keeps level aggregates 30 s, so a cold figure is the first
// request of a freshly started server (nothing cached, JIT cold too) and a warm one is a repeat inside the TTL.
import { MARKS_HEADER, type Job, type JobStarted, type ReportTable } from '@oko/shared';
import { sql, type Kysely } from 'kysely';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DB } from '../apps/server/src/db/schema.ts';
import { AnalyticsRepository } from '../apps/server/src/results/analytics/analytics.repository.ts';
import { DEMO_ADMIN_LOGIN, DEMO_PASSWORDS } from '../apps/server/src/demo/demo-passwords.ts';
import { rssMb } from './lib/collections-server.ts';
import { json, peakSampler, signIn } from './lib/materials-http.ts';
import { NATIONAL_PASSWORD } from './lib/national-registry.ts';
import type { RunningServer } from './lib/server.ts';

export interface MarksFigures {
  /** first request of each fresh server: no aggregate cached */
  coldMs: number[];
  coldMedianMs: number;
  /** repeats while the aggregates are still cached (started within 25 s of the cold request) */
  warmMedianMs: number;
  warmMaxMs: number;
  warmRuns: number;
  /** level rows the report holds (screen rows + rows only the XLSX has) */
  levelRows: number;
  /** participants of the «Вся выборка» row as the server counted them */
  participants: number;
  responseKb: number;
  /** the four level queries of the report alone (AnalyticsRepository.level, run together as the service does) */
  sqlMs: number[];
}

export interface ExportFigures {
  region: string;
  orgs: number;
  /** rows of the XLSX body as the job reported (a group row per ОО + a row per pupil) */
  rows: number;
  seconds: number;
  rssBeforeMb: number;
  /** VmRSS sampled every 50 ms during the export */
  peakRssMb: number;
  /** VmHWM: the process's peak since its start (login and the export only) */
  hwmMb: number;
  fileMb: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : Number.NaN;
};

/** Starts a server, runs `fn` on it, stops it. */
type WithServer = <T>(jobWorkers: number, fn: (server: RunningServer) => Promise<T>) => Promise<T>;

/** The SQL under the report, without the server: every level of the federal view, as levels() runs them. */
async function levelSql(db: Kysely<DB>, subjectId: string, shape: { taskCount: number; maxScore: number }) {
  const repo = new AnalyticsRepository(db);
  const parts = { histogram: false, tasks: false };
  const t0 = performance.now();
  await Promise.all(
    (['all', 'region', 'municipality', 'org'] as const).map((kind) => repo.level(subjectId, kind, {}, shape, parts)),
  );
  return performance.now() - t0;
}

export async function benchMarks(
  withServer: WithServer,
  db: Kysely<DB>,
  opts: {
    campaignId: string;
    subjectId: string;
    shape: { taskCount: number; maxScore: number };
    coldStarts: number;
    warmRuns: number;
    log: (m: string) => void;
  },
): Promise<MarksFigures> {
  const sqlMs: number[] = [];
  for (let i = 0; i < 3; i++) sqlMs.push(await levelSql(db, opts.subjectId, opts.shape));
  opts.log(`  SQL уровней без сервера: ${sqlMs.map((x) => x.toFixed(0)).join(', ')} мс`);
  const path = `/api/campaigns/${opts.campaignId}/subjects/${opts.subjectId}/analytics/marks?detail=orgs`;
  const coldMs: number[] = [];
  let warm: number[] = [];
  let report: ReportTable | null = null;
  let responseKb = 0;
  for (let i = 0; i < opts.coldStarts; i++) {
    await withServer(0, async ({ port }) => {
      const admin = await signIn(port, DEMO_ADMIN_LOGIN, DEMO_PASSWORDS.federal_admin);
      const t0 = performance.now();
      report = await json<ReportTable>(port, { method: 'GET', path }, admin);
      coldMs.push(performance.now() - t0);
      responseKb = Buffer.byteLength(JSON.stringify(report)) / 1024;
      opts.log(`  холодный запрос ${i + 1}: ${coldMs[i]!.toFixed(0)} мс`);
      if (i < opts.coldStarts - 1) return;
      // the cache keeps an aggregate 30 s from the start of the request that computed it: a request started
      // within 25 s of the cold one's start still finds them all
      const cachedUntil = t0 + 25_000;
      warm = [];
      while (warm.length < opts.warmRuns && performance.now() < cachedUntil) {
        const t1 = performance.now();
        await json<ReportTable>(port, { method: 'GET', path }, admin);
        warm.push(performance.now() - t1);
      }
      opts.log(
        warm.length
          ? `  тёплые запросы (${warm.length}): ${warm.map((x) => x.toFixed(0)).join(', ')} мс`
          : '  тёплых запросов нет: холодный дольше 25 с, кэш истёк бы под ними',
      );
    });
  }
  const r = report as ReportTable | null;
  if (!r) throw new Error('отчёт не получен');
  const sorted = [...warm].sort((a, b) => a - b);
  return {
    coldMs,
    coldMedianMs: median(coldMs),
    warmMedianMs: median(warm),
    warmMaxMs: sorted[sorted.length - 1] ?? Number.NaN,
    warmRuns: warm.length,
    levelRows: r.rows.length + r.truncated,
    participants: allRowParticipants(r),
    responseKb,
    sqlMs,
  };
}

/** The «Вся выборка» row's «Кол-во участников». */
function allRowParticipants(r: ReportTable): number {
  const all = r.rows.find((x) => x.kind === 'all');
  const col = r.header.indexOf(MARKS_HEADER[2]!);
  const v = all && col >= 0 ? all.cells[col] : null;
  return typeof v === 'number' ? v : Number(v ?? Number.NaN);
}

export async function benchIndividualExport(
  withServer: WithServer,
  db: Kysely<DB>,
  opts: {
    campaignId: string;
    subjectId: string;
    region: string;
    coordinatorLogin: string;
    log: (m: string) => void;
  },
): Promise<ExportFigures> {
  return withServer(1, async ({ port, pid, dataDir }) => {
    const coordinator = await signIn(port, opts.coordinatorLogin, NATIONAL_PASSWORD);
    const rssBeforeMb = rssMb(pid);
    const rss = peakSampler(() => rssMb(pid), 50);
    const t0 = performance.now();
    const { jobId } = await json<JobStarted>(
      port,
      {
        method: 'POST',
        path: `/api/campaigns/${opts.campaignId}/subjects/${opts.subjectId}/analytics/individual/export`,
        body: '{}',
      },
      coordinator,
      202,
    );
    let job = await json<Job>(port, { method: 'GET', path: `/api/jobs/${jobId}` }, coordinator);
    let lastLog = performance.now();
    while (job.status !== 'done' && job.status !== 'failed') {
      await sleep(100);
      job = await json<Job>(port, { method: 'GET', path: `/api/jobs/${jobId}` }, coordinator);
      if (performance.now() - lastLog > 5_000) {
        lastLog = performance.now();
        opts.log(`  выгрузка: ${job.done} / ${job.total} ОО`);
      }
      if (performance.now() - t0 > 600_000) throw new Error('выгрузка не закончилась за 10 минут');
    }
    const seconds = (performance.now() - t0) / 1000;
    const peakRssMb = rss.stop();
    const hwmMb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    if (job.status === 'failed') throw new Error(`выгрузка не удалась: ${job.error}`);
    const result = await sql<{ rows: number; sha256: string }>`
      SELECT (result->>'rows')::int AS rows, result->>'sha256' AS sha256 FROM jobs WHERE id = ${jobId}::uuid`.execute(
      db,
    );
    const { rows, sha256 } = result.rows[0]!;
    const file = `${dataDir}/blobs/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
    return {
      region: opts.region,
      orgs: job.total,
      rows,
      seconds,
      rssBeforeMb,
      peakRssMb,
      hwmMb,
      fileMb: fs.existsSync(file) ? fs.statSync(file).size / 1024 / 1024 : Number.NaN,
    };
  });
}
