import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to embedded PGlite in ./data with the demo country on port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: undefined, demo: true });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it('names every bad variable in Russian', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', DEMO: 'maybe' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL должен начинаться/);
    }
  });

  it('reads DEMO=0 as an empty start', () => {
    expect(loadConfig({ DEMO: '0' }).demo).toBe(false);
  });
});
