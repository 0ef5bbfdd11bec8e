import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createInstitution } from '../harness/factories/institutions.ts';
import { desktopContext, noSidewaysScroll, phoneContext, signIn } from './browser.ts';
import { pickOption } from './forms.ts';
import { SHOTS, useJourney } from './journey.ts';
import { codeFromOutbox, newPhone } from './outbox.ts';

/**
 * Story: the city official (demo 13900000001, 连云港市) appoints a district official for 灌南县 on
 * the accounts page. The new official sets a password with the forgotten-password code (read here
 * from the development outbox, as a tester would), signs in and sees only 灌南县: the registry
 * lists its institution and not one of 海州区, whose record is not found.
 */

const CITY_OFFICIAL = '13900000001';
const GUANNAN = '320724';
const HAIZHOU = '320706';
const PASSWORD = 'salt-marsh-58';

const journey = useJourney();

async function townshipOf(district: string): Promise<string> {
  const row = await journey.server.deps.db
    .selectFrom('divisions')
    .select('code')
    .where('parent_code', '=', district)
    .where('level', '=', 'township')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  return row.code;
}

/** The error antd shows under the form field labelled `label`. */
function fieldError(page: Page, label: string) {
  return page
    .locator('.ant-form-item')
    .filter({ has: page.locator(`label:text-is("${label}")`) })
    .locator('.ant-form-item-explain-error');
}

async function appoint(page: Page, phone: string, name: string, division: string) {
  const form = page.getByTestId('appoint-form');
  await form.getByLabel('手机号').fill(phone);
  await form.getByLabel('姓名').fill(name);
  await form.getByRole('combobox', { name: '管辖区划' }).click();
  await page.keyboard.type(division);
  await pickOption(page, division);
  await form.getByRole('button', { name: '开通官员账号' }).click();
}

describe('the accounts page', () => {
  it('the city appoints a district official for 灌南县, who sets a password and sees only 灌南县', async () => {
    const db = journey.server.deps.db;
    const suffix = Date.now() % 10_000;
    const inGuannan = await createInstitution(db, await townshipOf(GUANNAN), `灌南新苗托育园${suffix}`);
    const inHaizhou = await createInstitution(db, await townshipOf(HAIZHOU), `海州新苗托育园${suffix}`);
    const phone = newPhone('135');
    const name = `灌南卫健${suffix}`;

    const city = await phoneContext(journey.browser, journey.server.url);
    const page = await city.newPage();
    try {
      await signIn(page, CITY_OFFICIAL, '/official');
      await page.goto('/official/accounts');

      // A city official is offered only the districts of their city, never a city role.
      await page.getByRole('button', { name: '开通官员账号' }).click();
      const form = page.getByTestId('appoint-form');
      await form.getByRole('combobox', { name: '角色' }).click();
      const roleOptions = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await expect.poll(() => roleOptions.allInnerTexts()).toEqual(['区县卫健局']);
      await page.keyboard.press('Escape');

      // A number that already has an account is refused at the phone field, in the server's words.
      await appoint(page, '13900000005', name, '灌南县');
      await fieldError(page, '手机号').filter({ hasText: '该手机号已有账号' }).waitFor();

      await form.getByLabel('手机号').fill(phone);
      await form.getByRole('button', { name: '开通官员账号' }).click();
      const card = page.getByTestId('account').filter({ hasText: name });
      await card.getByTestId('account-role').filter({ hasText: '区县卫健局 · 灌南县' }).waitFor();
      await card.getByText('从未登录').waitFor();
      await noSidewaysScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'accounts-375-appointed.png'), fullPage: true });
    } finally {
      await city.close();
    }

    // The appointee: an SMS says to set a password with "forgot password"; no password was sent.
    const official = await phoneContext(journey.browser, journey.server.url);
    const own = await official.newPage();
    try {
      await own.goto('/forgot-password');
      await own.getByLabel('手机号').fill(phone);
      await own.getByRole('button', { name: '获取验证码' }).click();
      await own.getByLabel('短信验证码').fill(await codeFromOutbox(journey.server.url, phone));
      await own.getByLabel('设置密码').fill(PASSWORD);
      await own.getByLabel('确认密码').fill(PASSWORD);
      await own.getByRole('button', { name: '设置新密码' }).click();
      await own.getByTestId('reset-done').waitFor();

      await signIn(own, phone, '/official', PASSWORD);
      await own.getByText(name).first().waitFor();
      // A district official appoints nobody: the accounts routes are not theirs.
      expect((await own.request.get('/api/v1/users')).status()).toBe(403);

      await own.goto('/official/institutions');
      const rows = own.locator('.ant-table-row');
      await rows.filter({ hasText: inGuannan.name }).waitFor();
      expect(await rows.filter({ hasText: inHaizhou.name }).count()).toBe(0);
      expect((await own.request.get(`/api/v1/institutions/${inGuannan.id}/record`)).status()).toBe(200);
      expect((await own.request.get(`/api/v1/institutions/${inHaizhou.id}/record`)).status()).toBe(404);
      const listed = (await (await own.request.get('/api/v1/institutions')).json()) as { items: Array<{ id: string }> };
      expect(listed.items.map((i) => i.id)).not.toContain(inHaizhou.id);
    } finally {
      await official.close();
    }
  });

  it('on a desktop the city official finds accounts of their city only, and revokes a role after confirming', async () => {
    const context = await desktopContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    const phone = newPhone('135');
    const name = `东海卫健${Date.now() % 10_000}`;
    try {
      await signIn(page, CITY_OFFICIAL, '/official');
      await page.goto('/official/accounts');
      await page.getByRole('button', { name: '开通官员账号' }).click();
      await appoint(page, phone, name, '东海县');
      const card = page.getByTestId('account').filter({ hasText: name });
      await card.getByTestId('account-role').filter({ hasText: '东海县' }).waitFor();

      // Accounts with a role as wide as their own are not theirs to see, their own included.
      await page.getByLabel('手机号或姓名').fill('王卫健');
      await page.getByLabel('手机号或姓名').press('Enter');
      await page.getByText('没有找到账号').waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'accounts-1280-search.png'), fullPage: true });

      await page.getByLabel('手机号或姓名').fill(phone);
      await page.getByLabel('手机号或姓名').press('Enter');
      await card.getByTestId('account-role').filter({ hasText: '东海县' }).click();
      await page
        .locator('.ant-popover:visible')
        .getByRole('button', { name: /^确\s?定$/ })
        .click();
      await card.getByText('角色已撤销').waitFor();
      expect(await card.getByTestId('account-role').count()).toBe(0);

      await card.getByRole('button', { name: '授予角色' }).click();
      const grant = page.getByTestId('appoint-form');
      await grant.getByRole('combobox', { name: '管辖区划' }).click();
      await page.keyboard.type('灌云县');
      await pickOption(page, '灌云县');
      await grant.getByRole('button', { name: '授予角色' }).click();
      await card.getByTestId('account-role').filter({ hasText: '区县卫健局 · 灌云县' }).waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'accounts-1280-granted.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
