import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../src/server/config.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { launchBrowser } from './browser.ts';

/** Where journeys leave their screenshots for a reviewer's eye. */
export const SHOTS = process.env.TUOYU_SHOTS_DIR ?? path.join(os.tmpdir(), 'tuoyu-shots');

/**
 * The demo server and the browser of one journey file: started before its tests, closed after
 * them. Read `journey.server` and `journey.browser` inside tests and hooks. `config` is what an
 * operator would set, such as a tile server for the map.
 */
export function useJourney(config: Partial<Config> = {}): { readonly server: TestServer; readonly browser: Browser } {
  const journey = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    [journey.server, journey.browser] = await Promise.all([startTestServer(config), launchBrowser()]);
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.server?.close();
  });
  return journey;
}
