// The password endpoint at 07:30: a thousand ОО, each signed in with its own session, ask for their
// archive's шифр in a loop, against a bare route (401 before any DB work) on the same server. A closed
// loop of 1,000 has a mean latency of 1,000 ÷ throughput (Little's law), so its p99 says more about
// the loop than the server; an open loop at a fixed rate gives the latency at that rate.
import type { ArchivePassword } from '@oko/shared';
import { sql } from 'kysely';
import { performance } from 'node:perf_hooks';
import { httpRequest, type HttpRequestSpec, type LoopStats } from './lib/load.ts';
import { closedLoop, openLoop } from './lib/materials-load.ts';
import { pool, signIn, type Session } from './lib/materials-http.ts';
import type { MaterialsSite } from './lib/materials-site.ts';
import { NATIONAL_PASSWORD } from './lib/national-registry.ts';

export interface PasswordFigures {
  sessions: number;
  /** signing the sessions in (argon2 verify each), not part of the figure */
  loginsPerSecond: number;
  /** closed loop: every session asks again as soon as it is answered */
  password: LoopStats;
  /** the bare route under the same closed loop */
  bare: LoopStats;
  /** open loop: the sessions together offer `openLoopRate` requests a second */
  paced: LoopStats;
  /** the rate the open loop offered */
  pacedRate: number;
  /** password req/s ÷ bare req/s */
  passwordOverBare: number;
}

/** Logins of schools whose archive (with a sealed password) exists, in code order. */
async function schoolsWithPassword(site: MaterialsSite, limit: number): Promise<string[]> {
  const r = await sql<{ login: string }>`
    SELECT u.login FROM materials m JOIN users u ON u.org_id = m.org_id
    WHERE m.subject_id = ${site.campaign.subjectId}::uuid AND m.password_sealed IS NOT NULL
    ORDER BY u.login LIMIT ${limit}`.execute(site.db);
  return r.rows.map((x) => x.login);
}

export async function benchPassword(
  site: MaterialsSite,
  opts: {
    sessions: number;
    durationMs: number;
    warmupMs: number;
    rampMs: number;
    openLoopRate: number;
    loginConcurrency?: number;
    log?: (m: string) => void;
  },
): Promise<PasswordFigures> {
  const log = opts.log ?? (() => undefined);
  const server = site.server ?? (await site.start());
  const { port } = server;
  const logins = await schoolsWithPassword(site, opts.sessions);
  if (logins.length === 0) throw new Error('ни у одной ОО нет сгенерированных материалов');
  if (logins.length < opts.sessions) log(`  материалы есть только у ${logins.length} ОО: столько сеансов и будет`);

  const t0 = performance.now();
  const sessions: Session[] = await pool(logins, opts.loginConcurrency ?? 8, (login) =>
    signIn(port, login, NATIONAL_PASSWORD),
  );
  const loginsPerSecond = (sessions.length * 1000) / (performance.now() - t0);
  log(`  ${sessions.length} сеансов ОО открыто (${loginsPerSecond.toFixed(0)} входов/с)`);

  const path = `/api/vpr/materials/${site.campaign.subjectId}/password`;
  // sanity: the gate is open and the answer is a password
  const check = await httpRequest(
    port,
    { method: 'GET', path, headers: { cookie: sessions[0]!.cookie } },
    { keepBody: true },
  );
  if (check.status !== 200) throw new Error(`GET ${path}: ${check.status} ${check.body.slice(0, 300)}`);
  const answer = JSON.parse(check.body) as ArchivePassword;
  if (!answer.password) throw new Error(`GET ${path}: нет пароля в ответе ${check.body.slice(0, 200)}`);

  const many = { ...opts, concurrency: sessions.length, expectStatus: 200 };
  const ask = (i: number): HttpRequestSpec => ({ method: 'GET', path, headers: { cookie: sessions[i]!.cookie } });
  let next = 0;
  const password = await closedLoop(port, () => ask(next++ % sessions.length), many);
  const bare = await closedLoop(port, () => ({ method: 'GET', path: '/api/me' }), { ...many, expectStatus: 401 });
  const paced = await openLoop(port, ask, {
    senders: sessions.length,
    ratePerSec: opts.openLoopRate,
    durationMs: opts.durationMs,
    warmupMs: opts.warmupMs,
    rampMs: opts.rampMs,
    expectStatus: 200,
  });
  return {
    sessions: sessions.length,
    loginsPerSecond,
    password,
    bare,
    paced,
    pacedRate: opts.openLoopRate,
    passwordOverBare: password.perSecond / bare.perSecond,
  };
}
