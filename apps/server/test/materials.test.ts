import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from './factories.ts';
import { signedIn, startHarness, type Client, type Harness } from './harness.ts';
import { materialsCampaign, schedule, TEST_DATE, unzip } from './materials-support.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const has7z = (() => {
  try {
    execFileSync('7z', ['i'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

async function school(municipality: { id: string; region_code: string; code: string }) {
  const org = await h.factory.org({ municipalityId: municipality.id, regionCode: municipality.region_code });
  const user = await h.factory.orgAccount(org);
  // sessions end after 12 hours of the clock: each step of a walk through days signs in afresh
  return { org, user, client: () => signedIn(h.app, user.login, TEST_PASSWORD) };
}

describe('materials of the encrypted group', () => {
  let fedLogin: string;
  const federal = () => signedIn(h.app, fedLogin, TEST_PASSWORD);
  let ids: Awaited<ReturnType<typeof materialsCampaign>>;
  let a: Awaited<ReturnType<typeof school>>;
  let b: Awaited<ReturnType<typeof school>>;

  beforeAll(async () => {
    fedLogin = (await h.factory.federal()).login;
    h.clock.set('2026-12-01T06:00:00Z');
    const fed = await federal();
    // Krasnoyarsk (UTC+7): 07:30 local is 00:30 UTC, 14:00 Moscow is 11:00 UTC
    const krsk = await h.factory.municipality('39', { timeZone: 'Asia/Krasnoyarsk' });
    a = await school(krsk);
    b = await school(krsk);
    ids = await materialsCampaign(h, { group: 'encrypted', variants: 2 });
    await schedule(h, ids.campaign.id, ids.subject.id, [a.org.id, b.org.id]);
    const started = await fed.post(`/api/campaigns/${ids.campaign.id}/subjects/${ids.subject.id}/materials`);
    expect(started.statusCode).toBe(202);
    expect(await h.services.jobs.drain()).toBe(1);
    const job = (await fed.get(`/api/jobs/${started.json().jobId}`)).json();
    expect(job).toMatchObject({ status: 'done', done: 2, total: 2 });
  });

  const progressOf = async (c: Client) => (await c.get(`/api/campaigns/${ids.campaign.id}/progress`)).json();

  it('shows the archive as coming, with its moment, and serves nothing before 00:00 local three days ahead', async () => {
    // 2026-12-06 23:59:59 in Krasnoyarsk = 16:59:59 UTC
    h.clock.set('2026-12-06T16:59:59Z');
    const before = await progressOf(await a.client());
    const entry = before.entries[0];
    expect(entry.archive).toMatchObject({ generated: true, available: false, fileId: null, name: null });
    expect(entry.archive.availableAt).toBe('2026-12-06T17:00:00.000Z');
    expect(entry.gates.passwordFrom).toBe('2026-12-10T00:30:00.000Z');
    expect(entry.gates.criteriaFrom).toBe('2026-12-10T11:00:00.000Z');
    const row = await h.db
      .selectFrom('materials')
      .select(['archive_file_id', 'criteria_file_id'])
      .where('org_id', '=', a.org.id)
      .executeTakeFirstOrThrow();
    // a guessed URL and the storage list hold the same gate as the page
    expect((await (await a.client()).get(`/api/files/${row.archive_file_id}`)).statusCode).toBe(404);
    const pub = before.publicationId as string;
    const storages = (await (await a.client()).get(`/api/publications?section=vpr`)).json();
    expect(JSON.stringify(storages)).not.toContain('.zip');
    expect(pub).toBeTruthy();

    h.clock.set('2026-12-06T17:00:00Z');
    const after = await progressOf(await a.client());
    expect(after.entries[0].archive).toMatchObject({ available: true, fileId: row.archive_file_id });
    const archive = await (await a.client()).get(`/api/files/${row.archive_file_id}`);
    expect(archive.statusCode).toBe(200);
    expect(archive.headers['content-type']).toBe('application/zip');
    // without the password nothing inside can be read
    await expect(unzip(archive.rawPayload, 'не-тот-шифр')).rejects.toThrow();
    // the other school of the same municipality never gets this school's archive
    expect((await (await b.client()).get(`/api/files/${row.archive_file_id}`)).statusCode).toBe(404);
    expect((await progressOf(await a.client())).entries[0].archive.downloadedAt).toBe('2026-12-06T17:00:00.000Z');
  });

  it('keeps the password back until 07:30:00 local on the test day, then it opens the archive', async () => {
    const url = `/api/vpr/materials/${ids.subject.id}/password`;
    h.clock.set('2026-12-10T00:29:59Z');
    const early = await (await a.client()).get(url);
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('NOT_YET_OPEN');
    expect(early.json().error.message).toBe('Шифр откроется 10.12.2026 07:30 по местному времени (03:30 МСК)');
    expect((await progressOf(await a.client())).entries[0].password).toEqual({
      applies: true,
      available: false,
      openedAt: null,
    });

    h.clock.set('2026-12-10T00:30:00Z');
    const open = await (await a.client()).get(url);
    expect(open.statusCode).toBe(200);
    expect(open.headers['cache-control']).toBe('private, no-store');
    const { password } = open.json();
    expect(password).toMatch(/^[A-Za-z2-9]{16}$/);
    // no earlier answer carried it
    expect(early.body).not.toContain(password);

    const row = await h.db
      .selectFrom('materials')
      .select(['archive_file_id', 'password_sealed'])
      .where('org_id', '=', a.org.id)
      .executeTakeFirstOrThrow();
    expect(row.password_sealed).not.toContain(password);
    const zip = (await (await a.client()).get(`/api/files/${row.archive_file_id}`)).rawPayload;
    const files = await unzip(zip, password);
    expect([...files.keys()].sort()).toEqual(['Вариант 1.pdf', 'Вариант 2.pdf']);
    for (const pdf of files.values()) expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (has7z) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oko-7z-'));
      try {
        fs.writeFileSync(path.join(dir, 'a.zip'), zip);
        execFileSync('7z', ['x', `-p${password}`, `-o${dir}/out`, path.join(dir, 'a.zip')], { stdio: 'ignore' });
        expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual(['Вариант 1.pdf', 'Вариант 2.pdf']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    // the second school's password is its own and opens only its own archive
    const other = (await (await b.client()).get(url)).json().password;
    expect(other).not.toBe(password);
    await expect(unzip(zip, other)).rejects.toThrow();
    expect((await progressOf(await a.client())).entries[0].password.openedAt).toBe('2026-12-10T00:30:00.000Z');
  });

  it('opens the criteria after 14:00 Moscow time, not a second before', async () => {
    const row = await h.db
      .selectFrom('materials')
      .select('criteria_file_id')
      .where('org_id', '=', a.org.id)
      .executeTakeFirstOrThrow();
    h.clock.set('2026-12-10T10:59:59Z');
    expect((await (await a.client()).get(`/api/files/${row.criteria_file_id}`)).statusCode).toBe(404);
    expect((await progressOf(await a.client())).entries[0].criteria.fileId).toBeNull();
    h.clock.set('2026-12-10T11:00:00Z');
    const res = await (await a.client()).get(`/api/files/${row.criteria_file_id}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('gives different schools different variants from the same bank, and the same ones on a re-run', async () => {
    const rows = await h.db.selectFrom('materials').select(['org_id', 'variants']).execute();
    const [va, vb] = [a, b].map((s) => rows.find((r) => r.org_id === s.org.id)!.variants);
    expect(va).toHaveLength(2);
    expect(va).not.toEqual(vb);
    // a second generation finds nothing left to do and changes nothing
    const again = await (
      await federal()
    ).post(`/api/campaigns/${ids.campaign.id}/subjects/${ids.subject.id}/materials`);
    expect(again.json().message).toBe('Материалы всех ОО уже сформированы');
    await h.services.jobs.drain();
    expect(await h.db.selectFrom('materials').select('org_id').execute()).toHaveLength(rows.length);
  });

  it('is refused to other schools, coordinators and for a subject outside the school’s schedule', async () => {
    const outsider = await school(await h.factory.municipality('39'));
    expect((await (await outsider.client()).get(`/api/vpr/materials/${ids.subject.id}/password`)).statusCode).toBe(404);
    const reg = await signedIn(h.app, (await h.factory.regionCoordinator('39')).login, TEST_PASSWORD);
    expect((await reg.get(`/api/vpr/materials/${ids.subject.id}/password`)).statusCode).toBe(403);
  });
});

describe('materials of the open group', () => {
  it('come four days ahead at 00:00 local with the criteria inside, without a password', async () => {
    h.clock.set('2026-12-01T06:00:00Z');
    const fed = await signedIn(h.app, (await h.factory.federal()).login, TEST_PASSWORD);
    const vlad = await h.factory.municipality('39', { timeZone: 'Asia/Vladivostok' });
    const s = await school(vlad);
    const ids = await materialsCampaign(h, { group: 'open', variants: 2 });
    await schedule(h, ids.campaign.id, ids.subject.id, [s.org.id]);
    await fed.post(`/api/campaigns/${ids.campaign.id}/subjects/${ids.subject.id}/materials`);
    await h.services.jobs.drain();
    // 2026-12-06 00:00 in Vladivostok (UTC+10) = 2026-12-05 14:00 UTC
    h.clock.set('2026-12-05T13:59:59Z');
    let entry = (await (await s.client()).get(`/api/campaigns/${ids.campaign.id}/progress`)).json().entries[0];
    expect(entry.archive.available).toBe(false);
    h.clock.set('2026-12-05T14:00:00Z');
    entry = (await (await s.client()).get(`/api/campaigns/${ids.campaign.id}/progress`)).json().entries[0];
    expect(entry.archive.available).toBe(true);
    expect(entry.criteria.available).toBe(true);
    expect(entry.password).toEqual({ applies: false, available: false, openedAt: null });
    const files = await unzip((await (await s.client()).get(`/api/files/${entry.archive.fileId}`)).rawPayload);
    expect([...files.keys()].sort()).toEqual(['Вариант 1.pdf', 'Вариант 2.pdf', 'Критерии оценивания.pdf']);
    expect((await (await s.client()).get(`/api/vpr/materials/${ids.subject.id}/password`)).statusCode).toBe(404);
    expect(TEST_DATE).toBe('2026-12-10');
  });

  it('is not started without a complete bank, and says which positions are empty', async () => {
    const fed = await signedIn(h.app, (await h.factory.federal()).login, TEST_PASSWORD);
    const ids = await materialsCampaign(h, { group: 'open', code: 'ОМ' });
    await h.db.deleteFrom('bank_items').where('subject_id', '=', ids.subject.id).where('position', '=', 3).execute();
    const res = await fed.post(`/api/campaigns/${ids.campaign.id}/subjects/${ids.subject.id}/materials`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('позиций: 3');
  });
});
