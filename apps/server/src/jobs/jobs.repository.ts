import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, JobsTable } from '../db/schema.ts';

export type JobRow = Selectable<JobsTable>;

export class JobsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async enqueue(kind: string, payload: Record<string, unknown>, createdBy: string | null, at: Date): Promise<JobRow> {
    return this.db
      .insertInto('jobs')
      .values({ kind, payload: JSON.stringify(payload), created_by: createdBy, run_after: at })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * Takes the oldest runnable job: queued, or running with an expired lease (its process died —
   * that is how an interrupted job resumes). SKIP LOCKED lets several servers share the table.
   */
  async claim(kinds: string[], now: Date, leaseMs: number): Promise<JobRow | undefined> {
    if (kinds.length === 0) return undefined;
    const until = new Date(now.getTime() + leaseMs);
    const res = await sql<JobRow>`
      UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = ${until},
        started_at = COALESCE(started_at, ${now})
      WHERE id = (
        SELECT id FROM jobs
        WHERE kind = ANY(${kinds}::text[]) AND run_after <= ${now}
          AND (status = 'queued' OR (status = 'running' AND locked_until < ${now}))
        ORDER BY created_at
        FOR UPDATE SKIP LOCKED
        LIMIT 1
      )
      RETURNING *`.execute(this.db);
    return res.rows[0];
  }

  async progress(id: string, done: number, total: number, leaseUntil: Date): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ progress_done: done, progress_total: total, locked_until: leaseUntil })
      .where('id', '=', id)
      .execute();
  }

  async finish(id: string, result: Record<string, unknown>, at: Date): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ status: 'done', result: JSON.stringify(result), finished_at: at, locked_until: null })
      .where('id', '=', id)
      .execute();
  }

  async fail(id: string, error: string, at: Date, retryAt: Date | null): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set(
        retryAt
          ? { status: 'queued', error, run_after: retryAt, locked_until: null }
          : { status: 'failed', error, finished_at: at, locked_until: null },
      )
      .where('id', '=', id)
      .execute();
  }

  get(id: string): Promise<JobRow | undefined> {
    return this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
