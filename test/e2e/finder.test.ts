import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noSidewaysScroll, phoneContext } from './browser.ts';
import { SHOTS, useJourney } from './journey.ts';

/**
 * A family on a 375 px phone finds care: results on the first screen in a stated order, a filter
 * picked from the sheet and removed from its tag, the results on the map (no tile server in tests:
 * points on a plain background), and 申请入托 leading through sign-in to the application form
 * with the institution picked. Anonymous pages log no console error.
 */
const PARENT = '13900000005';

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

      // No tile server here: the map still shows the page's results as points.
      await page.getByTestId('toggle-map').click();
      await expect
        .poll(async () => Number(await page.getByTestId('results-map').getAttribute('data-pins')), { timeout: 30_000 })
        .toBeGreaterThan(0);
      await page.screenshot({ path: path.join(SHOTS, 'finder-phone-map.png') });

      // The tag takes its filter away again.
      await tag.locator('.ant-tag-close-icon').click();
      await expect.poll(() => page.getByTestId('search-total').textContent()).toBe(everyone);
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
