import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startHarness, type Harness } from './harness.ts';
import { TEST_PASSWORD } from './factories.ts';

/** The background machinery every report uses: a job that survives its process and ends in the bell. */
describe('background jobs and notifications', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('runs a job with progress, delivers its file by notification, and marks it read on download', async () => {
    const m = await h.factory.municipality('39');
    const user = await h.factory.municipalCoordinator(m);
    const client = await signedIn(h.app, user.login, TEST_PASSWORD);
    const seen: [number, number][] = [];
    h.services.jobs.register('test.report', async (payload, ctx) => {
      for (let i = 1; i <= 3; i++) {
        await ctx.progress(i, 3);
        seen.push([i, 3]);
      }
      const blob = await h.services.blobs.put(Buffer.from(`отчёт для ${String(payload.who)}`));
      await h.db.insertInto('blobs').values({ sha256: blob.sha256, size: blob.size }).execute();
      await h.services.notifications.notify({
        userId: user.id,
        kind: 'report',
        title: 'Отчёт готов',
        file: { sha256: blob.sha256, name: 'Отчёт.txt' },
        jobId: ctx.job.id,
      });
      return { sha256: blob.sha256 };
    });
    const job = await h.services.jobs.enqueue('test.report', { who: user.login }, user.id);

    const before = (await client.get(`/api/jobs/${job.id}`)).json() as { status: string };
    expect(before.status).toBe('queued');
    expect(await h.services.jobs.drain()).toBe(1);
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const after = (await client.get(`/api/jobs/${job.id}`)).json() as { status: string; done: number; total: number };
    expect(after).toMatchObject({ status: 'done', done: 3, total: 3 });

    const list = (await client.get('/api/notifications')).json() as {
      unread: number;
      items: { id: string; title: string; file: { url: string; name: string } | null }[];
    };
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({ title: 'Отчёт готов', file: { name: 'Отчёт.txt' } });
    const file = await client.get(list.items[0]!.file!.url);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe(`отчёт для ${user.login}`);
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82.txt");
    expect(((await client.get('/api/notifications')).json() as { unread: number }).unread).toBe(0);

    // someone else can neither see the job nor fetch the file
    const other = await signedIn(
      h.app,
      (await h.factory.municipalCoordinator(await h.factory.municipality('39'))).login,
      TEST_PASSWORD,
    );
    expect((await other.get(`/api/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await other.get(list.items[0]!.file!.url)).statusCode).toBe(404);
  });

  it('resumes a job whose process died (lease expired) and retries a failing one, then gives up', async () => {
    let calls = 0;
    h.services.jobs.register('test.flaky', () => {
      calls++;
      return Promise.reject(new Error('диск недоступен'));
    });
    const job = await h.services.jobs.enqueue('test.flaky', {}, null);
    await h.services.jobs.drain();
    expect(calls).toBe(1);
    let row = await h.db.selectFrom('jobs').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('queued'); // waits for its retry
    h.clock.advance(60_000);
    await h.services.jobs.drain();
    h.clock.advance(60_000);
    await h.services.jobs.drain();
    row = await h.db.selectFrom('jobs').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(calls).toBe(3);
    expect(row.status).toBe('failed');

    // a job left 'running' by a dead process is taken again once its lease is over
    let resumed = 0;
    h.services.jobs.register('test.resume', () => {
      resumed++;
      return Promise.resolve({});
    });
    const stuck = await h.services.jobs.enqueue('test.resume', {}, null);
    await h.db
      .updateTable('jobs')
      .set({ status: 'running', locked_until: new Date(h.clock.now().getTime() + 30_000) })
      .where('id', '=', stuck.id)
      .execute();
    expect(await h.services.jobs.drain()).toBe(0); // still leased to the "other" process
    h.clock.advance(31_000);
    expect(await h.services.jobs.drain()).toBe(1);
    expect(resumed).toBe(1);
  });
});
