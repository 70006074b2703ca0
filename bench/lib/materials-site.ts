// The country the materials benches run on: a throwaway PostgreSQL database seeded with the national
// registry (lib/national-registry.ts) before the built server starts on it, and a second connection
// of the bench's own to read what the server produced (which schools got materials, which blobs).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { openDatabase, type Database } from '../../apps/server/src/db/database.ts';
import type { DB } from '../../apps/server/src/db/schema.ts';
import { createSite, seedSite, startSiteServer, type BenchSite } from './collections-server.ts';
import {
  latestPasswordOpenDate,
  seedMaterialsCampaign,
  seedNationalRegistry,
  type CampaignFigures,
  type RegistryFigures,
  type RegistryOptions,
} from './national-registry.ts';
import type { RunningServer } from './server.ts';

export interface MaterialsSite {
  site: BenchSite;
  registry: RegistryFigures;
  campaign: CampaignFigures;
  /** the bench's own connection (PostgreSQL takes many; the server keeps its pool) */
  db: Kysely<DB>;
  server: RunningServer | null;
  start(): Promise<RunningServer>;
  /** Stops the server (if running); the database and DATA_DIR stay for the next start. */
  stopServer(): Promise<void>;
  /**
   * Ends the server at once (SIGKILL to the child this bench started): a graceful stop would wait
   * for the running job to finish the whole country first.
   */
  killServer(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * Seeds the country on PostgreSQL and opens the bench's connection; the server is started by `start`.
 * The test date is the latest day whose 07:30 has passed in every zone of the country, so the
 * password gate is open for all schools on the real clock (the server has no clock override).
 */
export async function createMaterialsSite(
  opts: RegistryOptions & { log?: (m: string) => void } = {},
): Promise<MaterialsSite> {
  const log = opts.log ?? (() => undefined);
  const site = await createSite('postgres');
  let database: Database;
  let registry: RegistryFigures;
  let campaign: CampaignFigures;
  try {
    ({ registry, campaign } = await seedSite(site, async (db) => {
      const registry = await seedNationalRegistry(db, opts);
      log(
        `реестр: ${registry.regions} регионов, ${registry.municipalities} МО (${registry.zoneOverrides} со своим ` +
          `поясом), ${registry.schools} ОО с учётными записями — ${registry.seconds.toFixed(1)} с`,
      );
      const testDate = latestPasswordOpenDate(registry.zones);
      const campaign = await seedMaterialsCampaign(db, { testDate, illustration: storeIllustration(site.dataDir) });
      log(
        `кампания: История 6, ${campaign.tasks} заданий, ${campaign.bankItems} в банке, план-график ` +
          `${campaign.scheduled} ОО на ${testDate} — ${campaign.seconds.toFixed(1)} с`,
      );
      return { registry, campaign };
    }));
    database = await openDatabase({ databaseUrl: site.databaseUrl });
  } catch (e) {
    await site.dispose();
    throw e;
  }
  const db = database.db;
  const result: MaterialsSite = {
    site,
    registry,
    campaign,
    db,
    server: null,
    async start() {
      if (result.server) throw new Error('сервер уже запущен');
      result.server = await startSiteServer(site);
      return result.server;
    },
    async stopServer() {
      const s = result.server;
      result.server = null;
      await s?.stop();
    },
    async killServer() {
      const s = result.server;
      if (!s) return;
      process.kill(s.pid, 'SIGKILL');
      await result.stopServer();
    },
    async dispose() {
      await result.stopServer();
      await database.close();
      await site.dispose();
    },
  };
  return result;
}

/**
 * The bench's task picture (bench/fixtures/illustration.jpg, 100 KB JPEG) written into the server's blob
 * folder under its hash, as the server's own storage lays blobs out (`blobs/aa/bb/<sha256>`).
 */
function storeIllustration(dataDir: string): { sha256: string; size: number } {
  const bytes = fs.readFileSync(new URL('../fixtures/illustration.jpg', import.meta.url));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const dir = path.join(dataDir, 'blobs', sha256.slice(0, 2), sha256.slice(2, 4));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, sha256), bytes);
  return { sha256, size: bytes.length };
}
