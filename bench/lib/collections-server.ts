// Where a collection bench runs: the embedded PGlite of a temporary DATA_DIR (what `npm run bench`
// measures everywhere), or a throwaway database on the machine's PostgreSQL, the engine production uses.
// Either way the data is seeded first with SQL, then the built server is started on it.
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { prepareDatabase } from '../../apps/server/src/bootstrap.ts';
import { systemClock } from '../../apps/server/src/clock.ts';
import { openDatabase } from '../../apps/server/src/db/database.ts';
import type { DB } from '../../apps/server/src/db/schema.ts';
import { LocalDiskStorage } from '../../apps/server/src/storage/local-disk-storage.ts';
import { createTempDatabase } from './postgres.ts';
import { makeTempDataDir, removeTempDataDir, startServer, type RunningServer } from './server.ts';

export type Engine = 'pglite' | 'postgres';

export interface BenchSite {
  engine: Engine;
  dataDir: string;
  databaseUrl: string | undefined;
  dispose(): Promise<void>;
}

/** A DATA_DIR and, for PostgreSQL, a database of its own (dropped by dispose). */
export async function createSite(engine: Engine): Promise<BenchSite> {
  const dataDir = makeTempDataDir();
  if (engine === 'pglite') {
    return { engine, dataDir, databaseUrl: undefined, dispose: async () => removeTempDataDir(dataDir) };
  }
  const temp = await createTempDatabase();
  if (!temp) {
    removeTempDataDir(dataDir);
    throw new Error('PostgreSQL недоступен (BENCH_POSTGRES_URL)');
  }
  return {
    engine,
    dataDir,
    databaseUrl: temp.url,
    async dispose() {
      removeTempDataDir(dataDir);
      await temp.drop();
    },
  };
}

/** The engines this machine offers: PGlite always, PostgreSQL when a server answers. */
export async function availableEngines(): Promise<Engine[]> {
  const probe = await createTempDatabase();
  if (!probe) return ['pglite'];
  await probe.drop();
  return ['pglite', 'postgres'];
}

/**
 * Opens the site's database as a first start would leave it (demo country included, its background jobs
 * dropped), runs `fn`, closes it.
 */
export async function seedSite<T>(site: BenchSite, fn: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: site.databaseUrl, dataDir: site.dataDir });
  try {
    await prepareDatabase(database.db, {
      demo: true,
      log: () => undefined,
      blobs: new LocalDiskStorage(`${site.dataDir}/blobs`),
      clock: systemClock,
    });
    // the demo campaign queues its archive generation at first start: a minute of CPU and database work
    // that would run under whatever a bench measures, so its jobs are taken off the queue
    await database.db
      .updateTable('jobs')
      .set({ status: 'failed', error: 'снято замером', locked_until: null, finished_at: new Date() })
      .where('status', 'in', ['queued', 'running'])
      .execute();
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

export const startSiteServer = (site: BenchSite): Promise<RunningServer> =>
  startServer({ dataDir: site.dataDir, databaseUrl: site.databaseUrl });

/** Resident memory of a process, MB. */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}
