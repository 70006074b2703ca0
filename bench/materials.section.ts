// Figures of ВПР materials (issue 4) on a synthetic country of 40,000 ОО in PostgreSQL: generating one
// subject's archives for every ОО, the archive password at 07:30 under 1,000 sessions, and an archive
// download beside the disk. Returns {table, targets, results} as platform.section.ts does.
// Standalone: `node scripts/build.mjs --server-only && npx tsx bench/materials.section.ts`.
import { performance } from 'node:perf_hooks';
import { benchMaterialsDownload, type DownloadFigures } from './materials-download.bench.ts';
import { benchGeneration, type GenerationFigures } from './materials-generation.bench.ts';
import { benchPassword, type PasswordFigures } from './materials-password.bench.ts';
import { fillMaterials, type FillFigures } from './lib/materials-fill.ts';
import { createMaterialsSite, type MaterialsSite } from './lib/materials-site.ts';
import type { RegistryFigures, CampaignFigures } from './lib/national-registry.ts';
import { createTempDatabase } from './lib/postgres.ts';
import { fmt, formatTable } from './lib/table.ts';
import { isMain, runStandalone } from './lib/standalone.ts';
import type { Target } from './platform.section.ts';

export const MATERIALS_SETTINGS = {
  schools: 40_000,
  /** the timed prefix of the generation: whichever comes first */
  generation: { prefixOrgs: 2_000, maxSeconds: 120 },
  password: { sessions: 1_000, durationMs: 10_000, warmupMs: 3_000, rampMs: 2_000, openLoopRate: 2_000 },
  download: { archiveRuns: 50, bigBlobMb: 50, bigBlobRuns: 5 },
};

export const MATERIALS_TARGETS = {
  archivesPerSecond: 10,
  passwordPerSecond: 2_000,
  passwordP99Ms: 100,
  downloadOverDisk: 0.8,
};

export interface MaterialsResults {
  registry: RegistryFigures;
  campaign: CampaignFigures;
  generation: GenerationFigures;
  /** how the 1,000 ОО of the password bench got their materials */
  fill: FillFigures;
  password: PasswordFigures;
  download: DownloadFigures;
  /** the whole section, seeding included */
  seconds: number;
}

const minutes = (s: number) => (s >= 90 ? `${fmt(s / 60, 0)} min` : `${fmt(s, 0)} s`);

function tableOf(r: MaterialsResults): string {
  const g = r.generation;
  const genLabel = g.complete
    ? `generate ${g.scheduled} ОО × История 6 (whole job)`
    : `generate История 6: first ${g.generated} of ${g.scheduled} ОО timed, country extrapolated`;
  const p = r.password;
  const row = (name: string, s: PasswordFigures['password']) => [
    name,
    fmt(s.perSecond, 0),
    fmt(s.p50Ms, 1),
    fmt(s.p99Ms, 1),
    fmt(s.maxMs, 0),
    String(s.ok),
    String(s.errors),
    String(s.concurrency),
  ];
  const dl = (name: string, t: DownloadFigures['archive']) => [
    name,
    fmt(t.httpMbPerSec, 0),
    fmt(t.diskMbPerSec, 0),
    fmt(t.httpOverDisk, 2),
    fmt(t.httpMs, 1),
  ];
  return [
    formatTable(
      ['Seeding (PostgreSQL, SQL)', 'rows', 'seconds'],
      [
        [
          `registry: ${r.registry.regions} regions, ${r.registry.municipalities} municipalities ` +
            `(${r.registry.zoneOverrides} own zone), schools + accounts`,
          String(r.registry.schools),
          fmt(r.registry.seconds, 1),
        ],
        [
          `campaign, ${r.campaign.tasks} tasks, ${r.campaign.bankItems} bank items, schedule on ${r.campaign.testDate}`,
          String(r.campaign.scheduled),
          fmt(r.campaign.seconds, 1),
        ],
      ],
    ),
    formatTable(
      ['Materials generation', 'archives/s', 'timed s', 'country time', 'RSS before MB', 'RSS peak MB', 'archive KB'],
      [
        [
          genLabel,
          fmt(g.archivesPerSecond, 1),
          fmt(g.seconds, 0),
          minutes(g.countrySeconds),
          fmt(g.rssBeforeMb, 0),
          fmt(g.peakRssMb, 0),
          fmt(g.archiveKb, 0),
        ],
      ],
    ),
    formatTable(
      ['Archive password at 07:30', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'ok', 'errors', 'conc.'],
      [
        row(
          `GET /api/vpr/materials/:id/password, ${p.sessions} ОО sessions` +
            (r.fill.filled ? ` (${r.fill.filled} with SQL-copied materials)` : ''),
          p.password,
        ),
        row('GET /api/me, no cookie — bare route, same closed loop', p.bare),
        row(`password, open loop: the same sessions offering ${fmt(p.pacedRate, 0)} req/s`, p.paced),
      ],
    ),
    formatTable(
      ['Archive download', 'HTTP MB/s', 'disk MB/s', 'HTTP ÷ disk', 'ms / download'],
      [
        dl(
          `own archive ${fmt(r.download.archive.fileMb * 1024, 0)} KB, ×${r.download.archive.runs}`,
          r.download.archive,
        ),
        dl(`blob ${fmt(r.download.bigBlob.fileMb, 0)} MB for schools, ×${r.download.bigBlob.runs}`, r.download.bigBlob),
      ],
    ),
  ].join('\n\n');
}

function targetsOf(r: MaterialsResults): Target[] {
  const T = MATERIALS_TARGETS;
  const g = r.generation;
  const p = r.password.password;
  const paced = r.password.paced;
  return [
    {
      name: `materials archives/s${g.complete ? '' : ` (first ${g.generated} ОО)`}`,
      value: g.archivesPerSecond,
      target: `≥ ${T.archivesPerSecond}`,
      met: g.archivesPerSecond >= T.archivesPerSecond,
    },
    { name: 'materials generation peak RSS MB (postgres)', value: g.peakRssMb, target: '(report)', met: null },
    {
      name: `password req/s, ${r.password.sessions} sessions`,
      value: p.perSecond,
      target: `≥ ${T.passwordPerSecond}`,
      met: p.perSecond >= T.passwordPerSecond && p.errors === 0,
    },
    {
      name: `password p99 ms, open loop at ${fmt(r.password.pacedRate, 0)} req/s`,
      value: paced.p99Ms,
      target: `< ${T.passwordP99Ms}`,
      // the server must also have kept up with the offered rate
      met: paced.p99Ms < T.passwordP99Ms && paced.errors === 0 && paced.perSecond >= 0.95 * r.password.pacedRate,
    },
    {
      name: `password p99 ms, closed loop of ${r.password.sessions} (≥ ${r.password.sessions} ÷ req/s by Little's law)`,
      value: p.p99Ms,
      target: '(report)',
      met: null,
    },
    {
      name: 'archive download ÷ disk read',
      value: r.download.archive.httpOverDisk,
      target: `≥ ${T.downloadOverDisk}`,
      met: r.download.archive.httpOverDisk >= T.downloadOverDisk,
    },
    {
      name: `${fmt(r.download.bigBlob.fileMb, 0)} MB blob download ÷ disk read`,
      value: r.download.bigBlob.httpOverDisk,
      target: `≥ ${T.downloadOverDisk}`,
      met: r.download.bigBlob.httpOverDisk >= T.downloadOverDisk,
    },
  ];
}

export async function runMaterialsBenches(
  log: (m: string) => void,
  settings: typeof MATERIALS_SETTINGS = MATERIALS_SETTINGS,
): Promise<{ table: string; targets: Target[]; results: MaterialsResults | null }> {
  const probe = await createTempDatabase();
  await probe?.drop();
  if (!probe) {
    const table = 'ВПР-материалы: PostgreSQL недоступен (BENCH_POSTGRES_URL), замеры пропущены';
    return { table, targets: [], results: null };
  }

  const started = performance.now();
  log(`материалы: страна из ${settings.schools} ОО в PostgreSQL…`);
  const site: MaterialsSite = await createMaterialsSite({ schools: settings.schools, log: (m) => log(`  ${m}`) });
  try {
    const server = await site.start();
    log(`материалы: генерация (первые ${settings.generation.prefixOrgs} ОО или ${settings.generation.maxSeconds} с)…`);
    const generation = await benchGeneration(site, { ...settings.generation, log });
    if (site.server !== server) log('  задание генерации остановлено, сервер будет запущен заново');
    let fill: FillFigures = { generated: generation.generatedTotal, filled: 0 };
    if (generation.generatedTotal < settings.password.sessions) {
      await site.stopServer();
      fill = await fillMaterials(site, settings.password.sessions);
      log(`  материалы ещё ${fill.filled} ОО записаны SQL-копиями (пароль у каждой свой)`);
    }
    log(`материалы: шифр в 07:30, ${settings.password.sessions} сеансов ОО…`);
    const password = await benchPassword(site, { ...settings.password, log });
    log('материалы: скачивание архива против чтения с диска…');
    const download = await benchMaterialsDownload(site, { ...settings.download, log });
    const results: MaterialsResults = {
      registry: site.registry,
      campaign: site.campaign,
      generation,
      fill,
      password,
      download,
      seconds: (performance.now() - started) / 1000,
    };
    return { table: tableOf(results), targets: targetsOf(results), results };
  } catch (e) {
    const tail = site.server?.output().slice(-3_000);
    if (tail) log(`вывод сервера:\n${tail}`);
    throw e;
  } finally {
    await site.dispose();
  }
}

if (isMain(import.meta.url)) {
  // BENCH_SCHOOLS / BENCH_GENERATION_SECONDS shrink the run for a quick look
  const env = (name: string) => (process.env[name] ? Number(process.env[name]) : null);
  const settings: typeof MATERIALS_SETTINGS = {
    ...MATERIALS_SETTINGS,
    schools: env('BENCH_SCHOOLS') ?? MATERIALS_SETTINGS.schools,
    generation: {
      ...MATERIALS_SETTINGS.generation,
      maxSeconds: env('BENCH_GENERATION_SECONDS') ?? MATERIALS_SETTINGS.generation.maxSeconds,
    },
  };
  runStandalone((log) => runMaterialsBenches(log, settings));
}
