import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';
import { CHROMIUM } from '../../scripts/chromium.ts';

/**
 * Debian's Chromium (globalSetup makes sure it and CJK fonts are installed): browsers are never
 * downloaded here. Another installation can be chosen with CHROMIUM_PATH.
 */
const executablePath = process.env.CHROMIUM_PATH ?? CHROMIUM;

// Headless without GPU, sandbox or any call home: the test machines are containers offline.
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath, args });
}

/** The narrowest phone we support (iPhone SE / mini class) — parents use the app on phones. */
export const PHONE_VIEWPORT = { width: 375, height: 812 };
/** An ordinary office screen — officials use the app on desktops. */
export const DESKTOP_VIEWPORT = { width: 1280, height: 800 };

export function phoneContext(browser: Browser, baseURL: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true, deviceScaleFactor: 2, ...options });
}

export function desktopContext(browser: Browser, baseURL: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: DESKTOP_VIEWPORT, ...options });
}
