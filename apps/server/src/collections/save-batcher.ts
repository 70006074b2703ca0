import type { EntrySave, SavedEntry } from './collections.repository.ts';

interface Pending {
  save: EntrySave;
  resolve: (saved: SavedEntry | null) => void;
  reject: (e: unknown) => void;
}

const keyOf = (s: { collectionId: string; orgId: string } | { collection_id: string; org_id: string }) =>
  'collectionId' in s ? `${s.collectionId}:${s.orgId}` : `${s.collection_id}:${s.org_id}`;

/**
 * Group commit for autosaves. A save arriving while none is being written goes to the database at
 * once; saves arriving meanwhile wait and are written together in the next statement. Under load
 * hundreds of editors then cost a few statements a second instead of hundreds, and no save waits
 * longer than one statement's time. Two saves of the same form never share a batch: the later one
 * goes into the next, where the version check decides between them as it would one by one.
 */
export class SaveBatcher {
  private queue: Pending[] = [];
  private writing = false;

  constructor(
    private readonly write: (batch: EntrySave[]) => Promise<SavedEntry[]>,
    private readonly maxBatch = 200,
  ) {}

  /** The row written, or null when refused (closed, or another version stored). */
  save(save: EntrySave): Promise<SavedEntry | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ save, resolve, reject });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.queue.length > 0) await this.flush(this.takeBatch());
    } finally {
      this.writing = false;
    }
  }

  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    const keys = new Set<string>();
    const rest: Pending[] = [];
    for (const p of this.queue) {
      const key = keyOf(p.save);
      if (batch.length < this.maxBatch && !keys.has(key)) {
        keys.add(key);
        batch.push(p);
      } else rest.push(p);
    }
    this.queue = rest;
    return batch;
  }

  private async flush(batch: Pending[]): Promise<void> {
    try {
      const written = new Map((await this.write(batch.map((p) => p.save))).map((r) => [keyOf(r), r]));
      for (const p of batch) p.resolve(written.get(keyOf(p.save)) ?? null);
    } catch (e) {
      if (batch.length === 1) {
        batch[0]!.reject(e);
        return;
      }
      // one bad row must not fail its neighbours: write them one by one
      for (const p of batch) await this.flush([p]);
    }
  }
}
