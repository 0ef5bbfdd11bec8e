import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { desktopContext, noSidewaysScroll, phoneContext, signIn } from './browser.ts';
import { SHOTS, useJourney } from './journey.ts';

/**
 * Story: the guidance centre's director applies for a social insurance subsidy (社保补贴) with a PDF;
 * the 海州区 health bureau passes it to the city; the city health commission approves it with an
 * amount; the director sees it approved with that amount. The director then issues the
 * residential utility-price certificate and the public check page says it is valid. A parent on a
 * phone opens the tax deduction statement and sees the child's months, and applies for the
 * childcare subsidy (育儿补贴), which the district approves from a list without children's names.
 */

const DIRECTOR = '13900000003';
// The guidance centre is in 海州区 (320706), which this district official covers.
const DISTRICT_OFFICIAL = '13900000002';
const CITY_OFFICIAL = '13900000001';
const PARENT = '13900000005';
// The brief's phone: wide enough for a current mid-range handset, as narrow as most.
const PHONE = { width: 390, height: 844 };

// The smallest file the server's content check accepts as a PDF: it reads the magic bytes.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const journey = useJourney();

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `subsidy-${name}.png`), fullPage: true });

function shanghaiYear(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
}

describe('institution subsidies, certificates and family benefits', () => {
  it('director applies, district passes, city approves; certificate checks valid; parent reads the statement on a phone', async () => {
    const year = shanghaiYear();
    // A period no demo application has, so every page can pick this one out by it.
    const period = `${year}-02-01 – ${year}-07-31`;
    const directorContext = await desktopContext(journey.browser, journey.server.url);
    const districtContext = await desktopContext(journey.browser, journey.server.url);
    const cityContext = await desktopContext(journey.browser, journey.server.url);
    const publicContext = await phoneContext(journey.browser, journey.server.url, { viewport: PHONE });
    const parentContext = await phoneContext(journey.browser, journey.server.url, { viewport: PHONE });
    try {
      // ── director applies with a PDF ──
      const d = await directorContext.newPage();
      await signIn(d, DIRECTOR, '/institution');
      await d.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '机构补贴' }).click();
      await d.getByTestId('start-apply').click();
      const form = d.getByTestId('apply-form');
      await form.getByLabel('社保补贴').check();
      await form.getByLabel('期间开始').fill(`${year}-02-01`);
      await form.getByLabel('期间结束').fill(`${year}-07-31`);
      await form.getByLabel('参保人数').fill('6');
      await form.getByLabel('月数').fill('6');
      await form.getByLabel('申请金额（元）').fill('28,800');
      await form.getByLabel('情况说明').fill('为6名在岗保育人员缴纳2月至7月社会保险。');
      await form.getByLabel('申请材料').setInputFiles({ name: '社保缴费证明.pdf', mimeType: 'application/pdf', buffer: PDF });
      await shot(d, 'director-apply');
      await form.getByRole('button', { name: '提交申请' }).click();
      const mine = d.getByTestId('application').filter({ hasText: period });
      await mine.getByTestId('application-status').filter({ hasText: '待区县审核' }).waitFor();
      expect(await mine.getByTestId('headline-amount').textContent()).toBe('申请 ¥28,800.00');
      await d.getByRole('link', { name: /社保缴费证明\.pdf/ }).waitFor();

      // ── district official passes it to the city ──
      const o = await districtContext.newPage();
      await signIn(o, DISTRICT_OFFICIAL, '/official');
      await o.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '机构补贴' }).click();
      const districtRow = o.getByTestId('review-queue').getByRole('row').filter({ hasText: period });
      await districtRow.waitFor();
      await shot(o, 'district-queue');
      await districtRow.getByRole('link').click();
      // The document opens from the detail page: the link serves the uploaded PDF.
      const documentLink = o.getByRole('link', { name: /社保缴费证明\.pdf/ });
      const served = await o.request.get((await documentLink.getAttribute('href')) as string);
      expect(served.headers()['content-type']).toBe('application/pdf');
      await o.getByLabel('审核意见').fill('参保人数与缴费证明一致。');
      await shot(o, 'district-review');
      await o.getByRole('button', { name: '审核通过，报市卫健委' }).click();
      await o.getByTestId('application-status').filter({ hasText: '待市级审批' }).waitFor();

      // ── city official approves with an amount ──
      const c = await cityContext.newPage();
      await signIn(c, CITY_OFFICIAL, '/official');
      await c.goto('/official/subsidy-applications');
      await c.getByTestId('review-queue').getByRole('row').filter({ hasText: period }).getByRole('link').click();
      await c.getByLabel('批准金额（元）').fill('26400');
      await c.getByRole('button', { name: '批准', exact: true }).click();
      await c.getByTestId('application-status').filter({ hasText: '已批准' }).waitFor();
      await shot(c, 'city-approved');

      // ── the director sees it approved with that amount ──
      await d.reload();
      await mine.getByTestId('application-status').filter({ hasText: '已批准' }).waitFor();
      expect(await mine.getByTestId('headline-amount').textContent()).toBe('批准 ¥26,400.00');
      await mine.click();
      await d.getByTestId('approved-amount').filter({ hasText: '¥26,400.00' }).waitFor();
      await d.getByTestId('application-history').getByText('市卫健委批准').first().waitFor();
      await shot(d, 'director-approved');

      // ── the director asks for the utility-price certificate; the district bureau issues it ──
      await d.getByTestId('certificates').getByRole('button', { name: '申请开具' }).click();
      await d.getByRole('button', { name: '确定' }).click();
      await d.getByTestId('certificate-request').filter({ hasText: '等待区卫生健康局审核' }).waitFor();
      await o.goto('/official/subsidy-applications?tab=certificates');
      const asked = o.getByTestId('certificate-request-item').filter({ hasText: '连云港市婴幼儿照护服务指导中心' });
      await shot(o, 'district-certificate-request');
      await asked.getByRole('button', { name: '审核通过并开具' }).click();
      await o.getByRole('button', { name: '确定' }).click();
      await asked.waitFor({ state: 'detached' });
      await d.reload();
      const certificate = d.getByTestId('certificate').first();
      const code = ((await certificate.getByTestId('certificate-code').textContent()) ?? '').trim();
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const pdf = await d.request.get((await certificate.getByTestId('certificate-pdf').getAttribute('href')) as string);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      await certificate.scrollIntoViewIfNeeded();
      await shot(d, 'director-certificate');

      // ── anyone checks the code on the public page ──
      const p = await publicContext.newPage();
      await p.goto('/verify/utility-certificates');
      await p.getByLabel('证明编号').fill(code.toLowerCase());
      await p.getByRole('button', { name: '核验', exact: true }).click();
      await p.getByTestId('verification-status').filter({ hasText: '有效' }).waitFor();
      expect(await p.getByTestId('verification').getAttribute('data-status')).toBe('valid');
      expect(await p.getByTestId('verification').textContent()).toContain('连云港市婴幼儿照护服务指导中心');
      await noSidewaysScroll(p);
      await shot(p, 'verify-phone');
      // The certificate's own link holds the code after `#`: the page checks it, and no request names it.
      const link = (await certificate.getByTestId('certificate-verify-link').getAttribute('href')) as string;
      expect(link).toMatch(/^\/verify\/utility-certificates#[0-9A-Z]{12}$/);
      const byLink = await publicContext.newPage();
      const urls: string[] = [];
      byLink.on('request', (r) => urls.push(r.url()));
      await byLink.goto(link);
      await byLink.getByTestId('verification-status').filter({ hasText: '有效' }).waitFor();
      expect(urls.filter((u) => u.includes(link.split('#')[1] as string))).toEqual([]);

      // ── a parent reads the tax deduction statement on a phone ──
      const parentApi = await apiAs(journey.server.url, PARENT);
      const statement = await parentApi<{ children: Array<{ childName: string; months: Array<{ month: string }> }> }>(
        'GET',
        `/api/v1/tax-deduction/${year}`,
      );
      const child = statement.children[0];
      if (!child) throw new Error(`the demo parent has no child under 3 in ${year}`);
      const f = await parentContext.newPage();
      await signIn(f, PARENT, '/family');
      await f.goto('/family/benefits');
      const card = f.getByTestId('tax-child').filter({ hasText: child.childName });
      await card.getByTestId('tax-months').waitFor();
      for (const { month } of child.months) await card.getByRole('cell', { name: month, exact: true }).waitFor();
      expect(await card.getByTestId('tax-months').locator('tbody tr').count()).toBe(child.months.length);
      await noSidewaysScroll(f);
      await shot(f, 'parent-benefits-phone');

      // ── the parent applies for the childcare subsidy; the district decides it without the child's name ──
      const subsidy = f.getByTestId('subsidy-child').filter({ hasText: child.childName });
      await subsidy.getByRole('button', { name: '申请育儿补贴' }).click();
      await f
        .locator('.ant-popconfirm:visible')
        .filter({ hasText: '确定申请育儿补贴？' })
        .getByRole('button', { name: '申请育儿补贴' })
        .click();
      await subsidy.getByTestId('subsidy-claim').getByText('待审核').waitFor();
      await o.goto('/official/subsidy-applications?tab=claims');
      const claims = o.getByTestId('childcare-claims');
      await claims.getByRole('row').nth(1).waitFor();
      expect(await claims.textContent()).not.toContain(child.childName);
      await shot(o, 'district-claims');
      await claims.getByRole('button', { name: '通过', exact: true }).first().click();
      await o.getByText('没有申请').waitFor();
      await f.reload();
      await subsidy.getByTestId('subsidy-claim').getByText('已通过').waitFor();
      await shot(f, 'parent-subsidy-approved-phone');
    } finally {
      await Promise.all([
        directorContext.close(),
        districtContext.close(),
        cityContext.close(),
        publicContext.close(),
        parentContext.close(),
      ]);
    }
  }, 300_000);
});
