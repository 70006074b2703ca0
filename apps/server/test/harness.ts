import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { REGIONS } from '@oko/shared';
import type { Kysely } from 'kysely';
import { buildApp } from '../src/app.ts';
import { FakeClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { DB } from '../src/db/schema.ts';
import { HierarchyRepository } from '../src/hierarchy/hierarchy.repository.ts';
import { openTestDatabase } from './database.ts';
import { Factory } from './factories.ts';

export interface Harness {
  app: FastifyInstance;
  routes: Awaited<ReturnType<typeof buildApp>>['routes'];
  /** jobs do not run by themselves here: a test calls services.jobs.drain() */
  services: Awaited<ReturnType<typeof buildApp>>['services'];
  db: Kysely<DB>;
  clock: FakeClock;
  factory: Factory;
  close(): Promise<void>;
}

/** A real server over a real database, driven through HTTP with inject(). */
export async function startHarness(): Promise<Harness> {
  const database = await openTestDatabase();
  await migrateToLatest(database.db as Kysely<unknown>);
  await new HierarchyRepository(database.db).upsertRegions(REGIONS);
  const clock = new FakeClock(new Date('2026-11-20T06:00:00Z'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oko-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SUPPORT_CONTACT: 'help@oko.test' });
  const { app, routes, services } = await buildApp({
    config,
    db: database.db,
    clock,
    logger: process.env.DBG ? { level: 'error' } : false,
  });
  await app.ready();
  return {
    app,
    routes,
    services,
    db: database.db,
    clock,
    factory: new Factory(database.db),
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in client: keeps the session cookie and sends the CSRF token, as the cabinet does. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(
    private readonly app: FastifyInstance,
    readonly ip = '203.0.113.10',
  ) {}

  async login(login: string, password: string): Promise<LightMyRequestResponse> {
    const res = await this.request({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
    const set = res.cookies.find((c) => c.name === 'oko_session');
    if (res.statusCode === 200 && set) {
      this.cookie = `oko_session=${set.value}`;
      this.csrf = (res.json() as { user: { csrfToken: string } }).user.csrfToken;
    }
    return res;
  }

  request(opts: InjectOptions & { method: string; url: string }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && opts.method !== 'GET') headers['x-csrf-token'] = this.csrf;
    return this.app.inject({ ...opts, headers, remoteAddress: this.ip });
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown) {
    return this.request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) });
  }
}

export async function signedIn(app: FastifyInstance, login: string, password: string): Promise<Client> {
  const c = new Client(app);
  const res = await c.login(login, password);
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
  return c;
}
