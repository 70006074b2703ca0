import fs from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

// timestamptz → Date, bigint → string (ids), as pg defaults; int8 counts come back via ::int casts.

export interface Database {
  db: Kysely<DB>;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/**
 * One driver path for both engines: without a URL, PGlite runs in-process behind a socket
 * server on a random loopback port, and `pg` talks to it exactly as to a PostgreSQL server.
 */
export async function openDatabase(opts: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** In-memory PGlite (tests): nothing written to disk. */
  memory?: boolean;
}): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 20 });
    keepAliveOnIdleErrors(pool);
    await pool.query('select 1');
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }

  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  let dataDir: string | undefined;
  if (!opts.memory) {
    dataDir = path.join(opts.dataDir ?? './data', 'pglite');
    await fs.mkdir(dataDir, { recursive: true });
  }
  const lite = await PGlite.create(dataDir ? { dataDir } : {});
  const server = new PGLiteSocketServer({ db: lite, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  const address = server.getServerConn();
  // PGlite is one backend: a single pooled connection keeps each transaction on it alone.
  const pool = new pg.Pool({ connectionString: `postgres://postgres@${address}/postgres`, max: 1 });
  keepAliveOnIdleErrors(pool);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'pglite',
    async close() {
      await db.destroy();
      await server.stop();
      await lite.close();
    },
  };
}

/**
 * An idle pooled connection that the server drops (a restart, a terminated backend, a failover) makes
 * the pool emit 'error'; unheard, that event would end the process. The pool discards such a client
 * by itself and the next query opens a fresh connection, so the event is only reported.
 */
function keepAliveOnIdleErrors(pool: pg.Pool): void {
  pool.on('error', (err) => {
    console.error(`база данных: соединение из пула потеряно (${err.message}); следующий запрос откроет новое`);
  });
}
