import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import type { BlobStorage } from '../storage/blob-storage.ts';
import { seedDemoCampaign } from './seed-campaign.ts';
import { seedDemoCollections } from './seed-collections.ts';
import { seedDemoPublications } from './seed-publications.ts';
import { seedDemoRegistration } from './seed-registration.ts';
import { seedDemoResults } from './seed-results.ts';

export interface DemoContext {
  db: Kysely<DB>;
  blobs: BlobStorage;
  clock: Clock;
}

/**
 * The demo country's publications, files, open collections, registration flows and the ВПР campaign
 * with its materials (dates relative to today) and the results of the subjects already written.
 */
export async function seedDemoPlatform(ctx: DemoContext): Promise<void> {
  await seedDemoPublications(ctx);
  await seedDemoCollections(ctx);
  await seedDemoRegistration(ctx);
  await seedDemoCampaign(ctx);
  await seedDemoResults(ctx);
}
