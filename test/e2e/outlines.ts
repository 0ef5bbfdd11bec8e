import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { squareOutline } from '../harness/factories/geography.ts';
import { apiAs } from './api.ts';
import { phoneContext } from './browser.ts';

const ADMIN = '13900000000';
const CITY = '320700';

/** The map approval number the synthetic outlines are imported under. */
export const OUTLINES_APPROVAL = 'GS(2099)0001号';

type Division = { children: { code: string; level: string }[]; referencePoint: { lat: number; lng: number } | null };

/**
 * The demo ships no outlines (real ones need a map approval number): the admin imports synthetic
 * squares, one around a township's point of each district.
 */
async function importSquareOutlines(baseUrl: string) {
  const admin = await apiAs(baseUrl, ADMIN);
  const city = await admin<Division>('GET', `/api/v1/divisions/${CITY}`);
  const features = [];
  for (const district of city.children) {
    const township = (await admin<Division>('GET', `/api/v1/divisions/${district.code}`)).children[0];
    const point = township && (await admin<Division>('GET', `/api/v1/divisions/${township.code}`)).referencePoint;
    if (point) features.push(squareOutline(district.code, point, 0.1));
  }
  expect(features.length).toBeGreaterThan(1);
  await admin('PUT', `/api/v1/divisions/${CITY}/outlines`, {
    approvalNumber: OUTLINES_APPROVAL,
    outlines: { type: 'FeatureCollection', features },
  });
}

/**
 * Imports the outlines, then opens the finder's map on a phone and waits until its pins and some
 * district outlines are drawn. The caller closes `context`; `consoleErrors` collects the page's.
 */
export async function openMapWithOutlines(browser: Browser, baseUrl: string) {
  await importSquareOutlines(baseUrl);
  const context = await phoneContext(browser, baseUrl);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto('/search');
  await page.getByTestId('search-result').first().waitFor();
  await page.getByTestId('toggle-map').click();
  const map = page.getByTestId('results-map');
  await expect.poll(async () => Number(await map.getAttribute('data-pins')), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect.poll(async () => Number(await map.getAttribute('data-districts'))).toBeGreaterThan(0);
  return { context, page, map, consoleErrors };
}
