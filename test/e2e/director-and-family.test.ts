import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatCny } from '../../src/domain/money/fen.ts';
import { apiAs } from './api.ts';
import { desktopContext, noSidewaysScroll, phoneContext, signIn } from './browser.ts';
import { SHOTS, useJourney } from './journey.ts';

/**
 * Stories of issue 19: the demo director of the draft 海州区新苗托育园 is told in words what a
 * filing lacks and why a class is refused, at the field; the compliance problems of a class with
 * no caregiver are listed on the director's page and on the district's review page, and the
 * district files it only with a written reason. A parent on a phone sees where the child is
 * placed and last month's statement.
 */

const DIRECTOR = '13900000031';
const DISTRICT_OFFICIAL = '13900000002';
const PARENT = '13900000005';
const DOCUMENTS = ['登记证书', '场地证明', '卫生评价报告', '消防材料', '食品经营许可'];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const GENERIC = '提交的信息有误';

const journey = useJourney();

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `issue19-${name}.png`), fullPage: true });
}

/** The same page in another viewport (375 or 1280 px), for a look. */
async function shotIn(viewport: 'phone' | 'desktop', path: string, phone: string, name: string) {
  const open = viewport === 'phone' ? phoneContext : desktopContext;
  const context = await open(journey.browser, journey.server.url);
  try {
    const page = await context.newPage();
    await signIn(page, phone);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await noSidewaysScroll(page);
    await shot(page, `${name}-${viewport}`);
  } finally {
    await context.close();
  }
}

describe('broken journeys of directors, officials and parents', () => {
  it('director reads what is wrong in words and at the field; the district files past problems only with a reason', async () => {
    const director = await desktopContext(journey.browser, journey.server.url);
    const official = await desktopContext(journey.browser, journey.server.url);
    try {
      const d = await director.newPage();
      await signIn(d, DIRECTOR);
      await d.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '本机构' }).click();
      await expect.poll(() => d.getByRole('heading', { name: '海州区新苗托育园' }).count()).toBe(1);

      // Submitting without documents lists each missing one in words, never as raw JSON.
      await d.getByRole('button', { name: '提交备案' }).click();
      const filingError = d.getByTestId('filing-error');
      await expect.poll(() => filingError.getByRole('listitem').allTextContents()).toEqual(DOCUMENTS.map((doc) => `上传备案材料：${doc}`));
      expect(await filingError.textContent()).not.toContain('"item"');

      // A 托小班 of 30 is refused at the places field, in the standard's words.
      const addClass = d.getByRole('form', { name: '添加班级' });
      await addClass.getByLabel('班级名称').fill('大一班');
      await addClass.getByLabel('托位数').fill('30');
      await addClass.getByRole('button', { name: '添加班级' }).click();
      const places = addClass.locator('.ant-form-item').filter({ has: d.getByLabel('托位数') });
      await expect
        .poll(() => places.locator('.ant-form-item-explain-error').textContent())
        .toBe('托小班最多15人（国家标准），请减少托位数');
      expect(await d.getByText(GENERIC).count()).toBe(0);
      expect(await d.getByText('大一班 · ').count()).toBe(0);

      // Within the standard but without a caregiver it saves, and the problems are listed in words.
      await addClass.getByLabel('托位数').fill('10');
      await addClass.getByRole('button', { name: '添加班级' }).click();
      await expect.poll(() => d.getByText('大一班 · ').count()).toBe(1);
      const problems = d.getByTestId('compliance-problems');
      await expect
        .poll(() => problems.getByRole('listitem').allTextContents())
        .toEqual(['大一班（托小班）按 10 名幼儿应配保育人员至少 2 名，实有 0 名', '大一班（托小班）没有资格证和健康证均有效的保育人员']);
      await shot(d, 'director-desktop');
      await shotIn('phone', '/institution/my-institution', DIRECTOR, 'director');

      for (const label of DOCUMENTS) {
        const count = await d.getByText(`${label} · `).count();
        await d.getByLabel(label, { exact: true }).setInputFiles({ name: 'doc.pdf', mimeType: 'application/pdf', buffer: PDF });
        await expect.poll(() => d.getByText(`${label} · `).count()).toBe(count + 1);
      }
      await d.getByRole('button', { name: '提交备案' }).click();
      await expect.poll(() => d.getByTestId('institution-status').textContent()).toBe('已提交');

      const o = await official.newPage();
      await signIn(o, DISTRICT_OFFICIAL);
      await o.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '备案审核' }).click();
      await o.getByRole('link', { name: '海州区新苗托育园' }).first().click();
      await o.getByRole('button', { name: '开始审核' }).click();
      await expect.poll(() => o.getByTestId('filing-status').textContent()).toBe('审核中');
      await expect.poll(() => o.getByTestId('compliance-problems').getByRole('listitem').count()).toBe(2);
      expect(await o.getByTestId('compliance-problems').textContent()).toContain('大一班（托小班）没有资格证和健康证均有效的保育人员');
      for (const box of await o.getByRole('checkbox').all()) await box.check();

      // Filing without a reason is refused at the reason's field; with one it files and keeps it.
      await o.getByRole('button', { name: '予以备案' }).click();
      const reasonItem = o.locator('.ant-form-item').filter({ has: o.getByLabel('予以备案的理由') });
      await expect
        .poll(() => reasonItem.locator('.ant-form-item-explain-error').textContent())
        .toBe('该机构仍有合规问题，予以备案须写明理由');
      expect(await o.getByTestId('filing-status').textContent()).toBe('审核中');
      await shot(o, 'review-desktop');
      const url = new URL(o.url()).pathname;
      await shotIn('phone', url, DISTRICT_OFFICIAL, 'review');
      const reason = '机构承诺一周内为大一班配齐两名持证保育人员，届时复查';
      await o.getByLabel('予以备案的理由').fill(reason);
      await o.getByRole('button', { name: '予以备案' }).click();
      // Filing numbers the receipt, publishes and notifies in one transaction: slow on a busy machine.
      await expect.poll(() => o.getByTestId('filing-status').textContent(), { timeout: 60_000 }).toBe('已备案');
      await expect.poll(() => o.getByTestId('filed-despite').textContent(), { timeout: 30_000 }).toContain(reason);

      await d.reload();
      await expect.poll(() => d.getByTestId('institution-status').textContent()).toBe('已备案');
      expect(await d.getByText(reason).count()).toBe(1);
    } finally {
      await Promise.all([director.close(), official.close()]);
    }
  }, 180_000);

  it('parent on a phone sees where the child is placed and last month’s statement', async () => {
    const api = await apiAs(journey.server.url, PARENT);
    const [child] = (await api<{ items: { id: string; name: string }[] }>('GET', '/api/v1/children')).items;
    if (!child) throw new Error('the demo parent has no child');
    const [last] = (
      await api<{ items: { id: string; month: string; totalDueFen: number; deductionsFen: number }[] }>(
        'GET',
        `/api/v1/children/${child.id}/statements`,
      )
    ).items;
    if (!last) throw new Error('the demo child has no statement');
    const { place } = await api<{ place: { institutionName: string; className: string } }>('GET', `/api/v1/children/${child.id}/place`);

    const context = await phoneContext(journey.browser, journey.server.url);
    try {
      const p = await context.newPage();
      await signIn(p, PARENT);
      await p.goto('/family/children');
      await p.getByTestId('child-card').filter({ hasText: child.name }).getByRole('link', { name: '档案与接送' }).click();
      await expect.poll(() => p.getByTestId('place-institution').textContent()).toBe('连云港市婴幼儿照护服务指导中心');
      expect(await p.getByTestId('place-class').textContent()).toContain(place.className);
      await noSidewaysScroll(p);
      await shot(p, 'child-phone');
      await shotIn('desktop', new URL(p.url()).pathname, PARENT, 'child');

      await p.getByTestId('open-statements').click();
      await expect.poll(() => p.getByTestId('statement-month').textContent()).toContain(last.month);
      await expect.poll(() => p.getByTestId('statement-total-due').textContent()).toBe(formatCny(last.totalDueFen));
      expect(await p.getByTestId('statement-deductions').textContent()).toBe(formatCny(last.deductionsFen));
      expect(await p.getByText(place.institutionName).count()).toBeGreaterThan(0);
      await noSidewaysScroll(p);
      await shot(p, 'statement-phone');
      await shotIn('desktop', new URL(p.url()).pathname, PARENT, 'statement');
    } finally {
      await context.close();
    }
  }, 120_000);
});
