import { performance } from 'node:perf_hooks';
import { sql, type KyselyPlugin } from 'kysely';
import { buildApp } from '../apps/server/src/app.ts';
import { systemClock } from '../apps/server/src/clock.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { openDatabase } from '../apps/server/src/db/database.ts';
import { makeTempDataDir, removeTempDataDir, startServer } from './lib/server.ts';

const dir = makeTempDataDir();
const s = await startServer({ dataDir: dir });
await s.stop();
const database = await openDatabase({ dataDir: dir });
const seen: string[] = [];
const counter: KyselyPlugin = {
  transformQuery(args) { seen.push(args.node.kind + ':' + JSON.stringify(args.node).slice(0, 80)); return args.node; },
  transformResult(args) { return Promise.resolve(args.result); },
};
const db = database.db.withPlugin(counter);
const { app } = await buildApp({ config: loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'warn' }), db, clock: systemClock });
await app.ready();
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'sch390001', password: 'Demo-Sch-2026' } });
const cookie = String(login.headers['set-cookie']).split(';')[0]!;
seen.length = 0;
const N = 500;
let t0 = performance.now();
for (let i = 0; i < N; i++) await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
console.log('/api/me sequential inject: ms/req', ((performance.now() - t0) / N).toFixed(3), 'queries/req', (seen.length / N).toFixed(2));
console.log(new Set(seen.map((q) => q.slice(0, 60))));
t0 = performance.now();
for (let i = 0; i < N; i++) await app.inject({ method: 'GET', url: '/healthz' });
console.log('/healthz sequential inject: ms/req', ((performance.now() - t0) / N).toFixed(3));
t0 = performance.now();
for (let i = 0; i < N; i++) await app.inject({ method: 'GET', url: '/api/me' });
console.log('bare 401 sequential inject: ms/req', ((performance.now() - t0) / N).toFixed(3));
const uid = (await db.selectFrom('users').select('id').where('login', '=', 'sch390001').executeTakeFirstOrThrow()).id;
const time = async (name: string, f: () => Promise<unknown>) => { for (let i = 0; i < 50; i++) await f(); const t = performance.now(); for (let i = 0; i < N; i++) await f(); console.log(name.padEnd(50), ((performance.now() - t) / N).toFixed(3), 'ms'); };
const users = new (await import('../apps/server/src/accounts/users.repository.ts')).UsersRepository(database.db);
await time('select 1 (simple protocol)', () => sql`select 1`.execute(database.db));
await time('select 1 with a parameter (extended protocol)', () => sql`select ${1}::int`.execute(database.db));
await time('users by id (extended)', () => database.db.selectFrom('users').select('id').where('id', '=', uid).execute());
await time('profile query (3 left joins, extended)', () => users.profile(uid));
await time('profile query, literal id (simple)', () => sql.raw(`select u.id, u.login, r.name, m.name, o.short_name from users u left join regions r on r.code=u.region_code left join municipalities m on m.id=u.municipality_id left join orgs o on o.id=u.org_id where u.id='${uid}'`).execute(database.db));
await app.close();
await database.close();
removeTempDataDir(dir);
