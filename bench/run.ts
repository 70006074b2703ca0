// `npm run bench`: builds the server, then measures it on 127.0.0.1 and prints a table; the same
// figures go to bench/results/latest.json. Stops by itself: a watchdog ends a run that hangs.
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchLogin, benchRoutes } from './auth.bench.ts';
import type { LoopStats } from './lib/load.ts';
import { makeTempDataDir, removeTempDataDir, startServer } from './lib/server.ts';
import { fmt, formatTable } from './lib/table.ts';
import { benchStartup } from './startup.bench.ts';
import { runPlatformBenches } from './platform.section.ts';
import { runMaterialsBenches } from './materials.section.ts';
import { runResultsBenches } from './results.section.ts';

const SETTINGS = {
  routes: { connections: 100, durationMs: 5_000, warmupMs: 1_000 },
  login: { concurrency: 8, durationMs: 10_000, warmupMs: 1_000 },
  timeLimitMs: 2_400_000,
};

const TARGETS = { meOverBare: 0.5, readyMs: 10_000 };

const RESULTS_FILE = fileURLToPath(new URL('./results/latest.json', import.meta.url));

const watchdog = setTimeout(() => {
  console.error(`bench: не уложились в ${SETTINGS.timeLimitMs / 1000} с, останавливаемся`);
  process.exit(1); // the exit hook in lib/server.ts kills the server and removes temp dirs
}, SETTINGS.timeLimitMs);
watchdog.unref();
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

const log = (msg: string) => console.log(`· ${msg}`);

async function main(): Promise<void> {
  const cpus = os.cpus();
  console.log(
    `ОКО bench — node ${process.version}, ${cpus.length} CPU (${cpus[0]?.model.trim() ?? '?'}), ${os.platform()}`,
  );
  const loadBefore = os.loadavg();
  console.log(
    `load average before: ${loadBefore.map((l) => l.toFixed(2)).join(' ')} (figures are noisy if this is near the CPU count)\n`,
  );

  log('start-up: first start on an empty DATA_DIR, then a restart…');
  const startup = await benchStartup();

  const dataDir = makeTempDataDir();
  let routes: Awaited<ReturnType<typeof benchRoutes>>;
  let login: Awaited<ReturnType<typeof benchLogin>>;
  const server = await startServer({ dataDir, jobWorkers: 0 });
  try {
    log(`server on 127.0.0.1:${server.port}; GET routes at ${SETTINGS.routes.connections} connections…`);
    routes = await benchRoutes(server, SETTINGS.routes);
    log(`login vs argon2 verify at concurrency ${SETTINGS.login.concurrency}…`);
    login = await benchLogin(server, SETTINGS.login);
  } finally {
    await server.stop();
    removeTempDataDir(dataDir);
  }

  const platform = await runPlatformBenches(log);
  const materials = await runMaterialsBenches(log);
  const vprResults = await runResultsBenches(log);

  const row = (name: string, s: LoopStats, unit: string): string[] => [
    name,
    `${fmt(s.perSecond, 0)} ${unit}`,
    fmt(s.p50Ms, 2),
    fmt(s.p99Ms, 2),
    fmt(s.maxMs, 1),
    String(s.ok),
    String(s.errors),
    String(s.concurrency),
  ];
  console.log(
    '\n' +
      formatTable(
        ['Measurement', 'throughput', 'p50 ms', 'p99 ms', 'max ms', 'ok', 'errors', 'conc.'],
        [
          row('GET /api/me, no cookie — bare route (401 before any DB work)', routes.bare, 'req/s'),
          row('GET /api/me, authenticated (session + profile)', routes.me, 'req/s'),
          row('GET /healthz — DB round trip', routes.healthz, 'req/s'),
          row(`POST /api/auth/login, correct passwords (${login.accounts} accounts)`, login.login, 'logins/s'),
          row('argon2id verify in-process (m=19456 t=2 p=1)', login.verify, 'verifies/s'),
        ],
      ),
  );

  console.log(
    '\n' +
      formatTable(
        ['Start-up (embedded PGlite)', 'to /healthz 200 ms', 'server says ms', 'SIGTERM→exit ms'],
        [
          [
            'cold: empty DATA_DIR (migrations + demo seed)',
            fmt(startup.cold.readyMs, 0),
            fmt(startup.cold.selfReportedReadyMs, 0),
            fmt(startup.cold.stop.stopMs, 0),
          ],
          [
            'warm: restart on the same DATA_DIR',
            fmt(startup.warm.readyMs, 0),
            fmt(startup.warm.selfReportedReadyMs, 0),
            fmt(startup.warm.stop.stopMs, 0),
          ],
        ],
      ),
  );

  console.log('\n' + platform.table);
  console.log('\n' + materials.table);
  console.log('\n' + vprResults.table);

  const targets = [
    ...platform.targets,
    ...materials.targets,
    ...vprResults.targets,
    {
      name: '/api/me req/s ÷ bare route req/s',
      value: routes.meOverBare,
      target: `≥ ${TARGETS.meOverBare}`,
      met: routes.meOverBare >= TARGETS.meOverBare,
    },
    { name: 'logins/s ÷ argon2 verifies/s', value: login.loginOverVerify, target: '(report)', met: null },
    {
      name: 'cold start to ready, ms',
      value: startup.cold.readyMs,
      target: `≤ ${TARGETS.readyMs}`,
      met: startup.cold.readyMs <= TARGETS.readyMs,
    },
    {
      name: 'warm restart to ready, ms',
      value: startup.warm.readyMs,
      target: `≤ ${TARGETS.readyMs}`,
      met: startup.warm.readyMs <= TARGETS.readyMs,
    },
  ];
  console.log(
    '\n' +
      formatTable(
        ['Ratio / target', 'value', 'target', 'met'],
        targets.map((t) => [
          t.name,
          fmt(t.value, t.value > 100 ? 0 : 2),
          t.target,
          t.met === null ? '—' : t.met ? 'yes' : 'NO',
        ]),
      ),
  );

  const anyErrors = [routes.bare, routes.me, routes.healthz, login.login, login.verify].some((s) => s.errors > 0);
  if (anyErrors) console.log('\n! some requests got an unexpected status or failed: see the errors column');

  const results = {
    generatedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: os.platform(),
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? null,
      loadAverageBefore: loadBefore,
    },
    settings: SETTINGS,
    routes,
    login,
    startup,
    platform: platform.results,
    materials: materials.results,
    vprResults: vprResults.results,
    targets,
  };
  fs.mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nresults: ${RESULTS_FILE}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('bench failed:', err);
    process.exit(1);
  },
);
