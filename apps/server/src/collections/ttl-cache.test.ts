import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache.ts';

describe('TtlCache', () => {
  it('serves a value until its time limit, then loads it again', async () => {
    const cache = new TtlCache<number>(1000, 10);
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    expect(await cache.get('a', load, 0)).toBe(1);
    expect(await cache.get('a', load, 999)).toBe(1);
    expect(await cache.get('a', load, 1000)).toBe(2);
  });

  it('evicts the oldest key only when a new key would pass the cap', async () => {
    const cache = new TtlCache<string>(1000, 2);
    cache.set('a', 'a1', 0);
    cache.set('b', 'b1', 0);
    cache.set('b', 'b2', 0);
    const reload = (k: string) => () => Promise.resolve(`${k}-loaded`);
    expect(await cache.get('a', reload('a'), 1)).toBe('a1');
    expect(await cache.get('b', reload('b'), 1)).toBe('b2');
    cache.set('c', 'c1', 1);
    expect(await cache.get('a', reload('a'), 2)).toBe('a-loaded');
    expect(await cache.get('c', reload('c'), 2)).toBe('c1');
  });
});
