import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startHarness, type Client, type Harness } from './harness.ts';
import { TEST_PASSWORD } from './factories.ts';

let h: Harness;
let reg: Client;
beforeAll(async () => {
  h = await startHarness();
  reg = await signedIn(h.app, (await h.factory.regionCoordinator('39')).login, TEST_PASSWORD);
});
afterAll(() => h.close());

const russian = (msg: string) => expect(msg).toMatch(/[А-Яа-яЁё]/);

describe('bad input answers 400 in Russian and changes nothing', () => {
  it('malformed JSON', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"login": "a",',
    });
    expect(res.statusCode).toBe(400);
    russian(res.json().error.message);
  });

  it('wrong types and unknown fields name the field', async () => {
    const wrongType = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 42, password: 'x' },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.message).toContain('login');
    russian(wrongType.json().error.message);
    const unknown = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'a', password: 'b', admin: true },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/Лишние поля: admin/);
  });

  it('oversized bodies and other media types', async () => {
    const big = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'a', password: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(big.statusCode).toBe(400);
    russian(big.json().error.message);
    const form = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'login=a&password=b',
    });
    expect(form.statusCode).toBe(400);
    russian(form.json().error.message);
  });

  it('unknown route is a 404 JSON', async () => {
    const res = await h.app.inject({ url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('a bad id in the path is a 400, and a rejected create writes nothing', async () => {
    expect((await reg.get('/api/orgs/not-a-uuid')).statusCode).toBe(400);
    const before = await h.db.selectFrom('municipalities').select('id').execute();
    const res = await reg.post('/api/regions/39/municipalities', { code: '12', name: '' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body.code', 'body.name']);
    expect(await h.db.selectFrom('municipalities').select('id').execute()).toEqual(before);
  });
});
