import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { desktopContext, signIn } from './browser.ts';
import { SHOTS, useJourney } from './journey.ts';

/**
 * Story: the city official lists the institutions with compliance problems, opens one and sees
 * them; grants an institution an inclusive (普惠) designation with caps below its fees and sees it
 * flagged as charging above its cap. The 海州区 official suspends an institution in the district
 * with a reason, the public search stops listing it, and reinstates it; an institution in
 * another district is a 404 page for them.
 */

const CITY_OFFICIAL = '13900000001';
const DISTRICT_OFFICIAL = '13900000002';
const DISTRICT_CODE = '320706';

type ListItem = { id: string; name: string; status: string; divisionCode: string; complianceProblems: number };
type RecordView = {
  id: string;
  publiclyListed: boolean;
  facts: { name: string; monthlyFeeYuan: Record<string, number> };
  classes: { classType: string; archived: boolean }[];
  designations: { kind: string; current: boolean }[];
  compliance: { problems: { code: string }[] };
};

const journey = useJourney();

async function publicSearch(name: string): Promise<string[]> {
  const response = await fetch(`${journey.server.url}/api/v1/institutions/search?q=${encodeURIComponent(name)}&pageSize=100`);
  return ((await response.json()) as { items: { id: string }[] }).items.map((i) => i.id);
}

/** Signs in and opens the registry (机构管理). */
async function openRegistry(page: Page, phone: string) {
  await signIn(page, phone);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '机构管理' }).click();
  await page.getByRole('heading', { name: /托育机构$/ }).waitFor();
}

/** Finds an institution by keyword in the list and opens its record. */
async function open(page: Page, name: string) {
  await page.getByLabel('关键词').fill(name);
  await page.getByLabel('关键词').press('Enter');
  await page.getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { name, exact: true }).waitFor();
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `registry-${name}.png`), fullPage: true });

/** Confirms a status action in its dialog with a reason. antd spaces out two-character labels ("暂 停"). */
async function confirmWithReason(page: Page, action: string, reason: string) {
  const label = new RegExp(`^${[...action].join('\\s?')}$`);
  await page.getByRole('button', { name: label }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('原因').fill(reason);
  await dialog.getByRole('button', { name: label }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('the officials’ registry of institutions', () => {
  it('city official sees compliance problems and flags fees above a new inclusive cap', async () => {
    const api = await apiAs(journey.server.url, CITY_OFFICIAL);
    const all = (await api<{ items: ListItem[] }>('GET', '/api/v1/institutions?pageSize=100')).items;
    // An institution in operation with no designation yet and a fee for a class type it runs.
    let target: RecordView | undefined;
    for (const item of all.filter((i) => i.status === 'filed' && i.complianceProblems === 0)) {
      const record = await api<RecordView>('GET', `/api/v1/institutions/${item.id}/record`);
      const runs = (type: string) => record.classes.some((c) => c.classType === type && !c.archived);
      if (record.publiclyListed && record.designations.length === 0 && Object.keys(record.facts.monthlyFeeYuan).some(runs)) {
        target = record;
        break;
      }
    }
    expect(target).toBeDefined();
    const name = target?.facts.name as string;

    const context = await desktopContext(journey.browser, journey.server.url);
    const errors: string[] = [];
    try {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await openRegistry(page, CITY_OFFICIAL);
      await expect.poll(() => page.getByTestId('compliance-total').textContent()).toMatch(/家存在合规问题/);

      // The server filters; wait for its answer to replace the unfiltered rows.
      await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/v1/institutions?') && r.url().includes('hasProblems=true')),
        page.getByText('只看有合规问题').click(),
      ]);
      await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
      const firstLink = page.getByRole('table').last().getByRole('row').nth(1).getByRole('link');
      const flaggedName = (await firstLink.textContent()) as string;
      const flagged = all.find((i) => i.name === flaggedName);
      expect(flagged?.complianceProblems).toBeGreaterThan(0);
      await shot(page, 'list-desktop');

      await firstLink.click();
      const problems = page.getByTestId('compliance-problems');
      await expect.poll(() => problems.textContent()).toContain(`发现 ${flagged?.complianceProblems} 项合规问题`);
      expect(await problems.getByRole('listitem').count()).toBe(flagged?.complianceProblems);

      // Back to the list as filtered; the institution to designate has no problems.
      await page.getByRole('link', { name: '返回机构列表' }).click();
      await page.getByText('只看有合规问题').click();
      await open(page, name);
      expect(await page.getByTestId('over-cap').count()).toBe(0);
      await page.getByRole('button', { name: '授予认定' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('文号').fill('连卫人口〔2026〕99号');
      // A cap of 100 yuan is below any fee the institution charges.
      for (const cap of await dialog.getByRole('spinbutton').all()) await cap.fill('100');
      await shot(page, 'grant-dialog');
      await dialog.getByRole('button', { name: '授予认定' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await expect.poll(() => page.getByTestId('over-cap').count()).toBe(1);
      expect(await page.getByTestId('compliance-problems').textContent()).toContain('超出普惠限价 100 元');
      expect(await page.getByText('有效', { exact: true }).count()).toBeGreaterThan(0);
      await shot(page, 'detail-desktop');
      const after = await api<RecordView>('GET', `/api/v1/institutions/${target?.id}/record`);
      expect(after.designations).toMatchObject([{ kind: 'inclusive', current: true }]);
      expect(after.compliance.problems.map((p) => p.code)).toContain('fee_above_cap');
    } finally {
      await context.close();
    }
    expect(errors).toEqual([]);
  });

  it('district official suspends and reinstates an institution and cannot open one elsewhere', async () => {
    const api = await apiAs(journey.server.url, DISTRICT_OFFICIAL);
    const filed = (await api<{ items: ListItem[] }>('GET', '/api/v1/institutions?status=filed&pageSize=100')).items;
    // A name of its own, so the link to open is unambiguous.
    const target = filed.find((i) => filed.every((o) => o.id === i.id || o.name !== i.name));
    expect(target).toBeDefined();
    const { id, name } = target as { id: string; name: string };
    expect(await publicSearch(name)).toContain(id);
    const elsewhere = (
      await (
        await apiAs(journey.server.url, CITY_OFFICIAL)
      )<{ items: ListItem[] }>('GET', '/api/v1/institutions?pageSize=100')
    ).items.find((i) => !i.divisionCode.startsWith(DISTRICT_CODE));
    expect(elsewhere).toBeDefined();

    const context = await desktopContext(journey.browser, journey.server.url);
    const errors: string[] = [];
    try {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await openRegistry(page, DISTRICT_OFFICIAL);
      await open(page, name);

      await confirmWithReason(page, '暂停', '消防检查不合格，停业整改');
      await expect.poll(() => page.getByTestId('institution-status').textContent()).toBe('已暂停');
      expect(await page.getByText('消防检查不合格，停业整改').count()).toBeGreaterThan(0);
      expect(await publicSearch(name)).not.toContain(id);
      await shot(page, 'suspended-desktop');

      await confirmWithReason(page, '恢复', '整改完成，复查合格');
      await expect.poll(() => page.getByTestId('institution-status').textContent()).toBe('已备案');
      expect(await publicSearch(name)).toContain(id);

      await page.goto(`/official/institutions/${elsewhere?.id}`);
      await page.getByText('页面不存在').waitFor();
      expect(await page.getByText(elsewhere?.name as string).count()).toBe(0);
    } finally {
      await context.close();
    }
    expect(errors).toEqual([]);
  });
});
