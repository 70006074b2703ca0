import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionSummary, CollectionView, Monitor, SubmitResult } from '@oko/shared';
import { DEMO_PASSWORDS } from '../src/demo/demo-passwords.ts';
import { seedDemoCollections } from '../src/demo/seed-collections.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { seedDemoPublications } from '../src/demo/seed-publications.ts';
import { signedIn, startHarness, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await seedDemo(h.db);
  const ctx = { db: h.db, blobs: h.services.blobs, clock: h.clock };
  await seedDemoPublications(ctx);
  await seedDemoCollections(ctx);
});
afterAll(() => h.close());

const school = (login: string) => signedIn(h.app, login, DEMO_PASSWORDS.school);

describe('demo collections', () => {
  it('the ОО questionnaire is open, attached to its publication, and the demo schools are in every state', async () => {
    const row = await h.db
      .selectFrom('collections as c')
      .innerJoin('publications as p', 'p.id', 'c.publication_id')
      .select(['c.id', 'c.purpose', 'p.title', 'p.section'])
      .where('c.title', '=', 'Анкета ОО, контекстные данные')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ purpose: 'questionnaire', title: 'Анкета ОО (контекстные данные)', section: 'vpr' });

    const states = async (login: string) =>
      ((await (await school(login)).get('/api/collections')).json() as CollectionSummary[]).find(
        (c) => c.id === row.id,
      );
    expect(await states('sch390001')).toMatchObject({ status: 'open', state: 'not_started' });
    expect(await states('sch390002')).toMatchObject({ status: 'open', state: 'submitted' });
    expect(await states('sch390003')).toMatchObject({ status: 'open', state: 'in_progress' });

    const reg = await signedIn(h.app, 'reg390000', DEMO_PASSWORDS.region_coordinator);
    const m = (await reg.get(`/api/collections/${row.id}/monitor`)).json() as Monitor;
    expect(m.counts.submitted).toBe(2);
    expect(m.counts.inProgress).toBe(1);
    expect(m.counts.notStarted).toBe(m.counts.total - 3);
  });

  it('a demo school opens the questionnaire with its hints and submits it after filling it', async () => {
    const c = await school('sch390001');
    const id = ((await c.get('/api/collections')).json() as CollectionSummary[]).find(
      (x) => x.purpose === 'questionnaire',
    )!.id;
    const view = (await c.get(`/api/collections/${id}`)).json() as CollectionView;
    expect(view.template.sheets.map((s) => [s.title, Boolean(s.hint)])).toEqual([
      ['Общие сведения', true],
      ['Параллели', true],
      ['Учителя', true],
    ]);
    const filled = (await (await school('sch390002')).get(`/api/collections/${id}`)).json() as CollectionView;
    const saved = await c.request({
      method: 'PUT',
      url: `/api/collections/${id}/entry`,
      payload: { data: filled.entry!.data, version: 0 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const sent = await c.post(`/api/collections/${id}/submit`, { version: 1 });
    expect(sent.statusCode, sent.body).toBe(200);
    expect((sent.json() as SubmitResult).number).toBe(1);
  });

  it('the ВПР СПО participants form is open for colleges only', async () => {
    const college = await signedIn(h.app, 'spo390101', DEMO_PASSWORDS.college);
    const list = (await college.get('/api/collections')).json() as CollectionSummary[];
    const spo = list.find((c) => c.title === 'Сведения об участниках ВПР СПО (1 курс)');
    expect(spo).toMatchObject({ status: 'open', state: 'submitted' });
    expect(list.some((c) => c.purpose === 'questionnaire')).toBe(false);
    const schoolList = (await (await school('sch390001')).get('/api/collections')).json() as CollectionSummary[];
    expect(schoolList.some((c) => c.id === spo!.id)).toBe(false);
  });
});
