import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, roleHas, type Role } from '@oko/shared';
import type { RouteOptions } from 'fastify';
import { SCOPE_KINDS, type ScopeKind } from '../src/access/scope.repository.ts';
import { Client, startHarness, type Harness } from './harness.ts';
import { ACTORS, buildWorld, foreignIds, signInAll, type World } from './world.ts';

/**
 * Every registered route, every role, and ids outside the caller's scope: no session → 401,
 * a role without the route's permission → 403, an id outside the scope → 403 or 404.
 * The list of routes comes from the server itself, so a new route is covered the day it is added.
 */
let h: Harness;
let w: World;
let clients: Record<Role, Client>;
let routes: RouteOptions[];

const methodsOf = (r: RouteOptions) => (Array.isArray(r.method) ? r.method : [r.method]).filter((m) => m !== 'HEAD');
const fill = (url: string, params: Record<string, string>) =>
  url.replace(/:(\w+)/g, (_, name: string) => params[name] ?? '00000000-0000-4000-8000-0000000000ff');

beforeAll(async () => {
  h = await startHarness();
  w = await buildWorld(h);
  clients = await signInAll(h, w);
  routes = h.routes.filter((r) => methodsOf(r).length > 0);
});
afterAll(() => h.close());

describe('route × role × scope', () => {
  it('knows the routes of every feature', () => {
    const urls = routes.map((r) => r.url);
    for (const u of ['/api/me', '/api/auth/login', '/api/regions', '/api/orgs/:orgId', '/api/accounts/bulk-issue']) {
      expect(urls).toContain(u);
    }
    for (const r of routes) expect(r.config?.access, `${r.url} declares access`).toBeTruthy();
  });

  it('declares the scope kind of every id in every non-public path', () => {
    for (const r of routes) {
      if (r.config?.access === 'public') continue;
      const params = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      expect(Object.keys(r.config?.scope ?? {}).sort(), `${r.url}`).toEqual(params.sort());
    }
  });

  it('answers 401 without a session on every non-public route', async () => {
    const anonymous = new Client(h.app);
    let checked = 0;
    for (const r of routes) {
      if (r.config?.access === 'public') continue;
      for (const method of methodsOf(r)) {
        const res = await anonymous.request({ method, url: fill(r.url, {}), payload: r.config?.exampleBody as object });
        expect(res.statusCode, `${method} ${r.url}`).toBe(401);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('answers 403 to every role that lacks the route permission', async () => {
    let checked = 0;
    for (const r of routes) {
      const access = r.config?.access;
      if (!access || access === 'public' || access === 'authenticated') continue;
      for (const role of ROLES) {
        if (roleHas(role, access)) continue;
        for (const method of methodsOf(r)) {
          const res = await clients[role].request({
            method,
            url: fill(r.url, {}),
            payload: r.config?.exampleBody as object,
          });
          expect(res.statusCode, `${role} ${method} ${r.url}`).toBe(403);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('answers 403 or 404 for an id outside the caller scope, in the path and in the body', async () => {
    let checked = 0;
    for (const role of ROLES) {
      const foreign = await foreignIds(h, w, role);
      for (const r of routes) {
        const access = r.config?.access;
        if (!access || access === 'public') continue;
        if (access !== 'authenticated' && !roleHas(role, access)) continue; // covered above
        const scoped: [string, ScopeKind, 'path' | 'body'][] = [
          ...Object.entries(r.config?.scope ?? {}).map(([k, v]) => [k, v, 'path'] as [string, ScopeKind, 'path']),
          ...Object.entries(r.config?.bodyScope ?? {}).map(([k, v]) => [k, v, 'body'] as [string, ScopeKind, 'body']),
        ];
        for (const [key, kind, where] of scoped) {
          expect(SCOPE_KINDS).toContain(kind);
          // a campaign is national: no campaign lies outside anyone's scope, so there is nothing to refuse
          if (kind === 'campaign') continue;
          if (kind === 'subject' && role !== 'school' && role !== 'college') continue;
          const params = Object.fromEntries(Object.entries(r.config?.scope ?? {}).map(([k, v]) => [k, foreign[v]]));
          const body =
            where === 'body'
              ? { ...(r.config?.exampleBody as object), [key]: [foreign[kind]] }
              : (r.config?.exampleBody as object | undefined);
          for (const method of methodsOf(r)) {
            const res = await clients[role].request({ method, url: fill(r.url, params), payload: body });
            expect([403, 404], `${role} ${method} ${r.url} with a foreign ${key}: ${res.body}`).toContain(
              res.statusCode,
            );
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('never shows a foreign region to an actor inside region 39 on any GET route', async () => {
    const own = {
      region: '39',
      municipality: w.mA.id,
      org: w.s1.id,
      account: w.users.s1.id,
      session: '',
      publication: w.platform.pub.id,
      storage: w.platform.storage.id,
      file: w.platform.file.id,
      collection: w.platform.collection.id,
      notification: '',
      job: '',
      campaign: w.platform.campaign.id,
      subject: w.platform.subject.id,
    } satisfies Record<ScopeKind, string>;
    let checked = 0;
    for (const role of ROLES) {
      if (role === 'federal_admin') continue;
      const sessions = (await clients[role].get('/api/me/sessions')).json() as { sessions: { id: string }[] };
      const key = ACTORS[role];
      const mine = {
        ...own,
        session: sessions.sessions[0]!.id,
        notification: w.platform.notes[key]!,
        job: w.platform.jobs[key]!,
      };
      if (role === 'college') mine.org = w.c1.id;
      for (const r of routes) {
        if (!methodsOf(r).includes('GET') || r.url.startsWith('/api/docs')) continue;
        const params = Object.fromEntries(Object.entries(r.config?.scope ?? {}).map(([k, v]) => [k, mine[v]]));
        const res = await clients[role].get(fill(r.url, params));
        expect(res.body, `${role} GET ${r.url}`).not.toContain('ЧУЖАЯ');
        expect(res.body, `${role} GET ${r.url}`).not.toMatch(/sch77|spo77|reg77/);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('lets each actor reach its own data (the checks above are not refusing everything)', async () => {
    expect((await clients.school.get(`/api/orgs/${w.s1.id}`)).statusCode).toBe(200);
    expect((await clients.municipal_coordinator.get(`/api/municipalities/${w.mA.id}/orgs`)).statusCode).toBe(200);
    expect((await clients.region_coordinator.get('/api/regions/39')).statusCode).toBe(200);
    expect((await clients.federal_admin.get('/api/regions/77')).statusCode).toBe(200);
    const orgs = (await clients.municipal_coordinator.get('/api/orgs')).json() as { orgs: { id: string }[] };
    expect(orgs.orgs.map((o) => o.id)).toEqual([w.s1.id]);
    const spo = (await clients.spo_region_coordinator.get('/api/orgs')).json() as { orgs: { id: string }[] };
    expect(spo.orgs.map((o) => o.id)).toEqual([w.c1.id]);
  });
});
