import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { nextCreditCode } from '../harness/factories/institutions.ts';
import { callTheRoll, desktopContext, noSidewaysScroll, phoneContext, signIn } from './browser.ts';
import { pickOption } from './forms.ts';
import { SHOTS, useJourney } from './journey.ts';
import { codeFromOutbox, newPhone } from './outbox.ts';

/**
 * Stories: someone who runs a childcare institution signs up, starts it on a desktop and lands on
 * its director page; the director invites a caregiver's number; the caregiver signs up on a
 * 375 px phone, sees the invitation on the family home, accepts and lands in the institution's
 * workspace, which the director's list then shows as accepted; an invitation revoked after a
 * confirmation shows as revoked. A caregiver the demo institution's director invites signs up,
 * accepts and checks a child in at the institution's attendance roll.
 */

const PASSWORD = 'green-kite-42';
const INSTITUTION = '向阳花托育园';

const journey = useJourney();

/** Signs up on the sign-up page with the code from the outbox; ends on the family home. */
async function signUp(page: Page, phone: string, name: string) {
  await page.goto('/signup');
  await page.getByLabel('手机号').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByLabel('短信验证码').fill(await codeFromOutbox(journey.server.url, phone));
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('设置密码').fill(PASSWORD);
  await page.getByLabel('确认密码').fill(PASSWORD);
  await page.getByRole('button', { name: '注册并登录' }).click();
  await page.waitForURL((url) => url.pathname === '/family');
}

/** The error antd shows under the form field labelled `label`. */
function fieldError(page: Page, label: string) {
  return page
    .locator('.ant-form-item')
    .filter({ has: page.locator(`label:text-is("${label}")`) })
    .locator('.ant-form-item-explain-error');
}

describe('starting an institution and inviting its staff', () => {
  it('an operator starts an institution, invites a caregiver, who signs up on a phone and accepts', async () => {
    const { db } = journey.server.deps;
    const taken = await db.selectFrom('institutions').select('credit_code').where('credit_code', 'is not', null).executeTakeFirstOrThrow();
    const desk = await desktopContext(journey.browser, journey.server.url);
    const phone = await phoneContext(journey.browser, journey.server.url);
    try {
      const director = await desk.newPage();
      await signUp(director, newPhone('137'), '开园的李园长');
      await director.getByRole('link', { name: '我要开办托育机构' }).click();
      await director.waitForURL((url) => url.pathname === '/start-institution');

      const form = director.getByTestId('start-institution-form');
      await form.getByLabel('机构名称').fill(INSTITUTION);
      await form.getByLabel('统一社会信用代码').fill(taken.credit_code as string);
      await form.getByLabel('地址').fill('海州区幸福路 8 号');
      await form.getByLabel('所在乡镇街道').click();
      await director.keyboard.type('新南');
      await pickOption(director, '新南街道');
      await form.getByRole('button', { name: '登记并成为负责人' }).click();
      // One credit code, one institution: the server's 409 is said at the credit code.
      await fieldError(director, '统一社会信用代码').filter({ hasText: '该统一社会信用代码已被其他机构使用' }).waitFor();
      await director.screenshot({ path: path.join(SHOTS, 'start-institution-1280-code-taken.png'), fullPage: true });

      await form.getByLabel('统一社会信用代码').fill(nextCreditCode());
      await form.getByRole('button', { name: '登记并成为负责人' }).click();
      await director.waitForURL((url) => url.pathname === '/institution/my-institution');
      await director.getByRole('heading', { name: INSTITUTION }).waitFor();
      await director.getByTestId('institution-status').filter({ hasText: '草稿' }).waitFor();

      // The director invites a caregiver's number.
      const caregiverPhone = newPhone('137');
      const card = director.getByTestId('staff-invitations');
      await card.getByLabel('手机号').fill(caregiverPhone);
      await card.getByRole('button', { name: '发送邀请' }).click();
      const invitation = card.getByTestId('invitation').filter({ hasText: caregiverPhone });
      await invitation.getByTestId('invitation-status').filter({ hasText: '待接受' }).waitFor();
      await invitation.getByText(/前有效$/).waitFor();
      await expect
        .poll(async () => {
          const res = await fetch(`${journey.server.url}/api/v1/dev/outbox?phone=${caregiverPhone}`);
          return ((await res.json()) as { items: Array<{ body: string }> }).items.map((m) => m.body).join('\n');
        })
        .toContain(INSTITUTION);
      await director.screenshot({ path: path.join(SHOTS, 'invitations-1280-director.png'), fullPage: true });

      // The caregiver signs up on a phone, sees the invitation and accepts it.
      const caregiver = await phone.newPage();
      await signUp(caregiver, caregiverPhone, '新来的王老师');
      const mine = caregiver.getByTestId('my-invitation').filter({ hasText: INSTITUTION });
      await mine.getByText('身份：保育人员').waitFor();
      await noSidewaysScroll(caregiver);
      await caregiver.screenshot({ path: path.join(SHOTS, 'invitations-375-invitee.png'), fullPage: true });
      await mine.getByRole('button', { name: '接受邀请' }).click();
      await caregiver.waitForURL((url) => url.pathname === '/institution');
      await caregiver.getByTestId('institution-name').filter({ hasText: INSTITUTION }).waitFor();
      await noSidewaysScroll(caregiver);
      await caregiver.screenshot({ path: path.join(SHOTS, 'invitations-375-accepted.png'), fullPage: true });

      await director.reload();
      await invitation.getByTestId('invitation-status').filter({ hasText: '已接受' }).waitFor();

      // A second director invited by mistake: revoked after a confirmation, it can no longer be accepted.
      const secondPhone = newPhone('137');
      await card.getByLabel('手机号').fill(secondPhone);
      await card.getByRole('combobox', { name: '身份' }).click();
      await pickOption(director, '机构负责人');
      await card.getByRole('button', { name: '发送邀请' }).click();
      const second = card.getByTestId('invitation').filter({ hasText: secondPhone });
      await second.getByText('机构负责人').waitFor();
      await second.getByRole('button', { name: '撤销' }).click();
      await director.locator('.ant-popconfirm').getByRole('button', { name: '撤销' }).click();
      await second.getByTestId('invitation-status').filter({ hasText: '已撤销' }).waitFor();
      expect(await second.getByRole('button', { name: '撤销' }).count()).toBe(0);
    } finally {
      await phone.close();
      await desk.close();
    }
  });

  it('a caregiver invited by a filed institution signs up, accepts and checks a child in', async () => {
    const desk = await desktopContext(journey.browser, journey.server.url);
    const phone = await phoneContext(journey.browser, journey.server.url);
    try {
      const director = await desk.newPage();
      await signIn(director, '13900000003');
      await director.goto('/institution/my-institution');
      const caregiverPhone = newPhone('136');
      const card = director.getByTestId('staff-invitations');
      await card.getByLabel('手机号').fill(caregiverPhone);
      await card.getByRole('button', { name: '发送邀请' }).click();
      await card
        .getByTestId('invitation')
        .filter({ hasText: caregiverPhone })
        .getByTestId('invitation-status')
        .filter({ hasText: '待接受' })
        .waitFor();

      const caregiver = await phone.newPage();
      await signUp(caregiver, caregiverPhone, '刚入职的赵老师');
      await caregiver.getByTestId('my-invitation').getByRole('button', { name: '接受邀请' }).click();
      await caregiver.waitForURL((url) => url.pathname === '/institution');

      await caregiver.goto('/institution/attendance');
      await caregiver.getByTestId('attendance-class').click();
      await caregiver.locator('.ant-select-dropdown .ant-select-item-option').first().click();
      await callTheRoll(caregiver);
      const child = caregiver
        .getByTestId('attendance-child')
        .filter({ has: caregiver.getByTestId('attendance-status').filter({ hasText: '未记录' }) })
        .first();
      const childName = (await child.getAttribute('data-child')) as string;
      await child.getByTestId('check-in').click();
      const checkedIn = caregiver.locator(`[data-testid="attendance-child"][data-child="${childName}"]`);
      await checkedIn.getByTestId('attendance-status').filter({ hasText: '已入园' }).waitFor();
      await noSidewaysScroll(caregiver);
      await caregiver.screenshot({ path: path.join(SHOTS, 'invitations-375-caregiver-checks-in.png'), fullPage: true });
    } finally {
      await phone.close();
      await desk.close();
    }
  });
});
