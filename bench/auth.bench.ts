// Figures 1–2: authenticated GET /api/me against a bare route on the same server, and login
// throughput against raw argon2 verify in this process.
import { verify } from '@node-rs/argon2';
import { municipalCoordinatorLogin, orgLogin, regionCoordinatorLogin, spoCoordinatorLogin } from '@oko/shared';
import { hashPassword } from '../apps/server/src/auth/passwords.ts';
import { DEMO_REGIONS } from '../apps/server/src/demo/demo-country.data.ts';
import { DEMO_ADMIN_LOGIN, DEMO_PASSWORDS } from '../apps/server/src/demo/demo-passwords.ts';
import { httpRequest, loadHttp, runLoops, type LoopStats } from './lib/load.ts';
import type { RunningServer } from './lib/server.ts';

export interface DemoAccount {
  login: string;
  password: string;
}

/** Demo accounts of every role, taken from the seed data; round-robin spreads logins over them. */
export function demoAccounts(max = 24): DemoAccount[] {
  const accounts: DemoAccount[] = [{ login: DEMO_ADMIN_LOGIN, password: DEMO_PASSWORDS.federal_admin }];
  for (const region of DEMO_REGIONS) {
    accounts.push({ login: regionCoordinatorLogin(region.code), password: DEMO_PASSWORDS.region_coordinator });
    accounts.push({ login: spoCoordinatorLogin(region.code), password: DEMO_PASSWORDS.spo_region_coordinator });
    for (const m of region.municipalities) {
      if (!m.withoutCoordinator) {
        accounts.push({
          login: municipalCoordinatorLogin(region.code, m.code),
          password: DEMO_PASSWORDS.municipal_coordinator,
        });
      }
      for (const o of m.orgs) {
        if (o.status === 'closed' || o.withoutAccount) continue;
        accounts.push({ login: orgLogin(o.kind, `${region.code}${o.number}`), password: DEMO_PASSWORDS[o.kind] });
      }
    }
  }
  // take every k-th so that all roles and regions are represented
  const step = Math.max(1, Math.floor(accounts.length / max));
  return accounts.filter((_, i) => i % step === 0).slice(0, max);
}

const loginBody = (a: DemoAccount) => JSON.stringify({ login: a.login, password: a.password });

/** Logs in once and returns the session cookie ("oko_session=…") for authenticated requests. */
export async function sessionCookie(port: number, account: DemoAccount): Promise<string> {
  const res = await httpRequest(
    port,
    { method: 'POST', path: '/api/auth/login', body: loginBody(account) },
    { keepBody: true },
  );
  if (res.status !== 200) throw new Error(`вход ${account.login} не удался: ${res.status} ${res.body}`);
  const setCookie = res.headers['set-cookie'] ?? [];
  const pair = setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('oko_session='));
  if (!pair) throw new Error(`вход ${account.login}: нет cookie oko_session в ответе`);
  return pair;
}

export interface RouteFigures {
  bare: LoopStats;
  me: LoopStats;
  healthz: LoopStats;
  /** me req/s ÷ bare req/s. */
  meOverBare: number;
}

export async function benchRoutes(
  server: RunningServer,
  opts: { connections: number; durationMs: number; warmupMs: number },
): Promise<RouteFigures> {
  const { port } = server;
  const cookie = await sessionCookie(port, { login: 'sch390001', password: DEMO_PASSWORDS.school });

  // sanity: the routes answer what we expect before we measure them
  const check = await httpRequest(port, { method: 'GET', path: '/api/me', headers: { cookie } }, { keepBody: true });
  if (check.status !== 200 || !check.body.includes('"sch390001"'))
    throw new Error(`GET /api/me: ${check.status} ${check.body}`);
  const anon = await httpRequest(port, { method: 'GET', path: '/api/me' });
  if (anon.status !== 401) throw new Error(`GET /api/me без cookie: ожидался 401, получен ${anon.status}`);

  const load = { concurrency: opts.connections, durationMs: opts.durationMs, warmupMs: opts.warmupMs };
  const bare = await loadHttp(port, () => ({ method: 'GET', path: '/api/me' }), { ...load, expectStatus: 401 });
  const me = await loadHttp(port, () => ({ method: 'GET', path: '/api/me', headers: { cookie } }), {
    ...load,
    expectStatus: 200,
  });
  const healthz = await loadHttp(port, () => ({ method: 'GET', path: '/healthz' }), { ...load, expectStatus: 200 });
  return { bare, me, healthz, meOverBare: me.perSecond / bare.perSecond };
}

export interface LoginFigures {
  login: LoopStats;
  verify: LoopStats;
  accounts: number;
  /** logins/s ÷ verifies/s. */
  loginOverVerify: number;
}

export async function benchLogin(
  server: RunningServer,
  opts: { concurrency: number; durationMs: number; warmupMs: number },
): Promise<LoginFigures> {
  const accounts = demoAccounts();
  const load = { concurrency: opts.concurrency, durationMs: opts.durationMs, warmupMs: opts.warmupMs };

  // only correct passwords: successful logins are not throttled, failed ones would be
  let i = 0;
  const login = await loadHttp(
    server.port,
    () => ({ method: 'POST', path: '/api/auth/login', body: loginBody(accounts[i++ % accounts.length]!) }),
    { ...load, expectStatus: 200 },
  );

  // the same hash parameters as the server (its own hashPassword), one hash per demo password
  const passwords = [...new Set(accounts.map((a) => a.password))];
  const hashes = await Promise.all(passwords.map(async (p) => ({ password: p, hash: await hashPassword(p) })));
  let j = 0;
  const verifyStats = await runLoops(() => {
    const h = hashes[j++ % hashes.length]!;
    return verify(h.hash, h.password);
  }, load);

  return {
    login,
    verify: verifyStats,
    accounts: accounts.length,
    loginOverVerify: login.perSecond / verifyStats.perSecond,
  };
}
