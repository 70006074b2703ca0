import { describe, expect, it } from 'vitest';
import type { EntrySave, SavedEntry } from './collections.repository.ts';
import { SaveBatcher } from './save-batcher.ts';

const save = (orgId: string, version = 1): EntrySave => ({
  collectionId: 'c',
  orgId,
  userId: 'u',
  data: '{}',
  version,
  now: new Date('2026-11-20T06:00:00Z'),
});

/** A database stand-in: records each batch, answers when released, writes every row. */
function fakeDb(refuse: (s: EntrySave) => boolean = () => false) {
  const batches: string[][] = [];
  const releases: (() => void)[] = [];
  const write = async (batch: EntrySave[]): Promise<SavedEntry[]> => {
    batches.push(batch.map((s) => `${s.orgId}@${s.version}`));
    await new Promise<void>((r) => releases.push(r));
    if (batch.some((s) => s.orgId === 'bad')) throw new Error('строка не записалась');
    return batch
      .filter((s) => !refuse(s))
      .map((s) => ({ collection_id: s.collectionId, org_id: s.orgId, version: s.version + 1, updated_at: s.now }));
  };
  const releaseAll = async () => {
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setImmediate(r));
      while (releases.length) releases.shift()!();
    }
  };
  return { write, batches, releaseAll };
}

describe('autosave group commit', () => {
  it('writes a lone save at once and groups the saves that arrive meanwhile, one per form', async () => {
    const db = fakeDb((s) => s.orgId === 'b' && s.version === 1);
    const q = new SaveBatcher(db.write);
    const first = q.save(save('a'));
    const rest = [q.save(save('b')), q.save(save('c')), q.save(save('b', 2))];
    await db.releaseAll();
    const results = await Promise.all([first, ...rest]);
    expect(db.batches).toEqual([['a@1'], ['b@1', 'c@1'], ['b@2']]);
    expect(results.map((r) => r?.version ?? null)).toEqual([2, null, 2, 3]);
  });

  it('keeps batches within the limit', async () => {
    const db = fakeDb();
    const q = new SaveBatcher(db.write, 2);
    const all = ['a', 'b', 'c', 'd', 'e'].map((o) => q.save(save(o)));
    await db.releaseAll();
    await Promise.all(all);
    expect(db.batches.map((b) => b.length)).toEqual([1, 2, 2]);
  });

  it('a failing row fails alone: its neighbours are written one by one', async () => {
    const db = fakeDb();
    const q = new SaveBatcher(db.write);
    const first = q.save(save('a'));
    const good = q.save(save('g'));
    const bad = q.save(save('bad'));
    const done = Promise.allSettled([first, good, bad]);
    await db.releaseAll();
    const [a, g, b] = await done;
    expect([a.status, g.status, b.status]).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect(db.batches).toEqual([['a@1'], ['g@1', 'bad@1'], ['g@1'], ['bad@1']]);
  });
});
