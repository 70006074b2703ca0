import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startHarness, type Harness } from './harness.ts';
import { TEST_PASSWORD } from './factories.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('hierarchy', () => {
  it('ships all 89 regions with their zones, Kaliningrad to Kamchatka', async () => {
    const fed = await signedIn(h.app, (await h.factory.federal()).login, TEST_PASSWORD);
    const { regions } = (await fed.get('/api/regions')).json() as { regions: { code: string; timeZone: string }[] };
    expect(regions).toHaveLength(89);
    const zone = (code: string) => regions.find((r) => r.code === code)?.timeZone;
    expect(zone('39')).toBe('Europe/Kaliningrad');
    expect(zone('77')).toBe('Europe/Moscow');
    expect(zone('25')).toBe('Asia/Vladivostok');
    expect(zone('41')).toBe('Asia/Kamchatka');
  });

  it('lets a municipality override its region zone', async () => {
    const reg = await signedIn(h.app, (await h.factory.regionCoordinator('14')).login, TEST_PASSWORD);
    const res = await reg.post('/api/regions/14/municipalities', {
      code: '030',
      name: 'Оймяконский улус',
      timeZone: 'Asia/Vladivostok',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: '030',
      timeZone: 'Asia/Vladivostok',
      timeZoneOverride: 'Asia/Vladivostok',
    });
    const plain = await reg.post('/api/regions/14/municipalities', { code: '031', name: 'Якутск' });
    expect(plain.json().timeZone).toBe('Asia/Yakutsk');
    const dup = await reg.post('/api/regions/14/municipalities', { code: '031', name: 'Якутск' });
    expect(dup.statusCode).toBe(409);
    const badZone = await reg.post('/api/regions/14/municipalities', {
      code: '032',
      name: 'X',
      timeZone: 'Mars/Olympus',
    });
    expect(badZone.statusCode).toBe(400);
  });

  it('refuses an ОО code that does not start with the region code', async () => {
    const m = await h.factory.municipality('39');
    const reg = await signedIn(h.app, (await h.factory.regionCoordinator('39')).login, TEST_PASSWORD);
    const res = await reg.post(`/api/municipalities/${m.id}/orgs`, {
      code: '770001',
      kind: 'school',
      fullName: 'Школа',
      shortName: 'Школа',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/39/);
  });

  it('answers /healthz with the database checked and serves OpenAPI', async () => {
    const health = await h.app.inject({ url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok', database: 'ok' });
    const spec = await h.app.inject({ url: '/api/docs/json' });
    expect(spec.statusCode).toBe(200);
    expect(Object.keys(spec.json().paths)).toContain('/api/auth/login');
  });
});
