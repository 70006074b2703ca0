import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.ts';
import type { JobRow, JobsRepository } from './jobs.repository.ts';

export interface JobContext {
  job: JobRow;
  /** Reports progress (shown to the user) and extends the lease. */
  progress(done: number, total: number): Promise<void>;
}

/**
 * A handler must be safe to run again from the start or from where it stopped: a job whose process
 * died is picked up again once its lease runs out. Handlers write their output through the blob
 * storage (temp file, hash, rename), so a re-run never produces a half file.
 */
export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<Record<string, unknown>>;

const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 3;

/**
 * Background work in the database's `jobs` table, run in-process. Chosen over pg-boss because the
 * embedded PGlite has one backend and one connection; one small table that both engines share keeps
 * a single code path, survives restarts and is driven step by step in tests.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private lanes: Promise<void>[] = [];
  private stopped = true;
  /** wakes idle lanes at once when a job is enqueued, instead of at their next poll */
  private wake: (() => void)[] = [];
  private readonly sweeps: { name: string; ms: number; sweep: () => Promise<unknown> }[] = [];
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly repo: JobsRepository,
    private readonly clock: Clock,
    private readonly log?: FastifyBaseLogger,
    private readonly pollMs = 500,
    /** jobs at a time: an hour of archive generation must not hold a coordinator's report back */
    private readonly laneCount = 2,
  ) {}

  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    this.handlers.set(kind, handler);
  }

  async enqueue(kind: string, payload: Record<string, unknown>, createdBy: string | null): Promise<JobRow> {
    if (!this.handlers.has(kind)) throw new Error(`no handler for job kind ${kind}`);
    const job = await this.repo.enqueue(kind, payload, createdBy, this.clock.now());
    this.kick();
    return job;
  }

  /**
   * A sweep run every `ms` while the lanes run (never by drain()): the work must be safe when several
   * servers sweep at once, e.g. by claiming a row first.
   */
  every(name: string, ms: number, sweep: () => Promise<unknown>): void {
    this.sweeps.push({ name, ms, sweep });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.lanes = Array.from({ length: this.laneCount }, () => this.lane());
    this.timers = this.sweeps.map(({ name, ms, sweep }) => {
      const run = () =>
        void sweep().catch((e: unknown) => this.log?.error({ err: e, sweep: name }, 'периодическая задача: сбой'));
      setImmediate(run);
      const t = setInterval(run, ms);
      t.unref();
      return t;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.kick();
    await Promise.all(this.lanes);
    this.lanes = [];
  }

  /** Runs every runnable job now, one after another (tests and the CLI use it). */
  async drain(): Promise<number> {
    let n = 0;
    while (await this.runOne()) n++;
    return n;
  }

  private kick(): void {
    const waiting = this.wake;
    this.wake = [];
    for (const w of waiting) w();
  }

  /** One worker: takes jobs while there are any, then waits for the poll interval or an enqueue. */
  private async lane(): Promise<void> {
    while (!this.stopped) {
      let ran = false;
      try {
        ran = await this.runOne();
      } catch (e) {
        this.log?.error({ err: e }, 'очередь заданий: сбой при выборе задания');
      }
      if (ran || this.stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollMs);
        timer.unref();
        this.wake.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private async runOne(): Promise<boolean> {
    const job = await this.repo.claim([...this.handlers.keys()], this.clock.now(), LEASE_MS);
    if (!job) return false;
    const handler = this.handlers.get(job.kind);
    if (!handler) return true;
    const ctx: JobContext = {
      job,
      progress: (done, total) =>
        this.repo.progress(job.id, done, total, new Date(this.clock.now().getTime() + LEASE_MS)),
    };
    try {
      const result = await handler(job.payload, ctx);
      await this.repo.finish(job.id, result, this.clock.now());
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.log?.error({ err: e, jobId: job.id, kind: job.kind }, 'задание завершилось ошибкой');
      const retry = job.attempts < MAX_ATTEMPTS ? new Date(this.clock.now().getTime() + 5_000 * job.attempts) : null;
      await this.repo.fail(job.id, message, this.clock.now(), retry);
    }
    return true;
  }
}
