import { buildApp } from './app.ts';
import { prepareDatabase } from './bootstrap.ts';
import fs from 'node:fs';
import { FileClock, systemClock, type Clock } from './clock.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';

async function main(): Promise<void> {
  const started = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const clock: Clock = config.clockFile
    ? new FileClock(config.clockFile, (f) => fs.readFileSync(f, 'utf8'))
    : systemClock;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const { app, services } = await buildApp({ config, db: database.db, clock });
  if (config.clockFile)
    app.log.warn({ now: clock.now().toISOString() }, 'учебный режим: время сервера задаёт CLOCK_FILE');
  await prepareDatabase(database.db, {
    blobs: services.blobs,
    clock,
    demo: config.demo,
    adminPassword: process.env.OKO_ADMIN_PASSWORD,
    log: (msg) => app.log.info(msg),
  });
  await app.listen({ port: config.port, host: config.host });
  if (config.jobWorkers > 0) services.jobs.start();
  app.log.info(
    { engine: database.engine, readyMs: Math.round(performance.now() - started) },
    `ОКО готово: http://localhost:${config.port}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'остановка: завершаем запросы и закрываем базу');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.close();
    await services.jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('Не удалось запустить ОКО:', err);
  process.exit(1);
});
