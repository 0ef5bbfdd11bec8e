import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMonthsIso, todayInShanghai } from '../../src/domain/dates/shanghai.ts';
import { createUser } from '../harness/factories/users.ts';
import { desktopContext, noSidewaysScroll, phoneContext, signIn } from './browser.ts';
import { pickAndSend, pickOption } from './forms.ts';
import { SHOTS, useJourney } from './journey.ts';
import { codeFromOutbox, newPhone } from './outbox.ts';

/**
 * Stories: a parent nobody has seen before signs up on a 375 px phone with the code the SMS
 * brings (read here from the development outbox, as a tester would; the page never reads it),
 * adds a child and applies to the city's guidance centre. A parent who forgot the password sets a
 * new one with a code and signs in with it. Anonymous pages log no error in the console.
 */

const CENTRE = '连云港市婴幼儿照护服务指导中心';
const PASSWORD = 'green-kite-42';

const journey = useJourney();

/** Errors the page logs in the browser console, failed requests included. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** The error antd shows under the form field labelled `label`. */
function fieldError(page: Page, label: string) {
  return page
    .locator('.ant-form-item')
    .filter({ has: page.locator(`label:text-is("${label}")`) })
    .locator('.ant-form-item-explain-error');
}

function otherCode(code: string): string {
  return code.replace(/^\d/, (d) => String((Number(d) + 1) % 10));
}

describe('sign-up and a forgotten password', () => {
  it('a new parent signs up on a phone with the SMS code, adds a child and applies', async () => {
    const context = await phoneContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    const errors = consoleErrors(page);
    const phone = newPhone('136');
    try {
      await page.goto('/');
      await page.getByRole('link', { name: '家长注册' }).first().click();
      await page.waitForURL((url) => url.pathname === '/signup');
      await page.goto('/login');
      await page.getByRole('link', { name: '没有账户？家长注册' }).click();
      await page.waitForURL((url) => url.pathname === '/signup');
      await page.getByLabel('手机号').waitFor();
      // Each anonymous page asked who is signed in; "nobody" is no error in the console.
      expect(errors).toEqual([]);

      await page.getByLabel('手机号').fill(phone);
      await page.getByRole('button', { name: '获取验证码' }).click();
      // The page keeps its own minute: the server answers 202 whether or not it sent anything.
      const again = page.getByTestId('send-code');
      await expect.poll(() => again.textContent()).toMatch(/^\d{1,2} 秒后重新获取$/);
      expect(await again.isDisabled()).toBe(true);
      await expect.poll(async () => Number.parseInt((await again.textContent()) ?? '', 10)).toBeLessThan(60);
      const code = await codeFromOutbox(journey.server.url, phone);

      // The password rule is the server's, checked as the parent types: no request is made.
      await page.getByLabel('短信验证码').fill(otherCode(code));
      await page.getByLabel('姓名').fill('新来的家长');
      await page.getByLabel('设置密码').fill('12345678');
      await page.getByLabel('确认密码').fill('12345678');
      await page.getByRole('button', { name: '注册并登录' }).click();
      await fieldError(page, '设置密码').filter({ hasText: '这个密码太常见' }).waitFor();

      // A wrong code is refused by the server and shown at the code field.
      await page.getByLabel('设置密码').fill(PASSWORD);
      await page.getByLabel('确认密码').fill(PASSWORD);
      await page.getByRole('button', { name: '注册并登录' }).click();
      await fieldError(page, '短信验证码').filter({ hasText: '验证码不正确或已失效' }).waitFor();
      await noSidewaysScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'signup-375-code-error.png'), fullPage: true });

      await page.getByLabel('短信验证码').fill(code);
      await page.getByRole('button', { name: '注册并登录' }).click();
      await page.waitForURL((url) => url.pathname === '/family');
      await page.getByText('新来的家长').first().waitFor();

      // The new account's first child, and an application to the guidance centre.
      const childName = `新苗${Date.now() % 10000}`;
      await page.goto('/family/applications');
      await page.getByTestId('add-child').click();
      const form = page.getByTestId('add-child-form');
      await form.getByLabel('姓名').fill(childName);
      await form.getByLabel('出生日期').fill(`${addMonthsIso(todayInShanghai(new Date()), -14).slice(0, 8)}01`);
      await form.getByText('我作为监护人同意').click();
      const added = await pickAndSend(page, form.getByLabel('户籍或居住乡镇街道'), null, form.getByRole('button', { name: '保存' }), (r) =>
        r.url().endsWith('/api/v1/children'),
      );
      expect(added.status(), await added.text()).toBe(201);
      await page.getByTestId('my-child').filter({ hasText: childName }).waitFor({ timeout: 60_000 });

      await page.getByTestId('start-apply').click();
      const apply = page.getByTestId('apply-form');
      await apply.getByRole('combobox', { name: '孩子' }).click();
      await pickOption(page, childName);
      await apply.getByRole('combobox', { name: '意向机构' }).click();
      await page.keyboard.type('指导中心');
      await pickOption(page, CENTRE);
      await page.keyboard.press('Escape');
      await apply.getByRole('button', { name: '提交申请' }).click();
      await page
        .getByTestId('application')
        .filter({ hasText: childName })
        .getByTestId('choice-status')
        .filter({ hasText: '待处理' })
        .waitFor();
      await noSidewaysScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'signup-375-applied.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('a parent who forgot the password sets a new one with the SMS code and signs in with it', async () => {
    const parent = await createUser(journey.server.deps.db, { role: 'parent' }, { phone: newPhone('136'), name: '忘记密码的家长' });
    const context = await phoneContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    try {
      await page.goto('/login');
      await page.getByRole('link', { name: '忘记密码？' }).click();
      await page.waitForURL((url) => url.pathname === '/forgot-password');
      await page.getByLabel('手机号').fill(parent.phone);
      await page.getByRole('button', { name: '获取验证码' }).click();
      const code = await codeFromOutbox(journey.server.url, parent.phone);

      await page.getByLabel('短信验证码').fill(code);
      await page.getByLabel('设置密码').fill(PASSWORD);
      await page.getByLabel('确认密码').fill(`${PASSWORD}!`);
      await page.getByRole('button', { name: '设置新密码' }).click();
      await fieldError(page, '确认密码').filter({ hasText: '两次输入的密码不一致' }).waitFor();
      await noSidewaysScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'forgot-375-confirm-error.png'), fullPage: true });

      await page.getByLabel('确认密码').fill(PASSWORD);
      await page.getByRole('button', { name: '设置新密码' }).click();
      await page.getByTestId('reset-done').getByText('密码已重置').waitFor();
      await page.getByRole('link', { name: '去登录' }).click();
      await page.waitForURL((url) => url.pathname === '/login');

      const old = await fetch(`${journey.server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone: parent.phone, password: parent.password }),
      });
      expect(old.status).toBe(401);
      await signIn(page, parent.phone, '/family', PASSWORD);
      await page.getByText('忘记密码的家长').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('shows field errors on both pages on a desktop', async () => {
    const context = await desktopContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    try {
      const phone = newPhone('136');
      await page.goto('/signup');
      await page.getByLabel('手机号').fill(phone);
      await page.getByRole('button', { name: '获取验证码' }).click();
      await page.getByLabel('短信验证码').waitFor();
      await page.getByLabel('设置密码').fill(`pw${phone}`);
      await page.getByRole('button', { name: '注册并登录' }).click();
      await fieldError(page, '设置密码').filter({ hasText: '密码不能包含手机号' }).waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'signup-1280-field-errors.png'), fullPage: true });

      const other = newPhone('136');
      await page.goto('/forgot-password');
      await page.getByLabel('手机号').fill(other);
      await page.getByRole('button', { name: '获取验证码' }).click();
      await page.getByLabel('短信验证码').fill('000000');
      await page.getByLabel('设置密码').fill(PASSWORD);
      await page.getByLabel('确认密码').fill(PASSWORD);
      await page.getByRole('button', { name: '设置新密码' }).click();
      // A number without an account gets the words of a wrong code: the page reveals no account.
      await fieldError(page, '短信验证码').filter({ hasText: '验证码不正确或已失效' }).waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'forgot-1280-code-error.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
