import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { desktopContext, noSidewaysScroll, phoneContext, signIn } from './browser.ts';
import { SHOTS, useJourney } from './journey.ts';

/**
 * Story: on a phone a parent complains about an institution from its public page; the district
 * official accepts the complaint and orders a targeted inspection from it; the parent sees 已安排检查;
 * the official resolves it with an answer; the parent reads the answer in 我的投诉 (the text shown
 * exactly as typed, markup and all) and rates the handling.
 */

const PARENT = '13900000005';
const DISTRICT = '13900000002';

const journey = useJourney();

describe('complaints journey', () => {
  it('a parent complains on a phone, the district accepts and resolves, the parent reads the answer and rates', async () => {
    const official = await apiAs(journey.server.url, DISTRICT);
    const queue = await official<{ items: { institution: { id: string; name: string } }[] }>('GET', '/api/v1/complaints');
    const institution = (queue.items[0] as { institution: { id: string; name: string } }).institution;
    const text = `午睡室窗户没有护栏 <b>请核实</b> ${Date.now()}`;

    const phone = await phoneContext(journey.browser, journey.server.url);
    const page = await phone.newPage();
    await signIn(page, PARENT, '/family');
    await page.goto(`/institutions/${institution.id}`);
    await page.getByTestId('complain').click();
    await page.waitForURL('**/complain');
    await page
      .locator('label')
      .filter({ hasText: /^安全$/ })
      .click();
    await page.getByLabel('投诉内容').fill(text);
    await page.getByTestId('complaint-submit').click();
    await expect.poll(() => page.getByTestId('complaint-sent').textContent()).toContain('投诉编号 TS');
    await noSidewaysScroll(page);
    await page.screenshot({ path: path.join(SHOTS, 'complaint-sent-375.png'), fullPage: true });

    const desk = await desktopContext(journey.browser, journey.server.url);
    const district = await desk.newPage();
    await signIn(district, DISTRICT, '/official');
    await district.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '投诉' }).click();
    const card = district.getByTestId('complaint').filter({ hasText: text });
    await expect.poll(() => card.getByTestId('complaint-due').textContent()).toContain('前受理');
    await card.getByTestId('action-accept').click();
    await expect.poll(() => card.getByTestId('complaint-status').textContent()).toBe('办理中');
    await card.getByTestId('order-inspection').click();
    await expect.poll(() => card.getByTestId('complaint-inspection').textContent()).toContain('已安排检查');
    expect(await card.getByTestId('order-inspection').count()).toBe(0);
    await district.screenshot({ path: path.join(SHOTS, 'complaint-inspection-ordered-1280.png'), fullPage: true });

    await page.goto('/family/complaints');
    const followed = page.getByTestId('complaint').filter({ hasText: text });
    await expect.poll(() => followed.getByTestId('complaint-inspection').textContent()).toContain('已安排检查');
    expect(await followed.textContent()).not.toMatch(/检查人员/);
    await noSidewaysScroll(page);
    await page.screenshot({ path: path.join(SHOTS, 'complaint-inspection-ordered-375.png'), fullPage: true });
    await card.getByTestId('action-resolve').click();
    await card.getByRole('radio', { name: '属实', exact: true }).check();
    await card.getByLabel('给投诉人的答复').fill('经现场核查属实，已责令该园三日内加装窗户护栏。');
    await card.getByTestId('transition-confirm').click();
    // Resolved, it leaves the open queue.
    await expect.poll(() => card.count()).toBe(0);
    await district.screenshot({ path: path.join(SHOTS, 'complaint-queue-1280.png'), fullPage: true });

    await page.goto('/family/complaints');
    const mine = page.getByTestId('complaint').filter({ hasText: text });
    await expect.poll(() => mine.getByTestId('complaint-answer').textContent()).toContain('已责令该园三日内加装窗户护栏');
    expect(await mine.getByTestId('complaint-text').textContent()).toBe(text);
    expect(await mine.locator('b').count()).toBe(0);
    await mine.locator('.ant-rate-star').nth(3).click();
    await mine.getByLabel('评价内容（选填）').fill('处理及时');
    await mine.getByTestId('rate-submit').click();
    await expect.poll(() => mine.getByTestId('complaint-rating').textContent()).toContain('4 星');
    await noSidewaysScroll(page);
    await page.screenshot({ path: path.join(SHOTS, 'complaint-answered-375.png'), fullPage: true });
    await Promise.all([phone.close(), desk.close()]);
  });
});
