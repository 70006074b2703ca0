import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { StoredBlob } from './blob-storage.ts';

export class BlobsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Idempotent: the same bytes stored twice are one row. */
  async record(blob: StoredBlob, db: Kysely<DB> = this.db): Promise<void> {
    await db
      .insertInto('blobs')
      .values({ sha256: blob.sha256, size: blob.size })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  }
}
