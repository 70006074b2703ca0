import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const status = async (id: string) =>
  (await h.db.selectFrom('jobs').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

async function until(check: () => Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('не дождались');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the job runner', () => {
  it('runs a short job while a long one is still going, and stops after the running job ends', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    h.services.jobs.register('test.long', async () => {
      await held;
      return { long: true };
    });
    h.services.jobs.register('test.short', async () => ({ short: true }));
    h.services.jobs.start();
    const long = await h.services.jobs.enqueue('test.long', {}, null);
    await until(async () => (await status(long.id)) === 'running');
    const short = await h.services.jobs.enqueue('test.short', {}, null);
    await until(async () => (await status(short.id)) === 'done');
    expect(await status(long.id)).toBe('running');

    const stopped = h.services.jobs.stop();
    release();
    await stopped;
    expect(await status(long.id)).toBe('done');
  });
});
