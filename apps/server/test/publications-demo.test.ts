import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { DEMO_PASSWORDS } from '../src/demo/demo-passwords.ts';
import { seedDemoPublications } from '../src/demo/seed-publications.ts';
import { signedIn, startHarness, type Client, type Harness } from './harness.ts';
import { listPublications, type ListedPublication } from './publications-support.ts';

let h: Harness;
let school: Client;
let regional: Client;
let college: Client;

beforeAll(async () => {
  h = await startHarness();
  await seedDemo(h.db);
  await seedDemoPublications({ db: h.db, blobs: h.services.blobs, clock: h.clock });
  school = await signedIn(h.app, 'sch390001', DEMO_PASSWORDS.school);
  regional = await signedIn(h.app, 'reg390000', DEMO_PASSWORDS.region_coordinator);
  college = await signedIn(h.app, 'spo390101', DEMO_PASSWORDS.college);
});
afterAll(() => h.close());

const byTitle = (list: ListedPublication[], title: string) => list.find((p) => p.title === title);

describe('demo publications', () => {
  it('has the publications other parts of the demo attach collections to, in their sections', async () => {
    const forSchool = await listPublications(school);
    expect(byTitle(forSchool, 'Анкета ОО (контекстные данные)')?.section).toBe('vpr');
    expect(byTitle(forSchool, 'Заявка на участие в ВПР')?.section).toBe('vpr');
    expect(byTitle(forSchool, 'Итоговое собеседование по русскому языку в 2026 году')?.section).toBe('interview');
    const forCollege = await listPublications(college);
    expect(byTitle(forCollege, 'Сбор сведений об участниках ВПР СПО')?.section).toBe('vpr_spo');
    expect(byTitle(forCollege, 'ВПР СПО 2026: порядок проведения')).toBeDefined();
    expect(byTitle(forCollege, 'Анкета ОО (контекстные данные)')).toBeUndefined();
  });

  it('gives each school its own codes, hides the file of tomorrow from it and the password from coordinators', async () => {
    const main = byTitle(await listPublications(school), 'Всероссийские проверочные работы 2026: порядок проведения')!;
    const codes = main.storages.find((s) => s.title === 'Коды участников')!;
    expect(codes.files.items.map((f) => f.name)).toEqual(['sch390001_коды участников.xlsx']);
    const materials = main.storages.find((s) => s.title === 'Материалы для проведения')!;
    expect(materials.files.items.map((f) => f.name)).toEqual(['Пароль к архиву (История, 5 класс).txt']);
    expect((await school.get(`/api/files/${materials.files.items[0]!.id}`)).statusCode).toBe(200);

    const forRegion = byTitle(
      await listPublications(regional),
      'Всероссийские проверочные работы 2026: порядок проведения',
    )!;
    const regionCodes = forRegion.storages.find((s) => s.title === 'Коды участников')!;
    expect(regionCodes.files.items.every((f) => f.orgLogin?.startsWith('sch39'))).toBe(true);
    const regionMaterials = forRegion.storages.find((s) => s.title === 'Материалы для проведения')!.files.items;
    const tomorrow = regionMaterials.find((f) => f.name.startsWith('Критерии'))!;
    expect(tomorrow.available).toBe(false);
    // 09:00 in Kaliningrad is 07:00 UTC
    expect(tomorrow.availableAt).toBe('2026-11-21T07:00:00.000Z');
    const password = regionMaterials.find((f) => f.name.startsWith('Пароль'))!;
    expect(password.downloadable).toBe(false);
    expect((await regional.get(`/api/files/${password.id}`)).statusCode).toBe(403);
  });

  it('links the documents of the general information to its own files', async () => {
    const main = byTitle(await listPublications(school), 'Всероссийские проверочные работы 2026: порядок проведения')!;
    const res = await school.get('/api/publications?section=vpr');
    const body = (res.json() as { title: string; body: string }[]).find((p) => p.title === main.title)!.body;
    const linked = [...body.matchAll(/\(file:([0-9a-f-]{36})\)/g)].map((m) => m[1]!);
    expect(linked).toHaveLength(2);
    for (const id of linked) expect((await school.get(`/api/files/${id}`)).statusCode).toBe(200);
  });
});
