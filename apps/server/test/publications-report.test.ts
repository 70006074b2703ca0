import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@oko/shared';
import type { Client, Harness } from './harness.ts';
import type { World } from './world.ts';
import { publicationWithStorage, startPublicationsWorld, storedFile } from './publications-support.ts';

let h: Harness;
let w: World;
let as: Record<Role, Client>;
let s2: Client;

beforeAll(async () => {
  ({ h, w, as, s2 } = await startPublicationsWorld());
});
afterAll(() => h.close());

interface Note {
  id: string;
  title: string;
  file: { name: string; url: string } | null;
  jobId: string | null;
}

async function reportRows(client: Client, storageId: string): Promise<string[][]> {
  const started = await client.post(`/api/storages/${storageId}/report`);
  expect(started.statusCode).toBe(202);
  const { jobId } = started.json() as { jobId: string };
  expect(await h.services.jobs.drain()).toBeGreaterThan(0);
  const job = (await client.get(`/api/jobs/${jobId}`)).json();
  expect(job.status).toBe('done');
  expect(job.done).toBe(job.total);
  const notes = (await client.get('/api/notifications')).json() as { unread: number; items: Note[] };
  const note = notes.items.find((n) => n.jobId === jobId)!;
  expect(note.title).toBe('Отчёт о скачивании файлов готов');
  expect(note.file!.name).toMatch(/\.xlsx$/);
  const file = await client.get(note.file!.url);
  expect(file.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Скачивание файлов')!;
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const values = row.values as unknown[];
    rows.push(Array.from({ length: 7 }, (_, i) => values[i + 1]).map((v) => (v == null ? '' : String(v))));
  });
  return rows;
}

describe('download report', () => {
  it('lists every ОО of the scope × every file meant for it, with first and last download in Moscow time', async () => {
    const { storage } = await publicationWithStorage(h, {
      title: 'ВПР 2026',
      roles: ['school', 'region_coordinator', 'municipal_coordinator'],
    });
    const common = await storedFile(h, storage.id, { name: 'Инструкция.txt', content: 'общая' });
    const own = await storedFile(h, storage.id, {
      name: `${w.users.s1.login}_коды.txt`,
      content: 'коды',
      orgId: w.s1.id,
    });
    await storedFile(h, storage.id, { name: `${w.users.s2.login}_коды.txt`, content: 'коды 2', orgId: w.s2.id });
    const injected = await storedFile(h, storage.id, { name: '=HYPERLINK("http://x")', content: 'формула' });

    // school 1 downloads the common file twice and its own once; school 2 nothing but the zip
    h.clock.set('2026-11-20T07:05:00Z');
    expect((await as.school.get(`/api/files/${common.id}`)).statusCode).toBe(200);
    h.clock.set('2026-11-20T09:40:00Z');
    expect((await as.school.get(`/api/files/${common.id}`)).statusCode).toBe(200);
    expect((await as.school.get(`/api/files/${own.id}`)).statusCode).toBe(200);
    h.clock.set('2026-11-20T10:00:00Z');
    expect((await s2.get(`/api/storages/${storage.id}/zip`)).statusCode).toBe(200);
    // a coordinator's own downloads are not an ОО's
    expect((await as.region_coordinator.get(`/api/files/${common.id}`)).statusCode).toBe(200);
    h.clock.set('2026-11-20T10:30:00Z');

    const rows = await reportRows(as.region_coordinator, storage.id);
    expect(rows[0]).toEqual([
      'Логин',
      'ОО',
      'Муниципалитет',
      'Файл',
      'Скачан',
      'Первое скачивание (МСК)',
      'Последнее скачивание (МСК)',
    ]);
    const body = rows.slice(1);
    const s1 = w.users.s1.login;
    const s2login = w.users.s2.login;
    const row = (login: string, file: string) => body.find((r) => r[0] === login && r[3] === file);
    // two schools of region 39 (the college and the other region are not the ВПР coordinator's)
    expect(new Set(body.map((r) => r[0]))).toEqual(new Set([s1, s2login]));
    expect(body).toHaveLength(6);
    expect(row(s1, 'Инструкция.txt')).toEqual([
      s1,
      'Наша школа 1',
      'Наш муниципалитет А',
      'Инструкция.txt',
      'да',
      '20.11.2026 10:05',
      '20.11.2026 12:40',
    ]);
    expect(row(s1, `${s1}_коды.txt`)!.slice(4)).toEqual(['да', '20.11.2026 12:40', '20.11.2026 12:40']);
    expect(row(s1, `${s2login}_коды.txt`)).toBeUndefined();
    expect(row(s2login, `${s2login}_коды.txt`)!.slice(4)).toEqual(['да', '20.11.2026 13:00', '20.11.2026 13:00']);
    expect(row(s2login, `${s1}_коды.txt`)).toBeUndefined();
    // the formula-looking name comes back as plain text (a formula cell would read as an object)
    const formula = row(s1, `'${injected.name}`)!;
    expect(formula.slice(4)).toEqual(['нет', '', '']);

    // a municipal coordinator gets its own municipality only
    const mun = await reportRows(as.municipal_coordinator, storage.id);
    expect(new Set(mun.slice(1).map((r) => r[0]))).toEqual(new Set([s1]));
  });

  it('is refused to ОО and for storages out of reach', async () => {
    expect((await as.school.post(`/api/storages/${w.platform.storage.id}/report`)).statusCode).toBe(403);
    expect((await as.region_coordinator.post(`/api/storages/${w.platform.storageF.id}/report`)).statusCode).toBe(404);
  });
});
