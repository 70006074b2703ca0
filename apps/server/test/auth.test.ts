import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signedIn, startHarness, type Harness } from './harness.ts';
import { TEST_PASSWORD } from './factories.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('login and the session', () => {
  it('signs in with JSON {login, password} and names the login, role and organization in /api/me', async () => {
    const org = await h.factory.org({ name: 'Гимназия № 1' });
    const user = await h.factory.orgAccount(org);
    const c = new Client(h.app);
    expect((await c.get('/api/me')).statusCode).toBe(401);
    const res = await c.login(user.login, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((x) => x.name === 'oko_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = (await c.get('/api/me')).json();
    expect(me).toMatchObject({
      login: user.login,
      role: 'school',
      organization: { level: 'org', name: 'Гимназия № 1', regionCode: '39', timeZone: 'Europe/Kaliningrad' },
    });
  });

  it('treats login and password as case-sensitive and answers a wrong pair with 401 and the support contact', async () => {
    const user = await h.factory.orgAccount();
    const c = new Client(h.app, '198.51.100.1');
    for (const [login, password] of [
      [user.login.toUpperCase(), TEST_PASSWORD],
      [user.login, TEST_PASSWORD.toLowerCase()],
      ['sch999999', TEST_PASSWORD],
    ] as const) {
      const res = await c.login(login, password);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toMatch(/Неверный логин или пароль/);
      expect(res.json().error.message).toContain('help@oko.test');
    }
  });

  it('ends the session on logout: the cookie no longer works', async () => {
    const user = await h.factory.orgAccount();
    const c = await signedIn(h.app, user.login, TEST_PASSWORD);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token or from another site', async () => {
    const user = await h.factory.orgAccount();
    const c = await signedIn(h.app, user.login, TEST_PASSWORD);
    const token = c.csrf;
    c.csrf = null;
    const noToken = await c.post('/api/auth/logout');
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF');
    c.csrf = token;
    const crossSite = await c.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect((await c.get('/api/me')).statusCode).toBe(200); // still signed in: nothing happened
  });

  it('expires a session after its lifetime', async () => {
    const user = await h.factory.orgAccount();
    const c = await signedIn(h.app, user.login, TEST_PASSWORD);
    h.clock.advance(13 * 3600_000);
    expect((await c.get('/api/me')).statusCode).toBe(401);
    h.clock.advance(-13 * 3600_000);
  });
});

describe('throttling', () => {
  it('slows a login down after 5 failures and locks it after 10, with a Russian message', async () => {
    const user = await h.factory.orgAccount();
    const c = new Client(h.app, '198.51.100.20');
    for (let i = 0; i < 5; i++) expect((await c.login(user.login, 'wrong')).statusCode).toBe(401);
    const slowed = await c.login(user.login, TEST_PASSWORD);
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json().error.message).toMatch(/Повторите через \d+ с/);
    for (let i = 0; i < 5; i++) {
      h.clock.advance(61_000);
      expect((await c.login(user.login, 'wrong')).statusCode).toBe(401);
    }
    h.clock.advance(61_000);
    const locked = await c.login(user.login, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(/заблокирован/);
    h.clock.advance(16 * 60_000);
    expect((await c.login(user.login, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('counts failures per IP across logins', async () => {
    const c = new Client(h.app, '198.51.100.30');
    for (let i = 0; i < 30; i++) expect((await c.login(`sch39${String(9000 + i)}`, 'x')).statusCode).toBe(401);
    const res = await c.login('sch390000', 'x');
    expect(res.statusCode).toBe(429);
    h.clock.advance(20 * 60_000);
  });
});

describe('password change and the audit trail', () => {
  it('forces an issued password to be changed before anything else, and ends the other sessions', async () => {
    const org = await h.factory.org();
    const user = await h.factory.orgAccount(org, true);
    const first = await signedIn(h.app, user.login, TEST_PASSWORD);
    const second = await signedIn(h.app, user.login, TEST_PASSWORD);
    expect((await first.get('/api/me')).json().mustChangePassword).toBe(true);
    const blocked = await first.get(`/api/orgs/${org.id}`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const wrong = await first.post('/api/me/password', { currentPassword: 'nope', newPassword: 'Brand-new-pass-1' });
    expect(wrong.statusCode).toBe(400);
    const weak = await first.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'aaaaaaaaaaaa' });
    expect(weak.statusCode).toBe(400);
    expect(
      (await first.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-pass-1' }))
        .statusCode,
    ).toBe(204);

    expect((await first.get(`/api/orgs/${org.id}`)).statusCode).toBe(200);
    expect((await second.get('/api/me')).statusCode).toBe(401);
    expect((await new Client(h.app).login(user.login, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await new Client(h.app).login(user.login, 'Brand-new-pass-1')).statusCode).toBe(200);
  });

  it('shows an account its own login history and sessions, and lets it end one', async () => {
    const user = await h.factory.orgAccount();
    await new Client(h.app, '192.0.2.50').login(user.login, 'bad-password');
    const a = await signedIn(h.app, user.login, TEST_PASSWORD);
    const b = await signedIn(h.app, user.login, TEST_PASSWORD);
    const history = (await a.get('/api/me/history')).json().events as { event: string; ip: string }[];
    expect(history.map((e) => e.event)).toEqual(['login.success', 'login.success', 'login.failure']);
    expect(history[2]!.ip).toBe('192.0.2.50');

    const sessions = (await a.get('/api/me/sessions')).json().sessions as { id: string; current: boolean }[];
    expect(sessions).toHaveLength(2);
    const other = sessions.find((s) => !s.current)!;
    expect((await a.request({ method: 'DELETE', url: `/api/me/sessions/${other.id}` })).statusCode).toBe(204);
    expect((await b.get('/api/me')).statusCode).toBe(401);
    expect((await a.get('/api/me/history')).json().events[0].event).toBe('session.ended');
  });
});
