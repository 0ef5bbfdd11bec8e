import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { squareOutline } from '../harness/factories/geography.ts';
import { apiAs } from './api.ts';
import { desktopContext, noSidewaysScroll, phoneContext, signIn } from './browser.ts';
import { SHOTS, useJourney } from './journey.ts';

/**
 * Story: the admin imports the city's population grid on the divisions page — a file with a cell
 * far outside the city is refused at the file field, naming its line — and then a good one; the
 * city official switches the dashboard's accessibility card to the grid and sees the children
 * in deserts that the grid gives. On a phone the admin removes the grid again, and imports the
 * district outlines (synthetic squares, one around a township of each district) with their 审图号;
 * a file with a feature outside the city is refused, that feature named.
 */

const ADMIN = '13900000000';
const CITY_OFFICIAL = '13900000001';
const CITY = '320700';

type Division = { children: { code: string }[]; referencePoint: { lat: number; lng: number } | null };
type Access = { points: { lat: number; lng: number }[]; childrenInDeserts: number };

const journey = useJourney();
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `population-grid-${name}.png`), fullPage: true });

const csv = (lines: string[]) => ({ name: 'grid.csv', mimeType: 'text/csv', buffer: Buffer.from(['lat,lng,under3', ...lines].join('\n')) });

describe('population grid', () => {
  it('the admin imports a grid; the city official computes accessibility over it', async () => {
    const official = await apiAs(journey.server.url, CITY_OFFICIAL);
    const byTownship = await official<Access>('GET', `/api/v1/planning/access?divisionCode=${CITY}`);
    // Two cells per township: one at its reference point, one about 1.5 km north-east of it.
    const cells = byTownship.points.flatMap((p, i) => [
      `${p.lat.toFixed(5)},${p.lng.toFixed(5)},${30 + (i % 7) * 10}`,
      `${(p.lat + 0.01).toFixed(5)},${(p.lng + 0.01).toFixed(5)},${10 + (i % 5) * 5}`,
    ]);

    const admin = await desktopContext(journey.browser, journey.server.url);
    const page = await admin.newPage();
    try {
      await signIn(page, ADMIN, '/admin');
      await page.goto('/admin/divisions');
      const card = page.getByTestId('population-grid');
      await card.getByTestId('grid-none').waitFor();
      await card.locator('input[type=file]').setInputFiles(csv([...cells.slice(0, 3), '39.90000,116.40000,8']));
      await card.getByTestId('grid-problems').filter({ hasText: '5: 位置（39.9, 116.4）远在本市范围之外' }).waitFor();
      await shot(page, 'refused-1280');
      await card.locator('input[type=file]').setInputFiles(csv(cells));
      await card
        .getByTestId('grid-summary')
        .filter({ hasText: new Intl.NumberFormat('zh-CN').format(cells.length) })
        .waitFor();
      await shot(page, 'imported-1280');
    } finally {
      await admin.close();
    }

    const byGrid = await official<Access>('GET', `/api/v1/planning/access?divisionCode=${CITY}&demand=grid`);
    for (const context of [
      await desktopContext(journey.browser, journey.server.url),
      await phoneContext(journey.browser, journey.server.url),
    ]) {
      const dashboard = await context.newPage();
      try {
        await signIn(dashboard, CITY_OFFICIAL, '/official');
        const access = dashboard.getByTestId('access-card');
        await access.getByTestId('access-demand').getByText('按人口网格').click();
        await access
          .getByTestId('children-in-deserts')
          .filter({ hasText: `洼地中的 3 岁以下婴幼儿：${new Intl.NumberFormat('zh-CN').format(byGrid.childrenInDeserts)} 人` })
          .waitFor();
        await access.getByText('按人口网格计算').waitFor();
        const wide = (dashboard.viewportSize()?.width ?? 0) > 400;
        if (!wide) await noSidewaysScroll(dashboard);
        await access.scrollIntoViewIfNeeded();
        await dashboard.screenshot({ path: path.join(SHOTS, `population-grid-dashboard-${wide ? 1280 : 375}.png`) });
        if (wide) {
          // The city official reads the grid's summary where the admin manages it, without the admin's controls.
          await dashboard.goto('/official/divisions');
          await dashboard.getByTestId('grid-summary').filter({ hasText: '系统管理员' }).waitFor();
          expect(await dashboard.getByTestId('grid-remove').count()).toBe(0);
          await shot(dashboard, 'official-1280');
        }
      } finally {
        await context.close();
      }
    }
    expect(byGrid.points.length).toBe(byTownship.points.length);
  });

  it('the divisions page with the grid fits a 375 px phone; the admin removes the grid after confirming', async () => {
    const context = await phoneContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    try {
      await signIn(page, ADMIN, '/admin');
      await page.goto('/admin/divisions');
      await page.getByTestId('grid-summary').waitFor();
      await noSidewaysScroll(page);
      await shot(page, 'imported-375');
      await page.getByTestId('grid-remove').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: '删除网格' }).click();
      await page.getByTestId('grid-none').waitFor();
      const official = await apiAs(journey.server.url, CITY_OFFICIAL);
      await expect(official('GET', `/api/v1/planning/access?divisionCode=${CITY}&demand=grid`)).rejects.toThrow(/409/);
    } finally {
      await context.close();
    }
  });

  it('the admin imports the district outlines from a GeoJSON file on a phone; a feature outside the city is named', async () => {
    const admin = await apiAs(journey.server.url, ADMIN);
    const features = [];
    for (const district of (await admin<Division>('GET', `/api/v1/divisions/${CITY}`)).children) {
      const township = (await admin<Division>('GET', `/api/v1/divisions/${district.code}`)).children[0];
      const point = township && (await admin<Division>('GET', `/api/v1/divisions/${township.code}`)).referencePoint;
      if (point) features.push(squareOutline(district.code, point, 0.05));
    }
    expect(features.length).toBeGreaterThan(1);
    const geojson = (list: unknown[]) => ({
      name: 'outlines.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: list })),
    });

    const context = await phoneContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    try {
      await signIn(page, ADMIN, '/admin');
      await page.goto('/admin/divisions');
      const card = page.getByTestId('district-outlines');
      await card.getByTestId('outlines-summary').filter({ hasText: '已导入区县0' }).waitFor();
      await card.getByTestId('outlines-approval').fill('GS(2099)0001号');
      await card.locator('input[type=file]').setInputFiles(geojson([...features, squareOutline('110101', { lat: 39.9, lng: 116.4 })]));
      await card.getByTestId('outlines-import').click();
      await card
        .getByTestId('outlines-problems')
        .filter({ hasText: `第${features.length + 1}个要素（110101）：区划代码“110101”不是本市现行的区县` })
        .waitFor();
      await noSidewaysScroll(page);
      await card.screenshot({ path: path.join(SHOTS, 'population-grid-outlines-refused-375.png') });
      await card.locator('input[type=file]').setInputFiles(geojson(features));
      await card.getByTestId('outlines-import').click();
      await card
        .getByTestId('outlines-summary')
        .filter({ hasText: `已导入区县${features.length}` })
        .filter({ hasText: 'GS(2099)0001号' })
        .waitFor();
      await card.screenshot({ path: path.join(SHOTS, 'population-grid-outlines-375.png') });
      const imported = await admin<{ approvalNumbers: string[]; outlines: { features: unknown[] } }>('GET', '/api/v1/divisions/outlines');
      expect(imported.outlines.features.length).toBe(features.length);
    } finally {
      await context.close();
    }
  });
});
