import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
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

/** Signs in on the login page and waits for `home` (or any page but the login page). */
export async function signIn(page: Page, phone: string, home?: string, password = 'tuoyu-demo') {
  await page.goto('/login');
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => (home ? url.pathname === home : url.pathname !== '/login'));
}

export async function noSidewaysScroll(page: Page) {
  // Polled: after a resize the layout settles a frame or two later (antd's breakpoints re-render).
  // A string, not a function: the e2e tsconfig has no DOM types for the code that runs in the page.
  await expect
    .poll(() => page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'), { timeout: 5000 })
    .toBeLessThanOrEqual(0);
}

/**
 * Waits for the class's roll on the attendance page. On a weekend or a holiday the page first
 * says so and calls the roll only if the institution opened: these journeys run whatever the day.
 */
export async function callTheRoll(page: Page) {
  const dayOff = page.getByTestId('day-off');
  await page.getByTestId('attendance-child').or(dayOff).first().waitFor();
  if (await dayOff.isVisible()) await page.getByTestId('open-anyway').click();
}
