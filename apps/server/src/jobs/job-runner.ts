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
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly repo: JobsRepository,
    private readonly clock: Clock,
    private readonly log?: FastifyBaseLogger,
    private readonly pollMs = 500,
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

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs every runnable job now, one after another (tests and the CLI use it). */
  async drain(): Promise<number> {
    let n = 0;
    while (await this.runOne()) n++;
    return n;
  }

  private kick(): void {
    if (this.timer && !this.running && !this.stopped) this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.loop().finally(() => {
        this.running = null;
        this.schedule(this.pollMs);
      });
    }, ms);
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopped && (await this.runOne()));
    } catch (e) {
      this.log?.error({ err: e }, 'очередь заданий: сбой при выборе задания');
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
