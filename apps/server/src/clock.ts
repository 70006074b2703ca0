/** The server's clock decides every deadline; tests replace it to walk through time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class FakeClock implements Clock {
  constructor(private current: Date = new Date('2026-11-21T09:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * A rehearsal clock («учебный режим»): the time runs from an instant written in a file, so a training
 * session, the browser tests and the benchmarks can stand at 07:29:59 of a test day. Only when the
 * operator sets CLOCK_FILE; the file holds an ISO instant and is re-read at most every 20 ms, time
 * moving on from the moment the file was last read with a new value.
 */
export class FileClock implements Clock {
  private base = 0;
  private setAt = 0;
  private raw = '';
  private checkedAt = 0;

  constructor(
    private readonly file: string,
    private readonly read: (file: string) => string,
  ) {
    this.refresh(Date.now());
  }

  now(): Date {
    const real = Date.now();
    if (real - this.checkedAt >= 20) this.refresh(real);
    return new Date(this.base + (real - this.setAt));
  }

  private refresh(real: number): void {
    this.checkedAt = real;
    let raw: string;
    try {
      raw = this.read(this.file).trim();
    } catch {
      raw = '';
    }
    if (raw === this.raw) return;
    const at = Date.parse(raw);
    this.raw = raw;
    this.base = Number.isNaN(at) ? real : at;
    this.setAt = real;
  }
}
