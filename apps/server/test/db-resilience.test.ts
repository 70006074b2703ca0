import pg from 'pg';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from './database.ts';

describe('the database pool', () => {
  // only a PostgreSQL server can drop a connection from outside; the PGlite run has no such event
  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    'survives the server terminating its idle connections: the next query opens a fresh one',
    async () => {
      const database = await openTestDatabase();
      try {
        await sql`SELECT 1`.execute(database.db);
        const name = (await sql<{ d: string }>`SELECT current_database() AS d`.execute(database.db)).rows[0]!.d;
        const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await admin.connect();
        const killed = await admin.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [name],
        );
        await admin.end();
        expect(killed.rowCount).toBeGreaterThan(0);
        await new Promise((r) => setTimeout(r, 200));
        const again = await sql<{ n: number }>`SELECT 2 AS n`.execute(database.db);
        expect(again.rows[0]!.n).toBe(2);
      } finally {
        await database.close();
      }
    },
  );
});
