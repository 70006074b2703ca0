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

  it('runs two background jobs at a time unless told otherwise; 0 makes an HTTP-only node', () => {
    expect(loadConfig({}).jobWorkers).toBe(2);
    expect(loadConfig({ JOB_WORKERS: '0' }).jobWorkers).toBe(0);
    expect(() => loadConfig({ JOB_WORKERS: '-1' })).toThrow(/JOB_WORKERS/);
    expect(loadConfig({ CLOCK_FILE: '/tmp/clock' }).clockFile).toBe('/tmp/clock');
  });
});
