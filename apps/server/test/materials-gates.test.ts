import { addDays, wallClockToInstant } from '@oko/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from './factories.ts';
import { signedIn, startHarness, type Client, type Harness } from './harness.ts';
import { materialsCampaign, RUSSIAN_ZONES, schedule, TEST_DATE } from './materials-support.ts';

/**
 * The clock walks through all eleven Russian time zones, one second before and at each opening
 * moment, and every school is asked at every instant: nothing opens early, everything opens on time.
 */
let h: Harness;
let ids: Awaited<ReturnType<typeof materialsCampaign>>;
const schools: { zone: string; offset: number; orgId: string; login: string; archive: string; criteria: string }[] = [];

beforeAll(async () => {
  h = await startHarness();
  ids = await materialsCampaign(h, { group: 'encrypted', tasks: 2, itemsPerTask: 2, variants: 1 });
  for (const [zone, offset] of RUSSIAN_ZONES) {
    const m = await h.factory.municipality('39', { timeZone: zone });
    const org = await h.factory.org({ municipalityId: m.id, regionCode: '39' });
    const user = await h.factory.orgAccount(org);
    schools.push({ zone, offset, orgId: org.id, login: user.login, archive: '', criteria: '' });
  }
  await schedule(
    h,
    ids.campaign.id,
    ids.subject.id,
    schools.map((s) => s.orgId),
  );
  h.clock.set('2026-12-01T00:00:00Z');
  const fed = await signedIn(h.app, (await h.factory.federal()).login, TEST_PASSWORD);
  expect((await fed.post(`/api/campaigns/${ids.campaign.id}/subjects/${ids.subject.id}/materials`)).statusCode).toBe(
    202,
  );
  await h.services.jobs.drain();
  const rows = await h.db.selectFrom('materials').select(['org_id', 'archive_file_id', 'criteria_file_id']).execute();
  for (const s of schools) {
    const r = rows.find((x) => x.org_id === s.orgId)!;
    s.archive = r.archive_file_id;
    s.criteria = r.criteria_file_id;
  }
});
afterAll(() => h.close());

async function clientsAt(at: Date): Promise<Client[]> {
  h.clock.set(at);
  return Promise.all(schools.map((s) => signedIn(h.app, s.login, TEST_PASSWORD)));
}

/** Each school's answer at one instant, against the rule computed for its own zone. */
async function expectAt(at: Date, clients: Client[], ask: (c: Client, i: number) => Promise<number>, opens: Date[]) {
  h.clock.set(at);
  const got = await Promise.all(clients.map(ask));
  const want = opens.map((o) => at.getTime() >= o.getTime());
  expect(
    got.map((status) => status === 200),
    `at ${at.toISOString()}`,
  ).toEqual(want);
}

describe('time gates in all eleven zones', () => {
  it('the password opens at 07:30:00 local in each zone and not at 07:29:59', async () => {
    const opens = schools.map((s) => wallClockToInstant(TEST_DATE, '07:30', s.zone));
    // every moment is exactly 07:30 local minus the zone's offset
    schools.forEach((s, i) =>
      expect(opens[i]!.toISOString()).toBe(new Date(Date.UTC(2026, 11, 10, 7 - s.offset, 30)).toISOString()),
    );
    const clients = await clientsAt(new Date(Math.min(...opens.map((o) => o.getTime())) - 60_000));
    const refused: string[] = [];
    const ask = async (c: Client) => {
      const res = await c.get(`/api/vpr/materials/${ids.subject.id}/password`);
      if (res.statusCode !== 200) refused.push(res.body);
      return res.statusCode;
    };
    let checked = 0;
    for (const open of opens) {
      for (const at of [new Date(open.getTime() - 1000), open]) {
        await expectAt(at, clients, ask, opens);
        checked++;
      }
    }
    expect(checked).toBe(22);
    // before its moment a school was told only when: no refusal carried any school's password
    h.clock.set('2026-12-10T06:00:00Z');
    const passwords = await Promise.all(
      clients.map(async (c) => (await c.get(`/api/vpr/materials/${ids.subject.id}/password`)).json().password),
    );
    expect(new Set(passwords).size).toBe(schools.length);
    expect(refused.length).toBeGreaterThan(100);
    for (const body of refused) {
      expect(body).toContain('NOT_YET_OPEN');
      for (const p of passwords) expect(body).not.toContain(p);
    }
  });

  it('the archive opens at 00:00 local three days ahead in each zone, on the file route and the list', async () => {
    const day = addDays(TEST_DATE, -3);
    const opens = schools.map((s) => wallClockToInstant(day, '00:00', s.zone));
    const clients = await clientsAt(new Date(Math.min(...opens.map((o) => o.getTime())) - 60_000));
    const ask = async (c: Client, i: number) => (await c.get(`/api/files/${schools[i]!.archive}`)).statusCode;
    for (const open of opens) {
      for (const at of [new Date(open.getTime() - 1000), open]) await expectAt(at, clients, ask, opens);
    }
    // the «Ход ВПР» page agrees with the file route at the same instant
    const page = async (c: Client) =>
      (await c.get(`/api/campaigns/${ids.campaign.id}/progress`)).json().entries[0].archive.available ? 200 : 404;
    for (const open of [opens[0]!, opens[opens.length - 1]!]) {
      for (const at of [new Date(open.getTime() - 1000), open]) await expectAt(at, clients, page, opens);
    }
  });

  it('the criteria open at 14:00:00 Moscow time everywhere, whatever the local time', async () => {
    const open = new Date('2026-12-10T11:00:00Z');
    const opens = schools.map(() => open);
    const clients = await clientsAt(new Date(open.getTime() - 60_000));
    const ask = async (c: Client, i: number) => (await c.get(`/api/files/${schools[i]!.criteria}`)).statusCode;
    await expectAt(new Date(open.getTime() - 1000), clients, ask, opens);
    await expectAt(open, clients, ask, opens);
  });

  it('«Скачать всё» of the subject storage holds the same gates as single downloads', async () => {
    const storage = await h.db
      .selectFrom('subjects')
      .select('storage_id')
      .where('id', '=', ids.subject.id)
      .executeTakeFirstOrThrow();
    const kaliningrad = schools[0]!;
    const open = wallClockToInstant(addDays(TEST_DATE, -3), '00:00', kaliningrad.zone);
    const [c] = await clientsAt(new Date(open.getTime() - 1000));
    const before = await c!.get(`/api/storages/${storage.storage_id}/zip`);
    expect(before.rawPayload.includes(Buffer.from('.zip'))).toBe(false);
    h.clock.set(open);
    const after = await c!.get(`/api/storages/${storage.storage_id}/zip`);
    expect(after.statusCode).toBe(200);
    expect(after.rawPayload.includes(Buffer.from(`_${kaliningrad.login}.zip`))).toBe(true);
    // only its own archive: no other school's name is inside
    for (const s of schools.slice(1)) expect(after.rawPayload.includes(Buffer.from(`_${s.login}.zip`))).toBe(false);
  });
});
