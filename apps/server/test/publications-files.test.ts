import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@oko/shared';
import { signedIn, type Client, type Harness } from './harness.ts';
import { TEST_PASSWORD } from './factories.ts';
import type { World } from './world.ts';
import { filesOf, publicationWithStorage, startPublicationsWorld, storedFile } from './publications-support.ts';

let h: Harness;
let w: World;
let as: Record<Role, Client>;
let s2: Client;

beforeAll(async () => {
  ({ h, w, as, s2 } = await startPublicationsWorld());
});
afterAll(() => h.close());

const NOW = '2026-11-20T06:00:00Z';
const fresh = (login: string) => signedIn(h.app, login, TEST_PASSWORD);

async function unzip(body: Buffer): Promise<Map<string, Buffer>> {
  const reader = new ZipReader(new Uint8ArrayReader(new Uint8Array(body)), { useWebWorkers: false });
  const out = new Map<string, Buffer>();
  for (const entry of await reader.getEntries()) {
    if (entry.directory) continue;
    out.set(entry.filename, Buffer.from(await entry.getData(new Uint8ArrayWriter())));
  }
  await reader.close();
  return out;
}

describe('individual and only-for-ОО files', () => {
  let storageId: string;
  let mine: { id: string };
  let theirs: { id: string };
  let onlyOrgs: { id: string };

  beforeAll(async () => {
    const { storage } = await publicationWithStorage(h, { title: 'Индивидуальные материалы' });
    storageId = storage.id;
    await storedFile(h, storageId, { name: 'общая инструкция.txt', content: 'для всех' });
    mine = await storedFile(h, storageId, {
      name: `${w.users.s1.login}_коды.txt`,
      content: 'коды школы 1',
      orgId: w.s1.id,
    });
    theirs = await storedFile(h, storageId, {
      name: `${w.users.s2.login}_коды.txt`,
      content: 'коды школы 2',
      orgId: w.s2.id,
    });
    onlyOrgs = await storedFile(h, storageId, { name: 'только для ОО.txt', content: 'шифр', onlyForOrgs: true });
  });

  it('a school lists, searches and downloads only its own individual file', async () => {
    const names = (await filesOf(as.school, storageId)).map((f) => f.name);
    expect(names).toEqual([`${w.users.s1.login}_коды.txt`, 'общая инструкция.txt', 'только для ОО.txt'].sort());
    expect(await filesOf(as.school, storageId, `?q=${encodeURIComponent(w.users.s2.login)}`)).toEqual([]);
    expect((await filesOf(as.school, storageId, '?q=%D0%BA%D0%BE%D0%B4%D1%8B')).map((f) => f.id)).toEqual([mine.id]);
    expect((await as.school.get(`/api/files/${theirs.id}`)).statusCode).toBe(404);
    const own = await as.school.get(`/api/files/${mine.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toBe('коды школы 1');
    const listed = (await filesOf(s2, storageId)).find((f) => f.id === theirs.id)!;
    expect(listed.orgLogin).toBe(w.users.s2.login);
  });

  it('the zip of a school holds exactly what it may download, byte for byte', async () => {
    const res = await as.school.get(`/api/storages/${storageId}/zip`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = await unzip(res.rawPayload);
    expect([...files.keys()].sort()).toEqual(
      [`${w.users.s1.login}_коды.txt`, 'общая инструкция.txt', 'только для ОО.txt'].sort(),
    );
    expect(files.get(`${w.users.s1.login}_коды.txt`)!.toString()).toBe('коды школы 1');
    expect(files.get('только для ОО.txt')!.toString()).toBe('шифр');
  });

  it('a coordinator sees the only-for-ОО file but cannot download it, nor find it in the zip', async () => {
    const listed = await filesOf(as.municipal_coordinator, storageId);
    const f = listed.find((x) => x.id === onlyOrgs.id)!;
    expect(f).toMatchObject({ onlyForOrgs: true, available: true, downloadable: false });
    const res = await as.municipal_coordinator.get(`/api/files/${onlyOrgs.id}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('Файл предназначен только для образовательных организаций');
    // the municipal coordinator of A governs school 1 only
    expect(listed.map((x) => x.id)).toContain(mine.id);
    expect(listed.map((x) => x.id)).not.toContain(theirs.id);
    const zip = await unzip((await as.municipal_coordinator.get(`/api/storages/${storageId}/zip`)).rawPayload);
    expect([...zip.keys()].sort()).toEqual([`${w.users.s1.login}_коды.txt`, 'общая инструкция.txt'].sort());
  });
});

describe('availability window', () => {
  it('absolute moment: a second before it the ОО neither sees nor fetches the file; at it, both', async () => {
    const { storage } = await publicationWithStorage(h, { title: 'Шифры' });
    const at = new Date('2026-11-21T04:30:00Z');
    const f = await storedFile(h, storage.id, { name: 'шифр 5 класс.txt', content: 'ключ', availableAt: at });
    try {
      h.clock.set(new Date(at.getTime() - 1000));
      const school = await fresh(w.users.s1.login);
      const coordinator = await fresh(w.users.reg39.login);
      expect(await filesOf(school, storage.id)).toEqual([]);
      expect((await school.get(`/api/files/${f.id}`)).statusCode).toBe(404);
      const zip = await school.get(`/api/storages/${storage.id}/zip`);
      expect(zip.statusCode).toBe(404);
      // a coordinator sees it coming, but cannot take it early either
      const forCoord = await filesOf(coordinator, storage.id);
      expect(forCoord).toMatchObject([{ id: f.id, available: false, availableAt: at.toISOString() }]);
      expect((await coordinator.get(`/api/files/${f.id}`)).statusCode).toBe(404);

      h.clock.set(at);
      expect((await filesOf(school, storage.id)).map((x) => x.id)).toEqual([f.id]);
      const res = await school.get(`/api/files/${f.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe('ключ');
    } finally {
      h.clock.set(NOW);
    }
  });

  it('local time: 09:00 comes to Vladivostok eight hours before Kaliningrad', async () => {
    const m25 = await h.factory.municipality('25', { code: '001', name: 'Владивостокский ГО' });
    const o25 = await h.factory.org({ municipalityId: m25.id, regionCode: '25' });
    const u25 = await h.factory.orgAccount(o25);
    const { storage } = await publicationWithStorage(h, { title: 'Архивы по местному времени' });
    const f = await storedFile(h, storage.id, {
      name: 'архив.txt',
      content: 'задания',
      availableLocal: '2026-11-21 09:00:00',
    });
    // sessions expire as the clock moves a day on: each check signs in afresh
    const sees = async (login: string) =>
      (await filesOf(await fresh(login), storage.id)).map((x) => x.id).includes(f.id);
    const fetches = async (login: string) => (await (await fresh(login)).get(`/api/files/${f.id}`)).statusCode;
    const school25 = u25.login;
    const school39 = w.users.s1.login;
    try {
      // 09:00 in Vladivostok (UTC+10) is 23:00 UTC the day before
      h.clock.set('2026-11-20T22:59:59Z');
      expect(await sees(school25)).toBe(false);
      expect(await fetches(school25)).toBe(404);
      h.clock.set('2026-11-20T23:00:00Z');
      expect(await sees(school25)).toBe(true);
      expect(await fetches(school25)).toBe(200);
      expect(await sees(school39)).toBe(false);
      // 09:00 in Kaliningrad (UTC+2) is 07:00 UTC
      h.clock.set('2026-11-21T06:59:59Z');
      expect(await sees(school39)).toBe(false);
      expect(await fetches(school39)).toBe(404);
      h.clock.set('2026-11-21T07:00:00Z');
      expect(await sees(school39)).toBe(true);
      expect(await fetches(school39)).toBe(200);
      const [listed] = await filesOf(await fresh(school39), storage.id);
      expect(listed!.availableAt).toBe('2026-11-21T07:00:00.000Z');
    } finally {
      h.clock.set(NOW);
    }
  });

  it('an individual file opens at its own ОО local time, also for the coordinator looking at it', async () => {
    const { storage } = await publicationWithStorage(h, { title: 'Индивидуально по времени' });
    const f = await storedFile(h, storage.id, {
      name: `${w.users.s1.login}.txt`,
      content: 'свой',
      orgId: w.s1.id,
      availableLocal: '2026-11-21 09:00:00',
    });
    const [forCoord] = await filesOf(as.federal_admin, storage.id);
    expect(forCoord).toMatchObject({ id: f.id, availableAt: '2026-11-21T07:00:00.000Z' });
  });
});

describe('downloads', () => {
  let storageId: string;
  let file: { id: string };
  const content = '0123456789абвгд';
  const bytes = Buffer.from(content);

  beforeAll(async () => {
    const { storage } = await publicationWithStorage(h, { title: 'Диапазоны' });
    storageId = storage.id;
    file = await storedFile(h, storageId, { name: 'Порядок проведения ВПР.txt', content });
  });

  const downloadsOf = async (userId: string) =>
    (
      await h.db
        .selectFrom('file_downloads')
        .selectAll()
        .where('file_id', '=', file.id)
        .where('user_id', '=', userId)
        .execute()
    ).length;

  it('streams with ranges, a Cyrillic name and a 416 for a range past the end', async () => {
    const whole = await s2.get(`/api/files/${file.id}`);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers['content-length']).toBe(String(bytes.length));
    expect(whole.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Порядок проведения ВПР.txt')}`,
    );
    expect(whole.rawPayload.equals(bytes)).toBe(true);

    const first = await s2.request({ method: 'GET', url: `/api/files/${file.id}`, headers: { range: 'bytes=0-4' } });
    expect(first.statusCode).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-4/${bytes.length}`);
    expect(first.body).toBe('01234');
    const rest = await s2.request({ method: 'GET', url: `/api/files/${file.id}`, headers: { range: 'bytes=10-' } });
    expect(rest.statusCode).toBe(206);
    expect(rest.rawPayload.equals(bytes.subarray(10))).toBe(true);
    const tail = await s2.request({ method: 'GET', url: `/api/files/${file.id}`, headers: { range: 'bytes=-4' } });
    expect(tail.rawPayload.equals(bytes.subarray(bytes.length - 4))).toBe(true);
    const past = await s2.request({
      method: 'GET',
      url: `/api/files/${file.id}`,
      headers: { range: `bytes=${bytes.length}-` },
    });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${bytes.length}`);
  });

  it('records a download once per request and shows the caller its last download', async () => {
    const before = await downloadsOf(w.users.s1.id);
    const [listedBefore] = await filesOf(as.school, storageId);
    expect(listedBefore!.lastDownloadedAt).toBeNull();

    h.clock.set('2026-11-20T08:15:00Z');
    try {
      await as.school.get(`/api/files/${file.id}`);
      // a resumed download: the range from 0 counts, the ranges after it do not
      await as.school.request({ method: 'GET', url: `/api/files/${file.id}`, headers: { range: 'bytes=0-3' } });
      await as.school.request({ method: 'GET', url: `/api/files/${file.id}`, headers: { range: 'bytes=4-' } });
      await as.school.request({ method: 'HEAD', url: `/api/files/${file.id}` });
    } finally {
      h.clock.set(NOW);
    }
    expect(await downloadsOf(w.users.s1.id)).toBe(before + 2);
    const row = await h.db
      .selectFrom('file_downloads')
      .select(['org_id', 'at'])
      .where('file_id', '=', file.id)
      .where('user_id', '=', w.users.s1.id)
      .executeTakeFirstOrThrow();
    expect(row.org_id).toBe(w.s1.id);
    const [listed] = await filesOf(as.school, storageId);
    expect(listed!.lastDownloadedAt).toBe('2026-11-20T08:15:00.000Z');
    // someone else's downloads are not mine
    const [forCoord] = await filesOf(as.region_coordinator, storageId);
    expect(forCoord!.lastDownloadedAt).toBeNull();
  });

  it('the zip records each included file and suffixes repeated names', async () => {
    const { storage } = await publicationWithStorage(h, { title: 'Повторы' });
    const a = await storedFile(h, storage.id, { name: 'отчёт.txt', content: 'первый' });
    const b = await storedFile(h, storage.id, { name: 'Отчёт.txt', content: 'второй' });
    const res = await as.school.get(`/api/storages/${storage.id}/zip`);
    expect(res.statusCode).toBe(200);
    const files = await unzip(res.rawPayload);
    expect([...files.keys()].sort()).toEqual(['Отчёт.txt', 'отчёт (2).txt'].sort());
    expect(new Set([...files.values()].map((v) => v.toString()))).toEqual(new Set(['первый', 'второй']));
    const recorded = await h.db
      .selectFrom('file_downloads')
      .select('file_id')
      .where('user_id', '=', w.users.s1.id)
      .where('file_id', 'in', [a.id, b.id])
      .execute();
    expect(recorded.map((r) => r.file_id).sort()).toEqual([a.id, b.id].sort());
  });
});

describe('zip entry names', () => {
  it('never carries a path, whatever name a row holds', async () => {
    const { storage } = await publicationWithStorage(h, { title: 'Пути' });
    await storedFile(h, storage.id, { name: '../../секрет.txt', content: 'с' });
    await storedFile(h, storage.id, { name: 'C:\\Windows\\win.ini', content: 'w' });
    const files = await unzip((await as.school.get(`/api/storages/${storage.id}/zip`)).rawPayload);
    expect([...files.keys()].sort()).toEqual(['win.ini', 'секрет.txt'].sort());
  });
});

describe('paging', () => {
  it('searches by name, case-insensitively, and pages', async () => {
    const { storage } = await publicationWithStorage(h, { title: 'Много' });
    for (let i = 1; i <= 12; i++) {
      await storedFile(h, storage.id, { name: `Критерии ${String(i).padStart(2, '0')}.txt`, content: `к${i}` });
    }
    await storedFile(h, storage.id, { name: 'Инструкция_100%.txt', content: 'и' });
    const page = async (q: string) => (await as.school.get(`/api/storages/${storage.id}/files${q}`)).json();
    // «Инструкция…» sorts first, so the second page of five starts at «Критерии 05»
    const p2 = await page('?pageSize=5&page=2');
    expect(p2.total).toBe(13);
    expect(p2.items.map((f: { name: string }) => f.name)).toEqual([
      'Критерии 05.txt',
      'Критерии 06.txt',
      'Критерии 07.txt',
      'Критерии 08.txt',
      'Критерии 09.txt',
    ]);
    expect((await page('?q=%D0%BA%D1%80%D0%B8%D1%82%D0%B5%D1%80%D0%B8%D0%B8%2011')).items).toHaveLength(1);
    // % is a character to look for, not a wildcard
    expect((await page('?q=100%25')).items.map((f: { name: string }) => f.name)).toEqual(['Инструкция_100%.txt']);
    expect((await page('?q=0%25')).items).toHaveLength(1);
    expect((await page('?page=9')).total).toBe(13);
    expect((await as.school.get(`/api/storages/${storage.id}/files?pageSize=500`)).statusCode).toBe(400);
  });
});
