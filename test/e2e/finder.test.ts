import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopContext, noSidewaysScroll, phoneContext } from './browser.ts';
import { SHOTS, useJourney } from './journey.ts';
import { OUTLINES_APPROVAL, openMapWithOutlines } from './outlines.ts';

/**
 * A family on a 375 px phone finds care: results on the first screen in a stated order, a filter
 * picked from the sheet and removed from its tag, the results on the map (without a tile server:
 * points on a plain background, within the district outlines once the city imported some; with one,
 * finder-tiles.test.ts), and
 * 申请入托 leading through sign-in to the application form with the institution picked. Anonymous
 * pages log no console error.
 */
const PARENT = '13900000005';
const HAIZHOU = '320706';
const RESULT = { pass: '合格', rectify: '限期整改', fail: '不合格' } as const;

type Status = { institutionId: string; date: string; result: keyof typeof RESULT; rectifying: boolean };

/** The words a family reads for an inspection status, after 最近检查 on a result card. */
const words = (s: Status) => `${RESULT[s.result]} · ${s.date}${s.rectifying ? ' · 整改中' : ''}`;

/** The search for one institution by its name; resolves once the page has asked for the results' inspection statuses. */
async function searchFor(page: Page, name: string) {
  const asked = page.waitForResponse((r) => r.url().includes('/api/v1/public/inspection-statuses'));
  await page.goto(`/search?q=${encodeURIComponent(name)}`);
  await asked;
  return page.getByTestId('search-result').filter({ has: page.getByRole('link', { name, exact: true }) });
}

const journey = useJourney();

describe('the family finder on a phone', () => {
  it('shows results first, filters from a sheet, maps them and leads on to applying', async () => {
    const context = await phoneContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    try {
      await page.goto('/');
      await page.getByRole('link', { name: '找托育' }).first().click();
      await page.waitForURL((url) => url.pathname === '/search');

      // The first result is whole on the first screen, with the order it is in stated above it.
      const first = page.getByTestId('search-result').first();
      await first.waitFor();
      const box = await first.boundingBox();
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(812);
      expect(await page.evaluate<number>('window.scrollY')).toBe(0);
      expect(await page.getByTestId('search-total').textContent()).toMatch(/^共 \d+ 家 · 有空位的机构在前，再按名称拼音排序$/);
      expect(await first.getByTestId('result-ages').textContent()).toMatch(/^收托 .+–.+$/);
      await noSidewaysScroll(page);
      const everyone = await page.getByTestId('search-total').textContent();

      await page.getByTestId('open-filters').click();
      await page.getByRole('checkbox', { name: '只看普惠' }).check();
      await page.getByTestId('apply-filters').click();
      const tag = page.getByTestId('active-filters').getByText('只看普惠');
      await tag.waitFor();
      await expect.poll(() => page.getByTestId('search-total').textContent()).not.toBe(everyone);
      const shown = await page.getByTestId('search-result').count();
      expect(
        await page
          .getByTestId('search-result')
          .filter({ has: page.getByText('普惠', { exact: true }) })
          .count(),
      ).toBe(shown);
      await page.screenshot({ path: path.join(SHOTS, 'finder-phone-filtered.png') });

      // No tile server here, and the demo ships no district outlines: the map shows the page's results as points.
      await page.getByTestId('toggle-map').click();
      await expect
        .poll(async () => Number(await page.getByTestId('results-map').getAttribute('data-pins')), { timeout: 30_000 })
        .toBeGreaterThan(0);
      expect(await page.getByTestId('results-map').getAttribute('data-districts')).toBe('0');
      await page.screenshot({ path: path.join(SHOTS, 'finder-phone-map.png') });

      // The tag takes its filter away again.
      await tag.locator('.ant-tag-close-icon').click();
      await expect.poll(() => page.getByTestId('search-total').textContent()).toBe(everyone);

      // Ten at a time: the next page shows the next ten, and the address keeps the page.
      const pages = Math.ceil(Number(everyone?.match(/共 (\d+) 家/)?.[1]) / 10);
      expect(await page.getByTestId('pager-position').textContent()).toBe(`第 1 / ${pages} 页`);
      const firstTen = await page.getByTestId('search-result').getByRole('link').allTextContents();
      await page.getByRole('button', { name: '下一页' }).click();
      await expect.poll(() => page.getByTestId('pager-position').textContent()).toBe(`第 2 / ${pages} 页`);
      expect(new URL(page.url()).searchParams.get('page')).toBe('2');
      await expect.poll(() => page.getByTestId('search-result').getByRole('link').allTextContents()).not.toEqual(firstTen);
      await page.getByRole('button', { name: '上一页' }).click();
      await expect.poll(() => page.getByTestId('search-result').getByRole('link').allTextContents()).toEqual(firstTen);
      expect(consoleErrors).toEqual([]);

      // 申请入托 as a visitor: sign in, then the application form with that institution picked.
      const name = (await first.getByRole('link').first().textContent()) ?? '';
      await first.getByTestId('apply-link').click();
      await page.waitForURL((url) => url.pathname === '/login');
      await page.getByLabel('手机号').fill(PARENT);
      await page.getByLabel('密码').fill('tuoyu-demo');
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/family/applications');
      await expect.poll(() => page.getByTestId('apply-order').textContent()).toBe(name);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('draws the district outlines the city imported, with their map approval number', async () => {
    const { context, page, consoleErrors } = await openMapWithOutlines(journey.browser, journey.server.url);
    try {
      expect(await page.locator('.maplibregl-ctrl-attrib-inner').textContent()).toContain(`审图号：${OUTLINES_APPROVAL}`);
      await page.screenshot({ path: path.join(SHOTS, 'finder-phone-map-outlines.png') });
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('shows each result’s latest inspection, 整改中 while a rectification is open, and the same on its page', async () => {
    const url = journey.server.url;
    const get = async <T>(path: string) => (await (await fetch(`${url}${path}`)).json()) as T;
    const listed = await get<{ items: { id: string; name: string }[] }>(`/api/v1/institutions/search?division=${HAIZHOU}&pageSize=100`);
    const statuses: Status[] = [];
    for (let i = 0; i < listed.items.length; i += 50) {
      const ids = listed.items.slice(i, i + 50).map((item) => item.id);
      statuses.push(...(await get<Status[]>(`/api/v1/public/inspection-statuses?institutionIds=${ids.join(',')}`)));
    }
    const nameOf = (id: string) => listed.items.find((i) => i.id === id)?.name ?? '';
    // The demo's round in 海州区: the guidance centre with rectifications open, others put right or passed.
    const rectifying = statuses.find((s) => s.rectifying);
    const settled = statuses.find((s) => !s.rectifying);
    const never = listed.items.find((i) => !statuses.some((s) => s.institutionId === i.id));
    if (!rectifying || !settled || !never) throw new Error('the demo has no inspected, rectifying and uninspected institutions in 海州区');

    for (const [context, size] of [
      [await phoneContext(journey.browser, url), '375'],
      [await desktopContext(journey.browser, url), '1280'],
    ] as const) {
      const page = await context.newPage();
      try {
        for (const status of [rectifying, settled]) {
          const card = await searchFor(page, nameOf(status.institutionId));
          await expect.poll(() => card.getByTestId('inspection-status').textContent()).toBe(`最近检查：${words(status)}`);
        }
        await noSidewaysScroll(page);
        await page.screenshot({ path: path.join(SHOTS, `finder-inspection-status-${size}.png`) });
        // Never inspected: nothing said, rather than a status it does not have.
        const uninspected = await searchFor(page, never.name);
        await uninspected.waitFor();
        expect(await uninspected.getByTestId('inspection-status').count()).toBe(0);

        await page.goto(`/institutions/${rectifying.institutionId}`);
        await expect.poll(() => page.getByTestId('inspection-status').textContent()).toBe(words(rectifying));
        await page.getByTestId('inspection-status').scrollIntoViewIfNeeded();
        await noSidewaysScroll(page);
        await page.screenshot({ path: path.join(SHOTS, `finder-profile-inspection-${size}.png`) });
        await page.goto(`/institutions/${never.id}`);
        await page.getByText('暂无检查记录').waitFor();
      } finally {
        await context.close();
      }
    }
  }, 90_000);

  it('searches the area the parent moved the map to', async () => {
    const context = await phoneContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    try {
      // Near the city centre, as 附近 leaves it: then the parent looks closer on the map.
      await page.goto('/search?lat=34.6&lng=119.22&radiusKm=10');
      await page.getByTestId('search-result').first().waitFor();
      const everyone = await page.getByTestId('search-total').textContent();
      const before = await page.getByTestId('search-result').getByRole('link').allTextContents();
      await page.getByTestId('toggle-map').click();
      const map = page.getByTestId('results-map');
      await expect.poll(async () => Number(await map.getAttribute('data-pins')), { timeout: 30_000 }).toBeGreaterThan(0);

      // Closer in, and off to one side: the area searched is the one now on the screen.
      const box = await map.boundingBox();
      if (!box) throw new Error('the map has no box');
      for (let i = 0; i < 2; i++) {
        await page.mouse.dblclick(box.x + box.width * 0.5, box.y + box.height * 0.5);
        await page.waitForTimeout(500);
      }
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4, { steps: 8 });
      await page.mouse.up();
      await page.getByRole('button', { name: '搜索此区域' }).click();

      await page.waitForURL((u) => u.searchParams.has('lat') && u.searchParams.has('lng') && u.searchParams.has('radiusKm'));
      const radiusKm = Number(new URL(page.url()).searchParams.get('radiusKm'));
      expect(radiusKm).toBeGreaterThan(0);
      expect(radiusKm).toBeLessThan(10);
      await expect.poll(() => page.getByTestId('search-total').textContent()).not.toBe(everyone);
      expect(await page.getByTestId('search-total').textContent()).toMatch(/ · 按距离由近到远排序$/);
      // Every result lies within the area, nearest first.
      const distances = (await page.getByTestId('result-distance').allTextContents()).map((d) => Number.parseFloat(d));
      expect(distances.length).toBeGreaterThan(0);
      expect(distances.every((d) => d <= radiusKm)).toBe(true);
      expect([...distances].sort((a, b) => a - b)).toEqual(distances);
      expect(await page.getByTestId('search-result').getByRole('link').allTextContents()).not.toEqual(before);
      await noSidewaysScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'finder-phone-search-area.png') });
    } finally {
      await context.close();
    }
  }, 90_000);

  it('says an institution from an old link is not there and leads back to the search', async () => {
    const context = await phoneContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    try {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
        await page.goto(`/institutions/${id}`);
        await page.getByTestId('institution-missing').getByText('没有找到这家机构').waitFor();
        expect(await page.getByRole('button', { name: '重试' }).count()).toBe(0);
      }
      await noSidewaysScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'finder-phone-missing.png') });
      await page.getByRole('link', { name: '返回查找托育机构' }).click();
      await page.waitForURL((url) => url.pathname === '/search');
      await page.getByTestId('search-result').first().waitFor();
    } finally {
      await context.close();
    }
  });
});
