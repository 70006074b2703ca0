import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

export interface Suite {
  server: RunningServer;
  browser: Browser;
}

/** A fresh server (its own data folder, demo country) and one Chromium for the tests of a file. */
export function useServerAndBrowser(): Suite {
  const suite = {} as Suite;
  beforeAll(async () => {
    suite.server = await startServer();
    suite.browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  }, 30_000);
  return suite;
}
