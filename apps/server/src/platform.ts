import type { Kysely } from 'kysely';
import type { AccessService } from './access/access.service.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';
import type { JobRunner } from './jobs/job-runner.ts';
import type { NotificationsService } from './notifications/notifications.service.ts';
import type { BlobStorage } from './storage/blob-storage.ts';
import type { BlobsRepository } from './storage/blobs.repository.ts';

/** What every feature module receives from app.ts: the shared services of the platform. */
export interface PlatformDeps {
  config: Config;
  db: Kysely<DB>;
  clock: Clock;
  access: AccessService;
  jobs: JobRunner;
  notifications: NotificationsService;
  blobs: BlobStorage;
  blobsRepo: BlobsRepository;
}
