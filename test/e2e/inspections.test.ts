import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDaysIso, todayInShanghai } from '../../src/domain/dates/shanghai.ts';
import { apiAs } from './api.ts';
import { desktopContext, noSidewaysScroll, phoneContext, signIn } from './browser.ts';
import { pickOption } from './forms.ts';
import { SHOTS, useJourney } from './journey.ts';

/**
 * Story: the 海州区 health bureau draws a round of "double random" inspections; an inspector on a
 * phone records that the guidance centre keeps CCTV too briefly, with a deadline; the director
 * uploads a photo of the fix (and sees the inspector's photo of the failure); the city follows it on
 * its read-only page; the inspector accepts it; the public page shows the inspection with the
 * failure rectified, and neither notes nor photos.
 */

const DISTRICT = '13900000002';
const DIRECTOR = '13900000003';
const CENTRE = '连云港市婴幼儿照护服务指导中心';
const CITY = '13900000001';
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(256, 7)]);
// A real 1×1 PNG: the results form decodes and re-encodes a photo in the browser before sending it.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b50000000049454e44ae426082',
  'hex',
);

const journey = useJourney();

describe('inspections journey', () => {
  it('district draws, inspector records a failure, director rectifies, inspector accepts, the public sees it', async () => {
    const today = todayInShanghai(new Date());
    const desk = await desktopContext(journey.browser, journey.server.url);
    const official = await desk.newPage();
    await signIn(official, DISTRICT, '/official');
    await official.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '监督检查' }).click();
    await official.getByLabel('检查开始日期').fill(today);
    await official.getByLabel('检查结束日期').fill(addDaysIso(today, 30));
    // Every institution of the district, so the guidance centre is surely among them.
    await official.getByLabel('抽查比例').fill('100');
    await official.getByRole('button', { name: '随机抽取' }).click();
    await expect.poll(() => official.getByTestId('drawn').textContent()).toContain('随机种子');
    await official.getByRole('button', { name: '复核抽取结果' }).first().click();
    await expect.poll(() => official.getByText('结果一致').count()).toBe(1);
    await official.screenshot({ path: path.join(SHOTS, 'inspections-draw-1280.png'), fullPage: true });
    await official.getByRole('tab', { name: '检查人员名录' }).click();
    await expect.poll(() => official.getByRole('button', { name: '停用' }).count()).toBeGreaterThan(1);
    await official.screenshot({ path: path.join(SHOTS, 'inspections-directory-1280.png'), fullPage: true });

    const api = await apiAs(journey.server.url, DISTRICT);
    const listed = await api<{ id: string; institutionId: string; institutionName: string; overall: string | null }[]>(
      'GET',
      '/api/v1/inspections?divisionCode=320706',
    );
    const drawn = listed.find((i) => i.institutionName === CENTRE && i.overall === null);
    expect(drawn).toBeDefined();
    const inspectionId = drawn?.id as string;

    const phone = await phoneContext(journey.browser, journey.server.url);
    const inspector = await phone.newPage();
    await signIn(inspector, DISTRICT, '/official');
    await inspector.goto(`/official/inspections/${inspectionId}`);
    const cctv = inspector.getByTestId('item-cctv');
    await cctv.getByText('不符合').click();
    await cctv.getByLabel('备注').fill('硬盘只保存了30天录像');
    await cctv.getByLabel('整改要求').fill('更换存储设备，录像保存不少于90天');
    await cctv.getByLabel('整改期限').fill(addDaysIso(today, 14));
    await cctv.locator('input[type=file]').setInputFiles({ name: 'cctv.png', mimeType: 'image/png', buffer: PNG });
    await noSidewaysScroll(inspector);
    await cctv.screenshot({ path: path.join(SHOTS, 'inspections-item-photo-375.png') });
    await inspector.getByLabel('检查日期').fill(today);
    await inspector.getByText('限期整改', { exact: true }).click();
    await inspector.getByRole('button', { name: '提交检查结果' }).click();
    const card = inspector.getByTestId('rectification');
    await expect.poll(() => card.getAttribute('data-status')).toBe('open');
    await expect.poll(() => inspector.getByTestId('item-photos-cctv').locator('img').count()).toBe(1);
    await noSidewaysScroll(inspector);
    await inspector.screenshot({ path: path.join(SHOTS, 'inspections-recorded-375.png'), fullPage: true });

    const directorContext = await phoneContext(journey.browser, journey.server.url);
    const director = await directorContext.newPage();
    await signIn(director, DIRECTOR, '/institution');
    await director.goto('/institution/inspections');
    await director.getByTestId('inspection').filter({ hasText: today }).getByRole('link').click();
    const photo = director.getByTestId('item-photos-cctv').locator('img');
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const toRectify = director.getByTestId('rectification');
    await toRectify.getByLabel('整改说明').fill('已更换8TB硬盘，录像保存92天');
    await toRectify.locator('input[type=file]').setInputFiles({ name: 'cctv.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await toRectify.getByRole('button', { name: '提交整改材料' }).click();
    await expect.poll(() => toRectify.getAttribute('data-status')).toBe('submitted');
    await noSidewaysScroll(director);
    await director.screenshot({ path: path.join(SHOTS, 'inspections-evidence-375.png'), fullPage: true });

    const cityContext = await phoneContext(journey.browser, journey.server.url);
    const city = await cityContext.newPage();
    await signIn(city, CITY, '/official');
    await city.goto('/official/inspections');
    await city.getByTestId('filter-rectifications').click();
    await pickOption(city, '有未完成整改');
    const followed = city.getByTestId('inspection').filter({ hasText: CENTRE }).filter({ hasText: today });
    await expect.poll(() => followed.textContent()).toContain('海州区');
    const cityListed = await city.getByTestId('inspection').allTextContents();
    expect(cityListed.every((text) => text.includes('项整改未完成'))).toBe(true);
    expect(await city.getByRole('button', { name: '随机抽取' }).count()).toBe(0);
    await expect.poll(() => city.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await noSidewaysScroll(city);
    await city.screenshot({ path: path.join(SHOTS, 'inspections-city-375.png'), fullPage: true });
    await followed.getByRole('link').click();
    await expect.poll(() => city.getByTestId('rectification').getAttribute('data-status')).toBe('submitted');
    expect(await city.getByRole('button', { name: '整改通过' }).count()).toBe(0);
    expect(await city.getByTestId('results-form').count()).toBe(0);
    await cityContext.close();

    await inspector.reload();
    await card.getByRole('button', { name: '整改通过' }).click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('accepted');

    const visitor = await phone.newPage();
    await visitor.goto(`/institutions/${drawn?.institutionId}`);
    const latest = visitor.getByTestId('inspection-record').first();
    await expect.poll(() => latest.textContent()).toContain(today);
    expect(await latest.textContent()).toContain('视频监控保存90天 已整改');
    expect(await visitor.getByTestId('inspection-history').textContent()).not.toContain('硬盘只保存了30天录像');
    expect(await visitor.locator('img[src*="/api/v1/inspections/"]').count()).toBe(0);
    await noSidewaysScroll(visitor);
    await visitor.screenshot({ path: path.join(SHOTS, 'inspections-public-375.png'), fullPage: true });
  });
});
