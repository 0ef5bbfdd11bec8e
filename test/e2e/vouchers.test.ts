import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/domain/dates/shanghai.ts';
import { formatCny, yuanToFen } from '../../src/domain/money/fen.ts';
import { apiAs } from './api.ts';
import { desktopContext, noSidewaysScroll, phoneContext, signIn } from './browser.ts';
import { SHOTS, useJourney } from './journey.ts';

/**
 * Story: on a phone a parent claims this year's childcare voucher for the child who goes to the
 * guidance centre; the centre's director generates the month's fee statements and redeems the
 * voucher on the child's statement by typing its code; the statement shows the deduction; the
 * city official's program page shows redeemed up and outstanding down, in agreement with the API.
 */

const PARENT = '13900000005';
const DIRECTOR = '13900000003';
const CITY_OFFICIAL = '13900000001';
/** The phone the family pages are designed for (iPhone 12–15 class). */
const PHONE = { width: 390, height: 844 };

type Summary = { budgetFen: number; unissuedFen: number; outstandingFen: number; redeemedFen: number; expiredFen: number };
type Available = {
  id: string;
  name: string;
  issuance: string;
  budgetLeft: boolean;
  faceValueFen: number;
  children: Array<{ childId: string; childName: string; canClaim: boolean }>;
};

const journey = useJourney();

/** A summary card's amount as the page shows it ("¥1,234.50"), read back as fen. */
async function fenOnPage(page: Page, part: keyof Summary): Promise<number> {
  const text = (await page.getByTestId(`summary-${part}`).locator('.ant-statistic-content').textContent()) ?? '';
  return yuanToFen(text.replace(/[¥,\s]/g, ''));
}

describe('voucher journey', () => {
  // Three people's screens one after another, each signing in: longer than the default allows for one.
  it('parent claims on a phone, director redeems on the statement, the official sees the summary move', async () => {
    const parentApi = await apiAs(journey.server.url, PARENT);
    const directorApi = await apiAs(journey.server.url, DIRECTOR);
    const city = await apiAs(journey.server.url, CITY_OFFICIAL);
    const me = await directorApi<{ roles: Array<{ role: string; institutionId?: string }> }>('GET', '/api/v1/auth/me');
    const institutionId = me.roles.find((r) => r.role === 'institution_admin')?.institutionId as string;
    const places = await directorApi<{ items: Array<{ childId: string }> }>('GET', `/api/v1/institutions/${institutionId}/enrolments`);
    const atCentre = (childId: string) => places.items.some((p) => p.childId === childId);

    // The demo's program of this year leaves the demo family unclaimed for this walkthrough, but
    // the demo's other families can use its budget up; the city then opens a program of its own.
    const pick = (items: Available[]) =>
      items
        .filter((p) => p.issuance === 'claim' && p.budgetLeft)
        .flatMap((p) => p.children.filter((c) => c.canClaim && atCentre(c.childId)).map((c) => ({ program: p, child: c })))[0];
    let chosen = pick((await parentApi<{ items: Available[] }>('GET', '/api/v1/voucher-programs/available')).items);
    if (!chosen) {
      const year = todayInShanghai(new Date()).slice(0, 4);
      const program = await city<{ id: string }>('POST', '/api/v1/voucher-programs', {
        name: `${year}年托育补贴券（测试）`,
        budgetFen: 10_000_000,
        faceValueFen: 50_000,
        validFrom: `${year}-01-01`,
        validTo: `${year}-12-31`,
        issuance: 'claim',
      });
      await city('POST', `/api/v1/voucher-programs/${program.id}/open`);
      chosen = pick((await parentApi<{ items: Available[] }>('GET', '/api/v1/voucher-programs/available')).items);
    }
    if (!chosen) throw new Error('no child of the demo parent at the guidance centre can claim');
    const { program, child } = chosen;
    const before = await city<Summary>('GET', `/api/v1/voucher-programs/${program.id}/summary`);

    // ── parent, 390 × 844 phone ──
    const parentContext = await phoneContext(journey.browser, journey.server.url, { viewport: PHONE });
    const parent = await parentContext.newPage();
    await signIn(parent, PARENT, '/family');
    await parent.goto('/family/vouchers');
    const offer = parent.getByTestId('claim-child').filter({ hasText: child.childName }).first();
    await offer.getByTestId('claim').click();
    const voucher = parent.getByTestId('my-vouchers').getByTestId('voucher').filter({ hasText: child.childName });
    await voucher.getByTestId('voucher-status').filter({ hasText: '可使用' }).waitFor();
    const codeDisplay = ((await voucher.getByTestId('voucher-code').textContent()) ?? '').trim();
    expect(codeDisplay).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await voucher.locator('canvas, svg').count()).toBeGreaterThan(0);
    expect(await voucher.getByTestId('voucher-balance').textContent()).toBe(formatCny(program.faceValueFen));
    await noSidewaysScroll(parent);
    await parent.screenshot({ path: path.join(SHOTS, 'vouchers-parent.png'), fullPage: true });

    const mine = await parentApi<{ items: Array<{ code: string; codeDisplay: string; status: string }> }>('GET', '/api/v1/vouchers');
    expect(mine.items.find((v) => v.codeDisplay === codeDisplay)?.status).toBe('active');
    const claimed = await city<Summary>('GET', `/api/v1/voucher-programs/${program.id}/summary`);
    expect(claimed.outstandingFen).toBe(before.outstandingFen + program.faceValueFen);

    // ── city official, desktop: the summary before the redemption ──
    const officialContext = await desktopContext(journey.browser, journey.server.url);
    const official = await officialContext.newPage();
    await signIn(official, CITY_OFFICIAL, '/official');
    await official.goto('/official/voucher-programs');
    await official.getByTestId('settlements').locator('tbody tr.ant-table-row').first().waitFor();
    await official.screenshot({ path: path.join(SHOTS, 'vouchers-official-programs.png'), fullPage: true });
    await official.getByTestId('programs').getByRole('link', { name: program.name }).click();
    await official.waitForURL(`**/official/voucher-programs/${program.id}`);
    await official.getByTestId('summary-redeemedFen').waitFor();
    expect(await fenOnPage(official, 'outstandingFen')).toBe(claimed.outstandingFen);
    expect(await fenOnPage(official, 'redeemedFen')).toBe(claimed.redeemedFen);

    // ── director, desktop: the month's statements, then the voucher typed in on the child's ──
    const directorContext = await desktopContext(journey.browser, journey.server.url);
    const desk = await directorContext.newPage();
    await signIn(desk, DIRECTOR, '/institution');
    await desk.goto('/institution/statements');
    await desk.getByTestId('generate').click();
    await desk.getByTestId('generated').waitFor();
    const row = desk.getByTestId('statements').locator('tbody tr').filter({ hasText: child.childName });
    await row.getByRole('button', { name: '核销补贴券' }).click();
    const form = desk.getByTestId('redeem-form');
    await form.getByLabel('券码').fill(codeDisplay);
    await form.getByRole('button', { name: '查询' }).click();
    await form.getByTestId('found-voucher').filter({ hasText: child.childName }).waitFor();
    const amountText = await form.getByTestId('redeem-amount').inputValue();
    await form.getByTestId('redeem').click();
    const statement = desk.getByTestId('statement');
    await statement.getByTestId('deduction').filter({ hasText: codeDisplay }).waitFor();
    // The drawer is fixed to the window: a full-page picture would cut it off. The toast goes first.
    await desk.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await desk.screenshot({ path: path.join(SHOTS, 'vouchers-director-statement.png') });

    const amountFen = yuanToFen(amountText);
    const month = todayInShanghai(new Date()).slice(0, 7);
    const listed = await directorApi<{ items: Array<{ id: string; childId: string; totalDueFen: number; deductionsFen: number }> }>(
      'GET',
      `/api/v1/institutions/${institutionId}/statements?month=${month}`,
    );
    const own = listed.items.find((s) => s.childId === child.childId);
    expect(own?.deductionsFen).toBe(amountFen);
    const detail = await directorApi<{ deductions: Array<{ kind: string; reference: string; appliedFen: number }>; totalDueFen: number }>(
      'GET',
      `/api/v1/statements/${own?.id}`,
    );
    expect(detail.deductions).toEqual([expect.objectContaining({ kind: 'voucher', reference: codeDisplay, appliedFen: amountFen })]);
    expect(await statement.getByTestId('statement-total-due').textContent()).toBe(formatCny(detail.totalDueFen));
    await desk.keyboard.press('Escape');
    await row.getByText(formatCny(amountFen), { exact: true }).first().waitFor();
    await desk.getByTestId('redemptions').locator('tbody tr').filter({ hasText: codeDisplay }).waitFor();
    await desk.screenshot({ path: path.join(SHOTS, 'vouchers-director-month.png'), fullPage: true });

    // ── the official's page again: redeemed up by the amount, outstanding down by the face value ──
    const after = await city<Summary>('GET', `/api/v1/voucher-programs/${program.id}/summary`);
    expect(after.redeemedFen).toBe(claimed.redeemedFen + amountFen);
    expect(after.outstandingFen).toBe(claimed.outstandingFen - program.faceValueFen);
    await official.reload();
    await official.getByTestId('summary-redeemedFen').waitFor();
    expect(await fenOnPage(official, 'redeemedFen')).toBe(after.redeemedFen);
    expect(await fenOnPage(official, 'outstandingFen')).toBe(after.outstandingFen);
    expect(await fenOnPage(official, 'budgetFen')).toBe(after.budgetFen);
    await official.getByTestId('summary-chart').locator('svg').first().waitFor();
    await official.screenshot({ path: path.join(SHOTS, 'vouchers-official-summary.png'), fullPage: true });

    await Promise.all([parentContext.close(), officialContext.close(), directorContext.close()]);
  }, 240_000);
});
