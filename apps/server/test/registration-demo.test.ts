import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { DEMO_PASSWORDS } from '../src/demo/demo-passwords.ts';
import { seedDemoPublications } from '../src/demo/seed-publications.ts';
import { DEMO_APPLICATION_TITLE, seedDemoRegistration } from '../src/demo/seed-registration.ts';
import { signedIn, startHarness, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await seedDemo(h.db);
  const ctx = { db: h.db, blobs: h.services.blobs, clock: h.clock };
  await seedDemoPublications(ctx);
  await seedDemoRegistration(ctx);
});
afterAll(() => h.close());

describe('demo application collection', () => {
  it('is open, attached to «Заявка на участие в ВПР», filled by several schools of 39, one confirmed', async () => {
    const c = await h.db
      .selectFrom('collections as c')
      .innerJoin('publications as p', 'p.id', 'c.publication_id')
      .select(['c.id', 'c.purpose', 'c.opens_at', 'c.closes_at', 'p.title'])
      .where('c.title', '=', DEMO_APPLICATION_TITLE)
      .executeTakeFirstOrThrow();
    expect(c).toMatchObject({ purpose: 'application', title: 'Заявка на участие в ВПР' });
    const now = h.clock.now().getTime();
    expect(Math.round((now - new Date(c.opens_at).getTime()) / 86_400_000)).toBe(5);
    expect(Math.round((new Date(c.closes_at).getTime() - now) / 86_400_000)).toBe(10);

    const reg = await signedIn(h.app, 'reg390000', DEMO_PASSWORDS.region_coordinator);
    const list = (await reg.get('/api/applications')).json();
    const progress = list.collections.find((x: { id: string }) => x.id === c.id).progress;
    expect(progress.submitted).toBeGreaterThanOrEqual(3);
    expect(progress.inProgress).toBeGreaterThanOrEqual(1);
    expect(progress.confirmed).toBe(1);

    const school = await signedIn(h.app, 'sch390002', DEMO_PASSWORDS.school);
    const mine = (await school.get(`/api/applications/${c.id}/mine`)).json();
    expect(mine.confirmation).toMatchObject({ version: 1, confirmedBy: 'reg390000', corrected: false });
    expect(mine.confirmation.lines.length).toBeGreaterThan(0);
    // the school opens the same collection through the generic collection routes to fill it
    expect((await school.get(`/api/collections/${c.id}`)).statusCode).toBe(200);
  });
});
