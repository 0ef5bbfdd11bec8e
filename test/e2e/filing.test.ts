import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMonthsIso, todayInShanghai } from '../../src/domain/dates/shanghai.ts';
import { desktopContext, noSidewaysScroll, phoneContext, signIn } from './browser.ts';
import { SHOTS, useJourney } from './journey.ts';

/**
 * Story: the demo director of the draft 海州区新苗托育园 uploads the filing documents and submits
 * the filing; the 海州区 official reviews it against the checklist and files it; a parent on a
 * phone then finds it in the public search, which lists only filed institutions, comes back to
 * the same results from its page, and shares the search as a link.
 */

const DIRECTOR = '13900000031';
const DISTRICT_OFFICIAL = '13900000002';
const NAME = '海州区新苗托育园';
// The documents a filing needs: four for every institution, and a food licence because this one serves meals.
const DOCUMENTS = ['登记证书', '场地证明', '卫生评价报告', '消防材料', '食品经营许可'];

// The smallest file the server's content check accepts as a PDF: it reads the magic bytes.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const journey = useJourney();

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `inst-${name}.png`), fullPage: true });
}

describe('a filing from draft to the public search', () => {
  it('director submits, district official files, parent finds it on a phone', async () => {
    const director = await desktopContext(journey.browser, journey.server.url);
    const official = await desktopContext(journey.browser, journey.server.url);
    const parent = await phoneContext(journey.browser, journey.server.url);
    try {
      // Before filing the draft is not public.
      const before = await (await fetch(`${journey.server.url}/api/v1/institutions/search?q=${encodeURIComponent('新苗')}`)).json();
      expect(before.items.map((i: { name: string }) => i.name)).not.toContain(NAME);

      const d = await director.newPage();
      await signIn(d, DIRECTOR);
      await d.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '本机构' }).click();
      await expect.poll(() => d.getByRole('heading', { name: NAME }).count()).toBe(1);
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
      await o.getByRole('link', { name: NAME }).first().click();
      await o.getByRole('button', { name: '开始审核' }).click();
      await expect.poll(() => o.getByTestId('filing-status').textContent()).toBe('审核中');
      // Each document opens from the review page, inline, from the scoped file route.
      const documents = o.getByTestId('filing-document');
      await expect.poll(() => documents.count()).toBe(DOCUMENTS.length);
      const link = documents.first().getByTestId('document-link');
      expect(await link.getAttribute('target')).toBe('_blank');
      const [tab] = await Promise.all([o.context().waitForEvent('page'), link.click()]);
      const opened = await o.request.get(tab.url());
      expect(opened.headers()['content-type']).toBe('application/pdf');
      expect(opened.headers()['content-disposition']).toMatch(/^inline;/);
      expect((await opened.body()).equals(PDF)).toBe(true);
      await tab.close();
      // The checklist opens once filing is offered, and may still be drawing when the first boxes
      // are ticked: tick until none is left.
      await o.getByRole('button', { name: '予以备案' }).waitFor();
      const unticked = o.getByRole('checkbox', { checked: false, disabled: false });
      const ticked = o.getByRole('checkbox', { checked: true });
      // Done when every box has stayed ticked across two looks a moment apart (the page can
      // still re-render from the review it just started).
      let settled = 0;
      await expect
        .poll(
          async () => {
            const left = await unticked.count();
            if (left > 0) await unticked.first().check();
            settled = left === 0 && (await ticked.count()) > 0 ? settled + 1 : 0;
            return settled;
          },
          { interval: 300, timeout: 30_000 },
        )
        .toBeGreaterThanOrEqual(2);
      await shot(o, 'review-desktop');
      await o.getByRole('button', { name: '予以备案' }).click();
      // Filing numbers the receipt, publishes and notifies in one transaction: slow on a busy machine.
      await expect.poll(() => o.getByTestId('filing-status').textContent(), { timeout: 60_000 }).toBe('已备案');
      expect(await o.getByTestId('receipt-number').textContent()).toMatch(/320706-\d{4}-\d{4}/);

      const p = await parent.newPage();
      await p.goto('/');
      await p.goto('/search');
      await p.getByLabel('关键词').fill('新苗');
      await p.getByRole('button', { name: '搜索', exact: true }).click();
      await expect.poll(() => p.getByRole('link', { name: NAME }).count()).toBe(1);
      await noSidewaysScroll(p);
      await shot(p, 'search-phone');
      await p.getByRole('link', { name: NAME }).click();
      await expect.poll(() => p.getByText(/320706-\d{4}-\d{4}/).count()).toBeGreaterThan(0);
      // The district and township are named once, though the address the director typed names them too.
      expect(await p.getByText('海州区新浦街道通灌北路16号', { exact: true }).count()).toBe(1);
      await noSidewaysScroll(p);
      await shot(p, 'profile-phone');

      // Back from the institution's page: the same search, its keyword still in the form.
      await p.goBack();
      await expect.poll(() => p.getByRole('link', { name: NAME }).count()).toBe(1);
      expect(await p.getByLabel('关键词').inputValue()).toBe('新苗');
      // The address is the search: opened elsewhere, it shows the same results and filters.
      const shared = await parent.newPage();
      await shared.goto(p.url());
      await expect.poll(() => shared.getByRole('link', { name: NAME }).count()).toBe(1);
      expect(await shared.getByLabel('关键词').inputValue()).toBe('新苗');
      // Its pinyin initials match, but it is not inclusive and the link asks for inclusive only.
      await shared.goto('/search?q=xm&inclusive=true');
      await expect.poll(() => shared.getByTestId('active-filters').getByText('只看普惠', { exact: true }).count()).toBe(1);
      await expect.poll(() => shared.getByTestId('search-total').count()).toBe(1);
      expect(await shared.getByRole('link', { name: NAME }).count()).toBe(0);
      // It offers full-day care only.
      await shared.goto('/search?q=xm&serviceForm=hourly');
      await expect.poll(() => shared.getByTestId('active-filters').getByText('服务形式：计时托', { exact: true }).count()).toBe(1);
      await expect.poll(() => shared.getByTestId('search-total').count()).toBe(1);
      expect(await shared.getByRole('link', { name: NAME }).count()).toBe(0);
      await shared.goto('/search?q=xm&serviceForm=full_day&division=320706');
      await expect.poll(() => shared.getByRole('link', { name: NAME }).count()).toBe(1);
      // A whole district reads as its name, not its code.
      await expect.poll(() => shared.getByTestId('active-filters').getByText('区域：海州区', { exact: true }).count()).toBe(1);
      // With the child's birth date, the class the child fits is marked: 18 months old is 托小班 age.
      const today = todayInShanghai(new Date());
      await shared.goto(`/search?q=xm&birthDate=${addMonthsIso(today, -18)}`);
      const item = shared.getByRole('listitem').filter({ has: shared.getByRole('link', { name: NAME }) });
      await expect.poll(() => item.getByTestId('fits-child').allTextContents()).toEqual([expect.stringMatching(/^托小班：.*适合宝宝$/)]);
      // Two months old fits no class: the page says why instead of just showing nothing.
      await shared.goto(`/search?birthDate=${addMonthsIso(today, -2)}`);
      await expect.poll(() => shared.getByRole('alert').filter({ hasText: '还不满 6 个月' }).count()).toBe(1);
    } finally {
      await Promise.all([director.close(), official.close(), parent.close()]);
    }
  }, 120_000);

  it('the district official sees what a change filing changes, in words, on a desktop and a phone', async () => {
    const official = await desktopContext(journey.browser, journey.server.url);
    const phone = await phoneContext(journey.browser, journey.server.url);
    try {
      for (const context of [official, phone]) {
        const o = await context.newPage();
        await signIn(o, DISTRICT_OFFICIAL);
        await o.goto('/official/filings');
        await o.getByRole('row').filter({ hasText: '变更备案' }).first().getByRole('link').click();
        const changes = o.getByTestId('filing-changes');
        // The demo's change filing moves to new premises with 60 m² more indoors.
        const address = changes.getByRole('row').filter({ hasText: '地址' });
        await expect.poll(() => address.textContent()).toMatch(/地址.*→.*（新址）/);
        expect(await changes.getByRole('row').filter({ hasText: '室内面积' }).textContent()).toMatch(/\d+ ㎡ → \d+ ㎡/);
        expect(await changes.textContent()).not.toContain('indoorAreaM2');
        await shot(o, context === official ? 'change-review-desktop' : 'change-review-phone');
      }
    } finally {
      await Promise.all([official.close(), phone.close()]);
    }
  }, 60_000);
});
