import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';

/**
 * The phone families use on a slow network: 1.6 Mbps down, 750 kbps up, 150 ms round trips and
 * a CPU four times slower than the test machine's (Lighthouse's "slow 4G" mobile profile).
 */
export const PHONE_PROFILE = { downKbps: 1600, upKbps: 750, rttMs: 150, cpuSlowdown: 4 };

type Request = { url: string; type: string; depth: number; parent?: Request };

const DIST = path.resolve(import.meta.dirname, '../../dist/web');

/**
 * What the server sends for one built file to a browser that accepts the encoding: its
 * pre-compressed copy (small files have none and go as they are). Read from the build rather than
 * from the network log, whose byte counts include headers and vary with timing; the same build
 * always weighs the same.
 */
function compressedBytes(url: string, encoding: 'br' | 'gz'): number {
  const file = path.join(DIST, new URL(url).pathname);
  return fs.existsSync(`${file}.${encoding}`) ? fs.statSync(`${file}.${encoding}`).size : fs.statSync(file).size;
}

export type PageFigures = {
  path: string;
  /** From navigation to the page's content showing, in ms. */
  visibleMs: number;
  /** Brotli bytes of the JavaScript files loaded before any interaction, each counted once: what a phone on HTTPS receives. */
  initialJsBytes: number;
  /** The same files' gzip bytes: what a browser gets that does not accept brotli (any over plain HTTP). */
  initialJsGzipBytes: number;
  /** The longest chain of requests each waiting on the one before (the document is 1). */
  waterfallDepth: number;
  deepestChain: string[];
  /** Paths of the scripts loaded before any interaction. */
  scripts: string[];
};

type Initiator = { type: string; url?: string; stack?: Stack };
type Stack = { callFrames: { url: string }[]; parent?: Stack };

function initiatorUrls(initiator: Initiator): string[] {
  const urls = initiator.url ? [initiator.url] : [];
  for (let stack = initiator.stack; stack; stack = stack.parent) urls.push(...stack.callFrames.map((f) => f.url));
  return urls;
}

/**
 * Loads `path` in a fresh tab under the phone profile and reads the network log: a request's
 * depth is one more than the deepest request among those that started it (the script whose code
 * asked for it, including its asynchronous callers), so a chunk that only loads after another
 * chunk ran counts as a step of the waterfall.
 */
export async function measurePage(context: BrowserContext, path: string, ready: (page: Page) => Locator): Promise<PageFigures> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = new Map<string, Request>();
  const byUrl = new Map<string, Request>();
  cdp.on('Network.requestWillBeSent', (event) => {
    const parents = initiatorUrls(event.initiator as Initiator)
      .map((url) => byUrl.get(url))
      .filter((r): r is Request => r !== undefined);
    const parent = parents.reduce<Request | undefined>((a, b) => (a && a.depth >= b.depth ? a : b), undefined);
    const request = { url: event.request.url, type: event.type ?? 'Other', depth: 1 + (parent?.depth ?? 0), parent };
    requests.set(event.requestId, request);
    if (!byUrl.has(request.url)) byUrl.set(request.url, request);
  });
  await cdp.send('Network.enable');
  await cdp.send('Debugger.enable');
  await cdp.send('Debugger.setAsyncCallStackDepth', { maxDepth: 32 });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE_PROFILE.rttMs,
    downloadThroughput: (PHONE_PROFILE.downKbps * 1000) / 8,
    uploadThroughput: (PHONE_PROFILE.upKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE_PROFILE.cpuSlowdown });

  const started = Date.now();
  await page.goto(path, { waitUntil: 'commit' });
  await ready(page).first().waitFor({ timeout: 60_000 });
  const visibleMs = Date.now() - started;
  await page.waitForLoadState('networkidle');
  await page.close();

  const all = [...requests.values()].filter((r) => r.url.startsWith('http'));
  const deepest = all.reduce((a, b) => (b.depth > a.depth ? b : a));
  const chain: string[] = [];
  for (let r: Request | undefined = deepest; r; r = r.parent) chain.unshift(new URL(r.url).pathname);
  const scripts = [...new Set(all.filter((r) => r.type === 'Script').map((r) => r.url))];
  return {
    path,
    visibleMs,
    initialJsBytes: scripts.reduce((sum, url) => sum + compressedBytes(url, 'br'), 0),
    initialJsGzipBytes: scripts.reduce((sum, url) => sum + compressedBytes(url, 'gz'), 0),
    waterfallDepth: deepest.depth,
    deepestChain: chain,
    scripts: scripts.map((url) => new URL(url).pathname),
  };
}
