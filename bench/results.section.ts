// Figures of ВПР results (issue 5) on synthetic national data in PostgreSQL: 40,000 ОО, ~1.7 million
// participants of Математика 4. A 30-row form upload end to end, 1,000 ОО uploading at once (and at a fixed
// rate), «Статистика по отметкам» over every level, a region's «Индивидуальные результаты» export, and bulk
// ingestion through the accept path beside COPY. Returns {table, targets, results} as the other sections do.
// Standalone: `node scripts/build.mjs --server-only && npx tsx bench/results.section.ts`.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase } from '../apps/server/src/db/database.ts';
import { DEMO_ADMIN_LOGIN } from '../apps/server/src/demo/demo-passwords.ts';
import { createSite, seedSite } from './lib/collections-server.ts';
import { seedNationalRegistry, type RegistryFigures } from './lib/national-registry.ts';
import { createTempDatabase } from './lib/postgres.ts';
import { startServer, type RunningServer } from './lib/server.ts';
import { fmt, formatTable } from './lib/table.ts';
import { isMain, runStandalone } from './lib/standalone.ts';
import type { Target } from './platform.section.ts';
import { benchIndividualExport, benchMarks, type ExportFigures, type MarksFigures } from './results-analytics.bench.ts';
import {
  addRegionCoordinator,
  checkSummaries,
  fillMissing,
  generateResults,
  issueCodes,
  issueSessions,
  MAX_SCORE,
  planCountry,
  seedResultsCampaign,
  TASK_MAX,
  type GenerationFigures,
} from './results-data.ts';
import { benchIngest, type IngestFigures } from './results-ingest.bench.ts';
import { benchUploads, type LatencyStats, type UploadFigures } from './results-upload.bench.ts';

export const RESULTS_SETTINGS = {
  schools: 40_000,
  /** pupils of the subject in the country, absent included (~3 % absent: ~1.7 million participants) */
  totalRows: 1_750_000,
  exportRegionRows: 100_000,
  formRows: 30,
  /** forms filled with exceljs and handed out in turn (results-upload.bench.ts says why) */
  distinctForms: 50,
  sequential: { warmup: 5, runs: 60 },
  burst: 1_000,
  openLoop: { maxUploads: 1_000, ratePerSec: 50, maxSeconds: 30 },
  marks: { coldStarts: 3, warmRuns: 20 },
  /** a slice of the country: the accept path runs twice over it */
  ingest: { rows: 170_000, parallel: 4 },
  generation: { parallel: 2, chunkOrgs: 1_000 },
};

export const RESULTS_TARGETS = {
  uploadP50Ms: 150,
  burstP99Ms: 1_000,
  marksMs: 1_000,
  exportSeconds: 20,
  exportRssMb: 400,
};

export interface ResultsResults {
  registry: RegistryFigures;
  generation: GenerationFigures;
  summariesChecked: number;
  exportRegion: string;
  uploads: UploadFigures;
  /** ОО × subject with a summary after the uploads */
  orgsWithResults: number;
  marks: MarksFigures;
  export: ExportFigures;
  ingest: IngestFigures;
  seconds: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? Number.NaN;

const latencyRow = (name: string, s: LatencyStats) => [
  name,
  fmt(s.p50Ms, 0),
  fmt(s.p95Ms, 0),
  fmt(s.p99Ms, 0),
  fmt(s.maxMs, 0),
  String(s.errors),
  fmt(s.wallMs / 1000, 1),
  fmt(s.perSecond, 1),
];

function tableOf(r: ResultsResults): string {
  const g = r.generation;
  const u = r.uploads;
  const m = r.marks;
  const e = r.export;
  const i = r.ingest;
  const pct = (n: number) => fmt((100 * n) / g.participants, 1);
  return [
    formatTable(
      ['Seeding (PostgreSQL, set-based SQL)', 'rows', 'seconds'],
      [
        [
          `registry: ${r.registry.regions} regions, ${r.registry.municipalities} municipalities, ОО + accounts`,
          String(r.registry.schools),
          fmt(r.registry.seconds, 1),
        ],
        [
          `results Математика 4 (${TASK_MAX.length} tasks, max ${MAX_SCORE}): ${g.orgs} ОО, ${g.participants} ` +
            `participants + ${g.absent} absent`,
          String(g.rows),
          fmt(g.resultsSeconds, 1),
        ],
        [
          `results_summary by GROUP BY; ${r.summariesChecked} ОО = summarize(); marks 2/3/4/5 ` +
            `${pct(g.marks[0])}/${pct(g.marks[1])}/${pct(g.marks[2])}/${pct(g.marks[3])} %`,
          String(g.orgs),
          fmt(g.summarySeconds, 1),
        ],
        [`VACUUM ANALYZE (results ${fmt(g.tableMb, 0)} MB with index)`, '—', fmt(g.vacuumSeconds, 1)],
      ],
    ),
    formatTable(
      [
        'Results upload (HTTP, XLSX from the blank)',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'errors',
        'wall s',
        'per s',
      ],
      [
        latencyRow(
          `${u.formRows}-row form (${fmt(u.formKb, 0)} KB), ${u.sequential.count} ОО one after another`,
          u.sequential,
        ),
        latencyRow(`BURST: ${u.burst.count} ОО fired at once (connections open)`, u.burst),
        latencyRow(
          `open loop: ${u.openLoop.count} other ОО arriving at ${u.openLoop.ratePerSec}/s (${u.openLoop.why})`,
          u.openLoop,
        ),
      ],
    ),
    formatTable(
      [
        `«Статистика по отметкам», federal, detail=orgs, ${r.orgsWithResults} ОО`,
        'ms',
        'level rows',
        'participants',
        'KB',
      ],
      [
        [
          `cold: first request of a fresh server (${m.coldMs.map((x) => fmt(x, 0)).join(', ')}), median`,
          fmt(m.coldMedianMs, 0),
          String(m.levelRows),
          String(m.participants),
          fmt(m.responseKb, 0),
        ],
        [
          `level SQL alone (4 queries together, bench connection): ${m.sqlMs.map((x) => fmt(x, 0)).join(', ')}, median`,
          fmt(median(m.sqlMs), 0),
          '—',
          '—',
          '—',
        ],
        [
          `warm: aggregates cached (30 s TTL), median of ${m.warmRuns} (max ${fmt(m.warmMaxMs, 0)})`,
          fmt(m.warmMedianMs, 1),
          String(m.levelRows),
          String(m.participants),
          fmt(m.responseKb, 0),
        ],
      ],
    ),
    formatTable(
      ['«Индивидуальные результаты» export', 'seconds', 'rows', 'file MB', 'RSS before MB', 'RSS peak MB', 'VmHWM MB'],
      [
        [
          `region ${e.region} (${e.orgs} ОО), as its coordinator, job + polling`,
          fmt(e.seconds, 1),
          String(e.rows),
          fmt(e.fileMb, 1),
          fmt(e.rssBeforeMb, 0),
          fmt(e.peakRssMb, 0),
          fmt(e.hwmMb, 0),
        ],
      ],
    ),
    formatTable(
      ['Bulk ingestion (same rows)', 'rows', 'seconds', 'rows/s'],
      [
        [
          `accept path, ${i.orgs} ОО one transaction each, 1 connection`,
          String(i.rows),
          fmt(i.acceptSeconds, 1),
          fmt(i.acceptRowsPerSecond, 0),
        ],
        [
          `accept path, ${i.parallel} connections`,
          String(i.rows),
          fmt(i.acceptParallelSeconds, 1),
          fmt(i.acceptParallelRowsPerSecond, 0),
        ],
        [
          `COPY results + results_summary FROM STDIN (psql, 1 transaction)`,
          String(i.rows),
          fmt(i.copySeconds, 1),
          fmt(i.copyRowsPerSecond, 0),
        ],
      ],
    ),
  ].join('\n\n');
}

function targetsOf(r: ResultsResults): Target[] {
  const T = RESULTS_TARGETS;
  const u = r.uploads;
  return [
    {
      name: `results upload p50 ms, ${u.formRows} rows`,
      value: u.sequential.p50Ms,
      target: `< ${T.uploadP50Ms}`,
      met: u.sequential.p50Ms < T.uploadP50Ms && u.sequential.errors === 0,
    },
    {
      name: `results upload p99 ms, burst of ${u.burst.count} ОО (errors ${u.burst.errors})`,
      value: u.burst.p99Ms,
      target: `< ${T.burstP99Ms}, 0 errors`,
      met: u.burst.p99Ms < T.burstP99Ms && u.burst.errors === 0,
    },
    {
      name: `results upload p99 ms, open loop ${u.openLoop.ratePerSec}/s (errors ${u.openLoop.errors})`,
      value: u.openLoop.p99Ms,
      target: '(report)',
      met: null,
    },
    {
      name: 'marks detail=orgs, cold ms (fresh server)',
      value: r.marks.coldMedianMs,
      target: `< ${T.marksMs}`,
      met: r.marks.coldMedianMs < T.marksMs,
    },
    {
      name: 'marks detail=orgs, warm ms (cached)',
      value: r.marks.warmMedianMs,
      target: `< ${T.marksMs}`,
      met: r.marks.warmMedianMs < T.marksMs,
    },
    {
      name: `individual export ${r.export.rows} rows, s`,
      value: r.export.seconds,
      target: `< ${T.exportSeconds}`,
      met: r.export.seconds < T.exportSeconds,
    },
    {
      name: 'individual export peak RSS MB (VmHWM)',
      value: r.export.hwmMb,
      target: `< ${T.exportRssMb}`,
      met: r.export.hwmMb < T.exportRssMb,
    },
    {
      name: 'COPY rows/s ÷ accept-path rows/s (1 connection each)',
      value: r.ingest.copyOverAccept,
      target: '(report)',
      met: null,
    },
  ];
}

export async function runResultsBenches(
  log: (m: string) => void,
  settings: typeof RESULTS_SETTINGS = RESULTS_SETTINGS,
): Promise<{ table: string; targets: Target[]; results: ResultsResults | null }> {
  const probe = await createTempDatabase();
  await probe?.drop();
  if (!probe) {
    const table = 'Результаты ВПР: PostgreSQL недоступен (BENCH_POSTGRES_URL), замеры пропущены';
    return { table, targets: [], results: null };
  }
  const started = performance.now();
  const S = settings;
  const uploadersNeeded = S.sequential.warmup + S.sequential.runs + S.burst + S.openLoop.maxUploads;
  log(`результаты: страна из ${S.schools} ОО, ${S.totalRows.toLocaleString('ru-RU')} строк результатов в PostgreSQL…`);
  const site = await createSite('postgres');
  const sub = (m: string) => log(`  ${m}`);
  let current: RunningServer | null = null;
  try {
    const seeded = await seedSite(site, async (db) => {
      const registry = await seedNationalRegistry(db, { schools: S.schools });
      sub(
        `реестр: ${registry.regions} регионов, ${registry.municipalities} МО, ${registry.schools} ОО — ` +
          `${registry.seconds.toFixed(1)} с`,
      );
      const campaign = await seedResultsCampaign(db);
      const plan = await planCountry(db, {
        totalRows: S.totalRows,
        exportRegionRows: S.exportRegionRows,
        uploaders: uploadersNeeded,
        uploadRows: S.formRows,
      });
      await issueCodes(
        db,
        campaign.campaignId,
        plan.uploaders.map((u) => u.orgId),
        S.formRows + 5,
      );
      const coordinator = await addRegionCoordinator(db, plan.exportRegion);
      sub(
        `кампания: Математика 4 на ${campaign.testDate}, ${campaign.scheduled} ОО в план-графике; ` +
          `${plan.uploaders.length} ОО оставлены для загрузок; регион выгрузки ${plan.exportRegion} ` +
          `(${plan.exportRegionOrgs} ОО), его координатор ${coordinator}`,
      );
      const generation = await generateResults(db, campaign.subjectId, plan, { ...S.generation, log: sub });
      sub(
        `результаты: ${generation.rows.toLocaleString('ru-RU')} строк за ${generation.resultsSeconds.toFixed(0)} с, ` +
          `сводки ${generation.summarySeconds.toFixed(0)} с, VACUUM ANALYZE ${generation.vacuumSeconds.toFixed(0)} с`,
      );
      const step = Math.max(1, Math.floor(plan.generated.length / 25));
      const sample = plan.generated.filter((_, k) => k % step === 0).map((g) => g.orgId);
      const summariesChecked = await checkSummaries(db, campaign.subjectId, sample);
      sub(`сводки ${summariesChecked} ОО совпали с summarize() сервера`);
      return { registry, campaign, plan, coordinator, generation, summariesChecked };
    });
    const { campaign, plan } = seeded;

    const withServer = async <T>(jobWorkers: number, fn: (s: RunningServer) => Promise<T>): Promise<T> => {
      const server = await startServer({ dataDir: site.dataDir, databaseUrl: site.databaseUrl, jobWorkers });
      current = server;
      try {
        return await fn(server);
      } finally {
        await server.stop(); // `current` stays: its output is printed if the section fails
      }
    };

    const database = await openDatabase({ databaseUrl: site.databaseUrl });
    try {
      const db = database.db;
      const sessions = await issueSessions(
        db,
        plan.uploaders.map((u) => u.login),
      );
      log(
        `результаты: загрузки форм (${S.sequential.runs} подряд, залп ${S.burst}, открытая петля до ` +
          `${S.openLoop.maxUploads} по ${S.openLoop.ratePerSec}/с)…`,
      );
      const uploads = await withServer(0, (s) =>
        benchUploads(s.port, {
          subjectId: campaign.subjectId,
          sessions,
          formRows: S.formRows,
          distinctForms: S.distinctForms,
          sequential: S.sequential,
          burst: S.burst,
          openLoop: S.openLoop,
          log,
        }),
      );
      const filled = await fillMissing(
        db,
        campaign.subjectId,
        plan.uploaders.map((u) => u.orgId),
        S.formRows,
      );
      if (filled) sub(`${filled} ОО, до которых открытая петля не дошла, получили результаты SQL`);
      const counted = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM results_summary WHERE subject_id = ${campaign.subjectId}::uuid`.execute(db);
      const orgsWithResults = counted.rows[0]!.n;
      sub(`после загрузок результаты есть у ${orgsWithResults} ОО`);

      log(`результаты: «Статистика по отметкам» detail=orgs, ${S.marks.coldStarts} свежих запуска сервера…`);
      const marks = await benchMarks(withServer, db, {
        campaignId: campaign.campaignId,
        subjectId: campaign.subjectId,
        shape: { taskCount: TASK_MAX.length, maxScore: MAX_SCORE },
        ...S.marks,
        log,
      });

      log(`результаты: «Индивидуальные результаты» региона ${plan.exportRegion}…`);
      const exported = await benchIndividualExport(withServer, db, {
        campaignId: campaign.campaignId,
        subjectId: campaign.subjectId,
        region: plan.exportRegion,
        coordinatorLogin: seeded.coordinator,
        log,
      });

      log(`результаты: массовая загрузка ${S.ingest.rows.toLocaleString('ru-RU')} строк — accept против COPY…`);
      const admin = await db
        .selectFrom('users')
        .select('id')
        .where('login', '=', DEMO_ADMIN_LOGIN)
        .executeTakeFirstOrThrow();
      const ingest = await benchIngest(db, {
        databaseUrl: site.databaseUrl!,
        orgs: plan.generated.map((g) => ({ orgId: g.orgId, pupils: g.pupils })),
        sourceSubjectId: campaign.subjectId,
        acceptSubjectId: campaign.ingest.accept,
        parallelSubjectId: campaign.ingest.parallel,
        copySubjectId: campaign.ingest.copy,
        rows: S.ingest.rows,
        parallel: S.ingest.parallel,
        userId: admin.id,
        log,
      });

      const results: ResultsResults = {
        registry: seeded.registry,
        generation: seeded.generation,
        summariesChecked: seeded.summariesChecked,
        exportRegion: plan.exportRegion,
        uploads,
        orgsWithResults,
        marks,
        export: exported,
        ingest,
        seconds: (performance.now() - started) / 1000,
      };
      return { table: tableOf(results), targets: targetsOf(results), results };
    } finally {
      await database.close();
    }
  } catch (e) {
    const tail = (current as RunningServer | null)?.output().slice(-3_000);
    if (tail) log(`вывод сервера:\n${tail}`);
    throw e;
  } finally {
    await site.dispose();
  }
}

if (isMain(import.meta.url)) {
  // BENCH_SCHOOLS / BENCH_RESULTS_ROWS / BENCH_UPLOADS / BENCH_INGEST_ROWS shrink the run for a quick look
  const env = (name: string) => (process.env[name] ? Number(process.env[name]) : null);
  const schools = env('BENCH_SCHOOLS') ?? RESULTS_SETTINGS.schools;
  const scale = schools / RESULTS_SETTINGS.schools;
  const settings: typeof RESULTS_SETTINGS = {
    ...RESULTS_SETTINGS,
    schools,
    totalRows: env('BENCH_RESULTS_ROWS') ?? Math.round(RESULTS_SETTINGS.totalRows * scale),
    exportRegionRows: Math.round(RESULTS_SETTINGS.exportRegionRows * scale),
    burst: env('BENCH_UPLOADS') ?? RESULTS_SETTINGS.burst,
    openLoop: {
      ...RESULTS_SETTINGS.openLoop,
      maxUploads: env('BENCH_UPLOADS') ?? RESULTS_SETTINGS.openLoop.maxUploads,
    },
    ingest: { ...RESULTS_SETTINGS.ingest, rows: env('BENCH_INGEST_ROWS') ?? RESULTS_SETTINGS.ingest.rows },
  };
  runStandalone((log) => runResultsBenches(log, settings));
}
