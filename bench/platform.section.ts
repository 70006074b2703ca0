// Figures of publications, file storage and the forms engine (issue 3): «Скачать всё», a single
// download beside the disk, autosave under 500 editors, the export of 40,000 ОО, a 1,500-row parse.
// Memory targets are absolute RSS of the server process; the embedded PGlite alone holds ~400–500 MB
// inside that process, so where a PostgreSQL server is reachable the memory figures are taken there too.
import { benchAutosave, benchCollectionExport } from './collections.bench.ts';
import { benchDownloadAll } from './download-all.bench.ts';
import { benchFormsParse } from './forms-parse.bench.ts';
import { createTempDatabase } from './lib/postgres.ts';
import { makeTempDataDir, removeTempDataDir, startServer } from './lib/server.ts';
import { fmt, formatTable } from './lib/table.ts';

export const PLATFORM_TARGETS = {
  autosaveP99Ms: 100,
  exportSeconds: 60,
  exportRssMb: 400,
  downloadAllRssMb: 200,
  singleDownloadOverDisk: 0.8,
  parseMs: 1000,
};

export interface Target {
  name: string;
  value: number;
  target: string;
  met: boolean | null;
}

async function downloadAllOn(engine: 'pglite' | 'postgres', log: (m: string) => void) {
  const db = engine === 'postgres' ? await createTempDatabase() : null;
  if (engine === 'postgres' && !db) return null;
  const dataDir = makeTempDataDir();
  const server = await startServer({ dataDir, jobWorkers: 0, ...(db ? { databaseUrl: db.url } : {}) });
  try {
    return await benchDownloadAll(server, { log });
  } finally {
    await server.stop();
    removeTempDataDir(dataDir);
    await db?.drop();
  }
}

export async function runPlatformBenches(log: (m: string) => void) {
  log('формы: разбор формы в 1 500 строк…');
  const parse = await benchFormsParse();

  log('«Скачать всё» 1 ГБ на PGlite…');
  const zipPglite = await downloadAllOn('pglite', log);
  log('«Скачать всё» 1 ГБ на PostgreSQL (если доступен)…');
  const zipPostgres = await downloadAllOn('postgres', log);

  log('автосохранение: 500 редакторов, PGlite…');
  const autosave = await benchAutosave({ editors: 500, durationMs: 10_000, intervalMs: 1_000, warmupMs: 3_000 });
  log('экспорт сбора: 40 000 ОО × 50 столбцов, PGlite…');
  const exportPglite = await benchCollectionExport({ orgs: 40_000, columns: 50, engine: 'pglite' });
  const pgProbe = await createTempDatabase();
  await pgProbe?.drop();
  let exportPostgres: Awaited<ReturnType<typeof benchCollectionExport>> | null = null;
  let autosavePostgres: Awaited<ReturnType<typeof benchAutosave>> | null = null;
  if (pgProbe) {
    log('то же на PostgreSQL…');
    autosavePostgres = await benchAutosave({
      editors: 500,
      durationMs: 10_000,
      intervalMs: 1_000,
      warmupMs: 3_000,
      engine: 'postgres',
    });
    exportPostgres = await benchCollectionExport({ orgs: 40_000, columns: 50, engine: 'postgres' });
  }

  const zipRows = [zipPglite, zipPostgres].flatMap((z, i) =>
    z
      ? [
          [
            `«Скачать всё» ${fmt(z.totalBytes / 2 ** 30, 2)} GB (${i ? 'PostgreSQL' : 'PGlite'})`,
            `${fmt(z.mbPerSec, 0)} MB/s`,
            fmt(z.serverRssIdleMb, 0),
            fmt(z.serverPeakRssMb, 0),
            fmt(z.serverRssGrowthMb, 1),
          ],
        ]
      : [],
  );
  const exportRows = [exportPglite, exportPostgres].flatMap((e) =>
    e
      ? [
          [
            `export ${e.orgs} ОО × ${e.columns} cols (${e.engine})`,
            `${fmt(e.seconds, 1)} s`,
            fmt(e.rssBeforeMb, 0),
            fmt(e.peakRssMb, 0),
            fmt(e.peakRssMb - e.rssBeforeMb, 1),
          ],
        ]
      : [],
  );
  const table =
    formatTable(
      ['Files and exports', 'speed / time', 'RSS idle MB', 'RSS peak MB', 'growth MB'],
      [...zipRows, ...exportRows],
    ) +
    '\n\n' +
    formatTable(
      ['Forms', 'p50 ms', 'p99 ms', 'req/s', 'errors'],
      [
        ...[autosave, autosavePostgres].flatMap((a) =>
          a
            ? [
                [
                  `autosave PUT, ${a.editors} editors (${a.engine})`,
                  fmt(a.p50Ms, 1),
                  fmt(a.p99Ms, 1),
                  fmt(a.perSecond, 0),
                  String(a.errors),
                ],
              ]
            : [],
        ),
        [
          `parse ${parse.rows}-row × ${parse.columns}-col XLSX (median of ${parse.runs})`,
          fmt(parse.medianMs, 0),
          '—',
          '—',
          '0',
        ],
      ],
    );

  const T = PLATFORM_TARGETS;
  const memZip = zipPostgres ?? zipPglite;
  const memExport = exportPostgres ?? exportPglite;
  const single = (zipPostgres ?? zipPglite)!.single;
  const targets: Target[] = [
    {
      name: 'autosave p99 ms, 500 editors (PGlite)',
      value: autosave.p99Ms,
      target: `< ${T.autosaveP99Ms}`,
      met: autosave.p99Ms < T.autosaveP99Ms && autosave.errors === 0,
    },
    {
      name: 'export 40k ОО × 50, s (PGlite)',
      value: exportPglite.seconds,
      target: `< ${T.exportSeconds}`,
      met: exportPglite.seconds < T.exportSeconds,
    },
    {
      name: `export peak RSS MB (${memExport.engine})`,
      value: memExport.peakRssMb,
      target: `< ${T.exportRssMb}`,
      met: memExport.peakRssMb < T.exportRssMb,
    },
    {
      name: `«Скачать всё» peak RSS MB (${zipPostgres ? 'postgres' : 'pglite'})`,
      value: memZip!.serverPeakRssMb,
      target: `< ${T.downloadAllRssMb}`,
      met: memZip!.serverPeakRssMb < T.downloadAllRssMb,
    },
    {
      name: 'single download ÷ disk read',
      value: single.httpOverDisk,
      target: `≥ ${T.singleDownloadOverDisk}`,
      met: single.httpOverDisk >= T.singleDownloadOverDisk,
    },
    {
      name: 'parse 1,500 rows, median ms',
      value: parse.medianMs,
      target: `< ${T.parseMs}`,
      met: parse.medianMs < T.parseMs,
    },
  ];
  return {
    table,
    targets,
    results: { parse, zipPglite, zipPostgres, autosave, autosavePostgres, exportPglite, exportPostgres },
  };
}
