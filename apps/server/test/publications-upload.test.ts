import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@oko/shared';
import { startHarness, type Client, type Harness } from './harness.ts';
import { buildWorld, signInAll, type World } from './world.ts';
import { filesOf, publicationWithStorage, upload } from './publications-support.ts';

let h: Harness;
let w: World;
let as: Record<Role, Client>;

beforeAll(async () => {
  h = await startHarness();
  w = await buildWorld(h);
  as = await signInAll(h, w);
});
afterAll(() => h.close());

const rowsIn = async (storageId: string) =>
  (await h.db.selectFrom('storage_files').select('name').where('storage_id', '=', storageId).execute()).length;

describe('upload into a storage', () => {
  it('stores many files at once, downloadable byte for byte', async () => {
    const { storage } = await publicationWithStorage(h, { title: 'Загрузка' });
    const pdf = Buffer.from('%PDF-1.4 бинарное содержимое \u0000\u00ff');
    const res = await upload(as.federal_admin, storage.id, [
      { name: 'Порядок проведения.pdf', content: pdf },
      { name: 'Расписание.txt', content: 'понедельник' },
    ]);
    expect(res.statusCode).toBe(201);
    expect(res.json().added).toEqual([
      { name: 'Порядок проведения.pdf', orgLogin: null },
      { name: 'Расписание.txt', orgLogin: null },
    ]);
    const listed = await filesOf(as.school, storage.id);
    expect(listed.map((f) => f.name)).toEqual(['Порядок проведения.pdf', 'Расписание.txt']);
    const got = await as.school.get(`/api/files/${listed[0]!.id}`);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(pdf)).toBe(true);
  });

  it('delivers individual files to the ОО named by their logins', async () => {
    const { storage } = await publicationWithStorage(h, { title: 'Индивидуальная загрузка' });
    const s1 = w.users.s1.login;
    const s2 = w.users.s2.login;
    const res = await upload(
      as.federal_admin,
      storage.id,
      [
        { name: `${s1}.pdf`, content: 'первая' },
        { name: `${s1}_коды участников.txt`, content: 'коды' },
        { name: `${s2} протокол.txt`, content: 'вторая' },
      ],
      { individual: 'true' },
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().added.map((a: { orgLogin: string }) => a.orgLogin)).toEqual([s1, s1, s2]);
    expect((await filesOf(as.school, storage.id)).map((f) => f.name)).toEqual([
      `${s1}.pdf`,
      `${s1}_коды участников.txt`,
    ]);
  });

  it('is all or nothing: one file named by an unknown or foreign login refuses the whole upload, naming it', async () => {
    const { storage } = await publicationWithStorage(h, { title: 'Атомарность' });
    const res = await upload(
      as.federal_admin,
      storage.id,
      [
        { name: `${w.users.s1.login}.pdf`, content: 'хорошая' },
        { name: 'sch399999_опечатка.pdf', content: 'плохая' },
      ],
      { individual: 'true' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('sch399999_опечатка.pdf');
    expect(await rowsIn(storage.id)).toBe(0);

    // an ОО outside the publication's audience is as unknown as a typo
    const { storage: only39 } = await publicationWithStorage(h, { title: 'Только 39', regionCodes: ['39'] });
    const foreign = await upload(as.federal_admin, only39.id, [{ name: `${w.users.sF.login}.pdf`, content: 'x' }], {
      individual: 'true',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.message).toContain(`${w.users.sF.login}.pdf`);
    expect(await rowsIn(only39.id)).toBe(0);
  });

  it('refuses bad fields and an empty upload without storing anything', async () => {
    const { storage } = await publicationWithStorage(h, { title: 'Поля' });
    const both = await upload(as.federal_admin, storage.id, [{ name: 'a.txt', content: 'a' }], {
      availableAt: '2026-11-21T09:00:00+03:00',
      availableLocal: '2026-11-21T09:00',
    });
    expect(both.statusCode).toBe(400);
    const extra = await upload(as.federal_admin, storage.id, [{ name: 'a.txt', content: 'a' }], { secret: '1' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.message).toMatch(/лишние поля: secret/);
    const none = await upload(as.federal_admin, storage.id, [], { individual: 'false' });
    expect(none.statusCode).toBe(400);
    const json = await as.federal_admin.post(`/api/storages/${storage.id}/files`, { files: [] });
    expect(json.statusCode).toBe(400);
    expect(await rowsIn(storage.id)).toBe(0);
  });

  it('keeps only the last segment of path-like names and strips control characters', async () => {
    const { storage } = await publicationWithStorage(h, { title: 'Имена' });
    const res = await upload(as.federal_admin, storage.id, [
      { name: '../../etc/passwd', content: '1' },
      { name: 'C:\\Users\\Учитель\\Рабочий стол\\отчёт.pdf', content: '2' },
      { name: 'счёт\u202Efdp.exe', content: '3' },
      { name: `${'я'.repeat(300)}.pdf`, content: '4' },
    ]);
    expect(res.statusCode).toBe(201);
    const names = (await filesOf(as.school, storage.id)).map((f) => f.name);
    expect(names).toContain('passwd');
    expect(names).toContain('отчёт.pdf');
    expect(names).toContain('счётfdp.exe');
    const long = names.find((n) => n.startsWith('яя'))!;
    expect([...long]).toHaveLength(255);
    expect(long.endsWith('.pdf')).toBe(true);
    for (const n of names) expect(n).not.toMatch(/[/\\\p{Cc}\u202e]/u);
    const bad = await upload(as.federal_admin, storage.id, [{ name: '..', content: 'x' }]);
    expect(bad.statusCode).toBe(400);
  });

  it('takes the availability from the fields', async () => {
    const { storage } = await publicationWithStorage(h, { title: 'Время доступности' });
    const res = await upload(as.federal_admin, storage.id, [{ name: 'шифр.txt', content: 'ключ' }], {
      availableLocal: '2026-11-21T09:00',
      onlyForOrgs: 'true',
    });
    expect(res.statusCode).toBe(201);
    const [f] = await filesOf(as.region_coordinator, storage.id);
    // Kaliningrad, UTC+2
    expect(f).toMatchObject({ onlyForOrgs: true, available: false, availableAt: '2026-11-21T07:00:00.000Z' });
    expect(await filesOf(as.school, storage.id)).toEqual([]);
  });

  it('lets a regional coordinator upload into its own publication only', async () => {
    const created = await as.region_coordinator.post('/api/publications', {
      section: 'vpr',
      title: 'Региональные материалы',
      body: 'Для школ региона',
      audience: { roles: ['school'], regionCodes: null, orgIds: null },
      storages: ['Файлы'],
    });
    const storageId = created.json().storages[0].id as string;
    const res = await upload(as.region_coordinator, storageId, [{ name: `${w.users.s1.login}.txt`, content: 'ваш' }], {
      individual: 'true',
    });
    expect(res.statusCode).toBe(201);
    expect((await filesOf(as.school, storageId)).map((f) => f.name)).toEqual([`${w.users.s1.login}.txt`]);
    // another region's coordinator does not even see the storage; a school may not upload at all
    expect(
      (await upload(as.spo_region_coordinator, w.platform.storageF.id, [{ name: 'x', content: 'x' }])).statusCode,
    ).toBe(404);
    expect((await upload(as.school, storageId, [{ name: 'x.txt', content: 'x' }])).statusCode).toBe(403);
  });
});
