import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@oko/shared';
import { signedIn, startHarness, type Client, type Harness } from './harness.ts';
import { PlatformFactory, TEST_PASSWORD } from './factories.ts';
import { buildWorld, signInAll, type World } from './world.ts';
import { listPublications, upload } from './publications-support.ts';
import type { KyselyPlugin } from 'kysely';
import type { Actor } from '../src/access/actor.ts';
import { FilesRepository } from '../src/publications/files.repository.ts';
import { PublicationsRepository } from '../src/publications/publications.repository.ts';
import { PublicationsService } from '../src/publications/publications.service.ts';

let h: Harness;
let w: World;
let pf: PlatformFactory;
let as: Record<Role, Client>;
let s2: Client;
let reg77: Client;
let sF: Client;

beforeAll(async () => {
  h = await startHarness();
  w = await buildWorld(h);
  pf = new PlatformFactory(h.db);
  as = await signInAll(h, w);
  s2 = await signedIn(h.app, w.users.s2.login, TEST_PASSWORD);
  reg77 = await signedIn(h.app, w.users.reg77.login, TEST_PASSWORD);
  sF = await signedIn(h.app, w.users.sF.login, TEST_PASSWORD);
});
afterAll(() => h.close());

const titles = async (c: Client, query = '') => (await listPublications(c, query)).map((p) => p.title);

describe('who sees a publication', () => {
  it('follows the audience: roles, regions and the list of ОО', async () => {
    await pf.publication({ title: 'Только школам', roles: ['school'] });
    await pf.publication({ title: 'Только Москве', regionCodes: ['77'] });
    await pf.publication({ title: 'Одной школе', roles: ['school'], orgIds: [w.s2.id] });
    await pf.publication({
      title: 'Колледжам и СПО',
      section: 'vpr_spo',
      roles: ['college', 'spo_region_coordinator'],
    });

    const school = await titles(as.school);
    expect(school).toContain('Только школам');
    expect(school).not.toContain('Только Москве');
    expect(school).not.toContain('Одной школе');
    expect(school).not.toContain('Колледжам и СПО');
    expect(await titles(s2)).toContain('Одной школе');

    const regional = await titles(as.region_coordinator);
    expect(regional).not.toContain('Только школам');
    expect(regional).toContain('Наша публикация');
    expect(regional).not.toContain('ЧУЖАЯ публикация');
    expect(await titles(reg77)).toContain('ЧУЖАЯ публикация');

    expect(await titles(as.college)).toContain('Колледжам и СПО');
    expect(await titles(as.spo_region_coordinator)).toContain('Колледжам и СПО');
    expect(await titles(as.municipal_coordinator)).not.toContain('Колледжам и СПО');
    // the federal level sees everything it may have to answer for
    expect(await titles(as.federal_admin)).toEqual(expect.arrayContaining(['Одной школе', 'ЧУЖАЯ публикация']));
  });

  it('a publication for a list of ОО reaches only the coordinators who govern one of them', async () => {
    const coordinators: Role[] = ['school', 'region_coordinator', 'municipal_coordinator'];
    await pf.publication({ title: 'Школе округа Б', roles: coordinators, orgIds: [w.s2.id] });
    const munB = await signedIn(h.app, w.users.munB.login, TEST_PASSWORD);
    const reg77again = await signedIn(h.app, w.users.reg77.login, TEST_PASSWORD);
    expect(await titles(munB)).toContain('Школе округа Б');
    expect(await titles(as.region_coordinator)).toContain('Школе округа Б');
    expect(await titles(as.municipal_coordinator)).not.toContain('Школе округа Б'); // округ А
    expect(await titles(reg77again)).not.toContain('Школе округа Б');
  });

  it('filters by section and shows the newest first', async () => {
    const older = await pf.publication({ title: 'Собеседование: старая', section: 'interview' });
    const newer = await pf.publication({ title: 'Собеседование: новая', section: 'interview' });
    await h.db
      .updateTable('publications')
      .set({ published_at: new Date('2026-10-01T00:00:00Z') })
      .where('id', '=', older.id)
      .execute();
    await h.db
      .updateTable('publications')
      .set({ published_at: new Date('2026-11-15T00:00:00Z') })
      .where('id', '=', newer.id)
      .execute();
    const list = await listPublications(as.school, '?section=interview');
    expect(list.map((p) => p.title)).toEqual(['Собеседование: новая', 'Собеседование: старая']);
    expect(list.every((p) => p.section === 'interview')).toBe(true);
    expect((await as.school.get('/api/publications?section=ege')).statusCode).toBe(400);
  });

  it('carries each storage with its first page of files and the report right for coordinators', async () => {
    const pub = await pf.publication({ title: 'Много файлов' });
    const st = await pf.storage(pub.id, 'Материалы');
    for (let i = 1; i <= 25; i++) await pf.file(st.id, { name: `материал-${String(i).padStart(2, '0')}.pdf` });
    const [forSchool] = (await listPublications(as.school)).filter((p) => p.id === pub.id);
    expect(forSchool!.storages).toHaveLength(1);
    expect(forSchool!.storages[0]!.files.total).toBe(25);
    expect(forSchool!.storages[0]!.files.items).toHaveLength(20);
    expect(forSchool!.storages[0]!.files.items[0]!.name).toBe('материал-01.pdf');
    expect(forSchool!.storages[0]!.canReport).toBe(false);
    const [forRegion] = (await listPublications(as.region_coordinator)).filter((p) => p.id === pub.id);
    expect(forRegion!.storages[0]!.canReport).toBe(true);
  });
});

describe('speed', () => {
  it('lists publications in the same number of queries whatever the number of storages and files', async () => {
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    };
    const db = h.db.withPlugin(counting);
    const svc = new PublicationsService({
      db,
      clock: h.clock,
      access: h.services.access,
      publications: new PublicationsRepository(db),
      files: new FilesRepository(db),
    });
    const school: Actor = {
      userId: w.users.s1.id,
      login: w.users.s1.login,
      role: 'school',
      regionCode: '39',
      municipalityId: w.mA.id,
      orgId: w.s1.id,
      mustChangePassword: false,
      sessionId: '',
      csrfToken: '',
    };
    const count = async () => {
      queries = 0;
      const list = await svc.list(school, 'interview');
      return { queries, files: list.flatMap((p) => p.storages.flatMap((s) => s.files.items)).length };
    };
    const one = await pf.publication({ title: 'Скорость 1', section: 'interview' });
    await pf.file((await pf.storage(one.id)).id);
    const before = await count();
    for (let i = 0; i < 5; i++) {
      const p = await pf.publication({ title: `Скорость ${i + 2}`, section: 'interview' });
      for (let j = 0; j < 3; j++) {
        const st = await pf.storage(p.id, `Хранилище ${j}`);
        for (let k = 0; k < 4; k++) await pf.file(st.id);
      }
    }
    const after = await count();
    expect(after.files).toBeGreaterThan(before.files + 50);
    expect(after.queries).toBe(before.queries);
    // four statements; the plugin also counts the sub-select the first pages are cut from
    expect(after.queries).toBeLessThanOrEqual(5);
  });
});

describe('data collection blocks', () => {
  it('shows status from the server clock, the ОО exception and the ОО progress', async () => {
    const pub = await pf.publication({ title: 'Со сбором' });
    const tpl = await pf.template();
    const col = await h.db
      .insertInto('collections')
      .values({
        publication_id: pub.id,
        template_id: tpl.id,
        title: 'Анкета',
        opens_at: new Date('2026-11-10T00:00:00Z'),
        closes_at: new Date('2026-11-20T12:00:00Z'),
        org_kinds: ['school'],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const block = async (c: Client) =>
      (await listPublications(c)).find((p) => p.id === pub.id)!.collections.find((x) => x.id === col.id)!;

    // 06:00 on the 20th: open
    expect((await block(as.school)).status).toBe('open');
    expect((await block(as.school)).entry).toEqual({ state: 'not_started', lastSubmittedAt: null });
    expect((await block(as.region_coordinator)).entry).toBeNull();

    await h.db
      .insertInto('form_entries')
      .values({
        collection_id: col.id,
        org_id: w.s1.id,
        data: '{}',
        started_at: new Date('2026-11-19T10:00:00Z'),
        updated_at: new Date('2026-11-19T10:00:00Z'),
      })
      .execute();
    expect((await block(as.school)).entry!.state).toBe('in_progress');
    await h.db
      .insertInto('form_submissions')
      .values({
        collection_id: col.id,
        org_id: w.s1.id,
        number: 1,
        data: '{}',
        source: 'online',
        submitted_at: new Date('2026-11-19T11:30:00Z'),
      })
      .execute();
    await h.db
      .updateTable('form_entries')
      .set({ submitted_at: new Date('2026-11-19T11:30:00Z') })
      .where('org_id', '=', w.s1.id)
      .execute();
    expect((await block(as.school)).entry).toEqual({ state: 'submitted', lastSubmittedAt: '2026-11-19T11:30:00.000Z' });
    expect((await block(s2)).entry!.state).toBe('not_started');

    // after closing time: closed for everyone except the ОО given an exception
    h.clock.set('2026-11-20T13:00:00Z');
    try {
      await h.db
        .insertInto('collection_exceptions')
        .values({
          collection_id: col.id,
          org_id: w.s2.id,
          open_until: new Date('2026-11-21T00:00:00Z'),
          granted_at: new Date('2026-11-20T12:30:00Z'),
        })
        .execute();
      expect((await block(as.school)).status).toBe('closed');
      expect((await block(as.region_coordinator)).status).toBe('closed');
      expect((await block(s2)).status).toBe('open');
    } finally {
      h.clock.set('2026-11-20T06:00:00Z');
    }
  });

  it('leaves out collections of a kind the caller does not deal with', async () => {
    const pub = await pf.publication({ title: 'СПО со сбором', section: 'vpr_spo' });
    const tpl = await pf.template();
    await h.db
      .insertInto('collections')
      .values({
        publication_id: pub.id,
        template_id: tpl.id,
        title: 'Сведения об участниках СПО',
        opens_at: new Date('2026-11-10T00:00:00Z'),
        closes_at: new Date('2026-12-20T00:00:00Z'),
        org_kinds: ['college'],
      })
      .execute();
    const seen = async (c: Client) =>
      (await listPublications(c)).find((p) => p.id === pub.id)?.collections.map((x) => x.title) ?? [];
    expect(await seen(as.college)).toEqual(['Сведения об участниках СПО']);
    expect(await seen(as.spo_region_coordinator)).toEqual(['Сведения об участниках СПО']);
    expect(await seen(as.school)).toEqual([]);
  });
});

describe('authoring', () => {
  const body = (v: Record<string, unknown> = {}) => ({
    section: 'vpr',
    title: 'Региональная публикация',
    body: 'Текст для школ региона',
    audience: { roles: ['school', 'municipal_coordinator'], regionCodes: null, orgIds: null },
    storages: ['Материалы', 'Инструкции'],
    ...v,
  });

  it('a regional coordinator publishes inside its own region only', async () => {
    const res = await as.region_coordinator.post(
      '/api/publications',
      body({ audience: { roles: ['school'], regionCodes: ['77'], orgIds: null } }),
    );
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p.authorRegionCode).toBe('39');
    expect(p.canEdit).toBe(true);
    expect(p.audience.regionCodes).toEqual(['39']);
    expect(p.storages.map((s: { title: string }) => s.title)).toEqual(['Материалы', 'Инструкции']);
    expect(await titles(as.school)).toContain('Региональная публикация');
    expect(await titles(sF)).not.toContain('Региональная публикация');
    // the federal level sees it and may edit it; a coordinator of another region does not see it at all
    expect((await reg77.request({ method: 'DELETE', url: `/api/publications/${p.id}` })).statusCode).toBe(404);
  });

  it('the ВПР and СПО coordinators of one region keep to their own sections', async () => {
    const spoInVpr = await as.spo_region_coordinator.post('/api/publications', body());
    expect(spoInVpr.statusCode).toBe(403);
    expect(spoInVpr.json().error.message).toMatch(/раздел/);
    const vpr = (await as.region_coordinator.post('/api/publications', body({ title: 'ВПР региона' }))).json();
    const del = await as.spo_region_coordinator.request({ method: 'DELETE', url: `/api/publications/${vpr.id}` });
    expect([403, 404]).toContain(del.statusCode);
    const spo = await as.spo_region_coordinator.post(
      '/api/publications',
      body({
        section: 'vpr_spo',
        title: 'СПО региона',
        audience: { roles: ['college'], regionCodes: null, orgIds: null },
      }),
    );
    expect(spo.statusCode).toBe(201);
    const st = await as.region_coordinator.post(`/api/publications/${spo.json().id}/storages`, { title: 'Чужое' });
    expect([403, 404]).toContain(st.statusCode);
  });

  it('a regional coordinator cannot address ОО of another region', async () => {
    const res = await as.region_coordinator.post(
      '/api/publications',
      body({ audience: { roles: ['school'], regionCodes: null, orgIds: [w.sF.id] } }),
    );
    expect(res.statusCode).toBe(404);
  });

  it('a school cannot publish; a coordinator cannot change a federal publication', async () => {
    expect((await as.school.post('/api/publications', body())).statusCode).toBe(403);
    expect((await as.municipal_coordinator.post('/api/publications', body())).statusCode).toBe(403);
    const federal = w.platform.pub.id;
    const del = await as.region_coordinator.request({ method: 'DELETE', url: `/api/publications/${federal}` });
    expect(del.statusCode).toBe(403);
    expect(del.json().error.message).toMatch(/федеральн/i);
    const st = await as.region_coordinator.post(`/api/publications/${federal}/storages`, { title: 'Ещё' });
    expect(st.statusCode).toBe(403);
    const up = await upload(as.region_coordinator, w.platform.storage.id, [{ name: 'x.pdf', content: 'x' }]);
    expect(up.statusCode).toBe(403);
  });

  it('the federal level publishes to chosen regions, adds storages and deletes', async () => {
    const res = await as.federal_admin.post(
      '/api/publications',
      body({ title: 'Федеральная для 77', audience: { roles: ['school'], regionCodes: ['77'], orgIds: null } }),
    );
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    expect(res.json().authorRegionCode).toBeNull();
    expect(await titles(as.school)).not.toContain('Федеральная для 77');
    const st = await as.federal_admin.post(`/api/publications/${id}/storages`, { title: 'Дополнительно' });
    expect(st.statusCode).toBe(201);
    expect(st.json().files.total).toBe(0);
    const unknown = await as.federal_admin.post(
      '/api/publications',
      body({ audience: { roles: ['school'], regionCodes: ['00'], orgIds: null } }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('00');
    expect((await as.federal_admin.request({ method: 'DELETE', url: `/api/publications/${id}` })).statusCode).toBe(204);
    expect(await h.db.selectFrom('storages').select('id').where('publication_id', '=', id).execute()).toEqual([]);
  });

  it('refuses to delete a publication that carries a data collection', async () => {
    const pub = await pf.publication({ title: 'С анкетой' });
    const tpl = await pf.template();
    await h.db
      .insertInto('collections')
      .values({
        publication_id: pub.id,
        template_id: tpl.id,
        title: 'Анкета',
        opens_at: new Date('2026-11-10T00:00:00Z'),
        closes_at: new Date('2026-12-20T00:00:00Z'),
        org_kinds: ['school'],
      })
      .execute();
    const res = await as.federal_admin.request({ method: 'DELETE', url: `/api/publications/${pub.id}` });
    expect(res.statusCode).toBe(409);
  });
});
