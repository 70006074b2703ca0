/**
 * At most `limit` tasks at a time, the rest waiting in arrival order. Parsing an XLSX is CPU work in slices:
 * without a limit a thousand uploads arriving together all advance a little and all finish at the very end;
 * in order, the first ones are answered at once and the wait grows only for those behind them.
 */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

/** XLSX uploads of every form share one queue: the process has one thread for them. */
export const formParsing = new Limiter(2);
