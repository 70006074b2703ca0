/**
 * A small in-process cache with a time limit and a size cap (oldest evicted first). The autosave
 * path reads the same collection, template and ОО attributes hundreds of times a second; a short
 * limit keeps what the cache may serve stale to a few seconds.
 */
export class TtlCache<V> {
  private readonly items = new Map<string, { value: V; until: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly maxItems: number,
  ) {}

  async get(key: string, load: () => Promise<V>, now = Date.now()): Promise<V> {
    const hit = this.items.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = await load();
    this.set(key, value, now);
    return value;
  }

  set(key: string, value: V, now = Date.now()): void {
    // re-inserted, so a refreshed key counts as the newest; only a new key can push out the oldest
    this.items.delete(key);
    if (this.items.size >= this.maxItems) {
      const oldest = this.items.keys().next();
      if (!oldest.done) this.items.delete(oldest.value);
    }
    this.items.set(key, { value, until: now + this.ttlMs });
  }

  delete(key: string): void {
    this.items.delete(key);
  }
}
