// The autosave queue: every change replaces the data waiting to be sent; one request at a time carries the latest
// data with the last version the server confirmed; a failed network is retried with growing pauses and nothing
// typed meanwhile is lost; a conflict (another tab saved) or a closed collection stops it for good.

export type SaveStatus =
  /** nothing changed since the form was opened */
  | { kind: 'idle' }
  /** changes wait for a pause in typing */
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** `at`: the server's time of the last save */
  | { kind: 'saved'; at: string }
  /** the server could not be reached: the next attempt at `retryAt` (ms since epoch) */
  | { kind: 'offline'; retryAt: number; message: string }
  /** a newer version was saved elsewhere: saving stops so as not to overwrite it */
  | { kind: 'conflict'; message: string }
  /** the collection is closed for this ОО */
  | { kind: 'closed'; message: string }
  /** refused for another reason; the next change tries again */
  | { kind: 'failed'; message: string };

export interface SaveAnswer {
  version: number;
  savedAt: string;
}

/** What the queue needs to know about a failed request (ApiError has these). */
export interface SaveFailure {
  status: number;
  message: string;
}

export interface AutosaveOptions<T> {
  /** the data and version the server holds when the editor opens */
  data: T;
  version: number;
  save: (data: T, version: number) => Promise<SaveAnswer>;
  onStatus: (status: SaveStatus) => void;
  /** the pause after the last change before a save */
  delayMs?: number;
  /** pauses between attempts while the server cannot be reached; the last one repeats */
  retryMs?: readonly number[];
}

export const DEFAULT_DELAY_MS = 800;
export const DEFAULT_RETRY_MS = [2_000, 4_000, 8_000, 15_000, 30_000] as const;

function failureOf(e: unknown): SaveFailure {
  if (typeof e === 'object' && e !== null && 'status' in e && typeof e.status === 'number') {
    const message = 'message' in e && typeof e.message === 'string' ? e.message : '';
    return { status: e.status, message };
  }
  return { status: 0, message: '' };
}

/** No answer, a gateway or an overloaded server: worth trying again with the same data. */
export function isTransient(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

export class Autosaver<T> {
  private latest: T;
  private confirmed: T;
  private version: number;
  /** counts changes; `savedSeq` is the change the server has */
  private seq = 0;
  private savedSeq = 0;
  private sending = false;
  private urgent = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private waiters: ((allSaved: boolean) => void)[] = [];
  private current: SaveStatus = { kind: 'idle' };
  private readonly delayMs: number;
  private readonly retryMs: readonly number[];

  constructor(private readonly opts: AutosaveOptions<T>) {
    this.latest = opts.data;
    this.confirmed = opts.data;
    this.version = opts.version;
    this.delayMs = opts.delayMs ?? DEFAULT_DELAY_MS;
    this.retryMs = opts.retryMs ?? DEFAULT_RETRY_MS;
  }

  get status(): SaveStatus {
    return this.current;
  }

  /** True while some change has not reached the server. */
  get unsaved(): boolean {
    return this.seq > this.savedSeq;
  }

  /** The latest data, saved or not. */
  get data(): T {
    return this.latest;
  }

  /** The data the server is known to hold. */
  get savedData(): T {
    return this.confirmed;
  }

  get savedVersion(): number {
    return this.version;
  }

  /** After a conflict or closing nothing more is sent. */
  get stopped(): boolean {
    return this.current.kind === 'conflict' || this.current.kind === 'closed' || this.disposed;
  }

  /** Another request (submit) moved the version on without changing the data. */
  setVersion(version: number): void {
    this.version = version;
  }

  change(data: T): void {
    this.latest = data;
    this.seq++;
    if (this.stopped) return;
    if (this.current.kind === 'offline') return; // the retry timer sends the latest data
    if (!this.sending) this.setStatus({ kind: 'pending' });
    this.schedule(this.delayMs);
  }

  /**
   * Sends what is waiting now (leaving the sheet, «Сдать отчет», «Закрыть»); resolves true once everything is
   * saved, false when saving failed or is stopped.
   */
  flush(): Promise<boolean> {
    if (this.stopped) return Promise.resolve(!this.unsaved);
    if (!this.unsaved && !this.sending) return Promise.resolve(true);
    const done = new Promise<boolean>((resolve) => this.waiters.push(resolve));
    this.urgent = true;
    if (!this.sending) {
      this.clearTimer();
      void this.send();
    }
    return done;
  }

  /** Retry at once (the browser says it is online again). */
  retryNow(): void {
    if (this.current.kind === 'offline' && !this.sending) {
      this.clearTimer();
      void this.send();
    }
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.resolveWaiters();
  }

  private setStatus(status: SaveStatus): void {
    this.current = status;
    if (!this.disposed) this.opts.onStatus(status);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    this.clearTimer();
    if (this.sending) return; // the request under way sends again when it ends
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.send();
    }, ms);
  }

  private async send(): Promise<void> {
    if (this.sending || this.stopped || !this.unsaved) {
      this.resolveWaiters();
      return;
    }
    this.sending = true;
    const seq = this.seq;
    const data = this.latest;
    this.setStatus({ kind: 'saving' });
    try {
      const answer = await this.opts.save(data, this.version);
      this.sending = false;
      if (this.disposed) return;
      this.version = answer.version;
      this.confirmed = data;
      this.savedSeq = seq;
      this.attempt = 0;
      if (this.unsaved) {
        this.setStatus({ kind: 'pending' });
        // typed during the request: send at once when hurried, otherwise after the usual pause
        if (this.urgent) void this.send();
        else this.schedule(this.delayMs);
        return;
      }
      this.urgent = false;
      this.setStatus({ kind: 'saved', at: answer.savedAt });
    } catch (e) {
      this.sending = false;
      if (this.disposed) return;
      const failure = failureOf(e);
      this.urgent = false;
      if (failure.status === 409) {
        this.setStatus({ kind: 'conflict', message: failure.message });
      } else if (failure.status === 403) {
        this.setStatus({ kind: 'closed', message: failure.message });
      } else if (isTransient(failure.status)) {
        const wait = this.retryMs[Math.min(this.attempt, this.retryMs.length - 1)] ?? 30_000;
        this.attempt++;
        this.setStatus({ kind: 'offline', retryAt: Date.now() + wait, message: failure.message });
        this.schedule(wait);
      } else {
        this.setStatus({ kind: 'failed', message: failure.message });
      }
    }
    this.resolveWaiters();
  }

  private resolveWaiters(): void {
    if (this.sending || this.waiters.length === 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    const allSaved = !this.unsaved;
    for (const w of waiters) w(allSaved);
  }
}
