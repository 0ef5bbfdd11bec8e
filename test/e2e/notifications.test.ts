import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { noSidewaysScroll, phoneContext, signIn } from './browser.ts';
import { SHOTS, useJourney } from './journey.ts';

/**
 * Story: on a 375 px phone the demo parent sees the bell's unread count, opens the list, opens a
 * notification, which is read at once (the count drops) and leads to its page; an institution's
 * invitation leads to the invitations page, where it can be accepted.
 */

const PARENT = '13900000005';
const DIRECTOR = '13900000003';
const CENTER = '连云港市婴幼儿照护服务指导中心';

const journey = useJourney();

describe('the notification bell', () => {
  it('shows the unread count, opens the list, marks what is opened read and follows its link', async () => {
    // The director invites the parent's number: one more unread notification, newest first.
    const director = await apiAs(journey.server.url, DIRECTOR);
    const me = await director<{ roles: { role: string; institutionId?: string }[] }>('GET', '/api/v1/auth/me');
    const institutionId = me.roles.find((r) => r.role === 'institution_admin')?.institutionId as string;
    await director('POST', `/api/v1/institutions/${institutionId}/invitations`, { phone: PARENT, role: 'caregiver' });

    const context = await phoneContext(journey.browser, journey.server.url);
    try {
      const page = await context.newPage();
      await signIn(page, PARENT, '/family');
      const bell = page.getByTestId('notification-bell');
      // The demo's two, and the invitation.
      await expect.poll(() => bell.getAttribute('aria-label')).toBe('消息通知（3条未读）');
      await bell.locator('.ant-badge-count').filter({ hasText: '3' }).waitFor();
      await noSidewaysScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'bell-375-unread.png') });

      await bell.click();
      await page.waitForURL((url) => url.pathname === '/family/notifications');
      const items = page.getByTestId('notification-item');
      await items.first().waitFor();
      expect(await items.count()).toBe(3);
      await noSidewaysScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'notifications-375-list.png'), fullPage: true });

      // The voucher opens the vouchers page, read: the bell counts one fewer.
      await items.filter({ hasText: '获得托育补贴券' }).click();
      await page.waitForURL((url) => url.pathname === '/family/vouchers');
      await expect.poll(() => bell.getAttribute('aria-label')).toBe('消息通知（2条未读）');

      // The invitation opens the invitations page with the invitation to accept.
      await bell.click();
      await page.waitForURL((url) => url.pathname === '/family/notifications');
      await items.filter({ hasText: '收到机构邀请' }).click();
      await page.waitForURL((url) => url.pathname === '/invitations');
      const invitation = page.getByTestId('my-invitation').filter({ hasText: CENTER });
      await invitation.getByText('身份：保育人员').waitFor();
      await invitation.getByRole('button', { name: '接受邀请' }).waitFor();
      await noSidewaysScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'invitations-375-page.png'), fullPage: true });

      await page.goBack();
      await page.waitForURL((url) => url.pathname === '/family/notifications');
      await expect.poll(() => bell.getAttribute('aria-label')).toBe('消息通知（1条未读）');
      // What was opened reads as read; the one left is still marked unread.
      await expect.poll(() => items.locator('.ant-badge-status-processing').count()).toBe(1);
      await items.filter({ hasText: '儿童健康检查提醒' }).locator('.ant-badge-status-processing').waitFor();
    } finally {
      await context.close();
    }
  });

  it('still shows that the preferences were saved when the message code cannot load', async () => {
    const context = await phoneContext(journey.browser, journey.server.url);
    try {
      const page = await context.newPage();
      // As after going offline, or after a release removed the chunk this page was built with.
      await page.route('**/assets/FeedbackHolders-*.js', (route) => route.abort());
      await signIn(page, PARENT, '/family');
      await page.goto('/family/notifications');
      const save = page.getByTestId('notification-preferences').getByRole('button', { name: '保存' });
      await save.click();
      await page.getByTestId('feedback-notice').filter({ hasText: '已保存通知方式' }).waitFor();
      await page.getByTestId('notification-preferences').waitFor();

      // Back online: the next message is antd's again.
      await page.unroute('**/assets/FeedbackHolders-*.js');
      await save.click();
      await page.locator('.ant-message').getByText('已保存通知方式').waitFor();
    } finally {
      await context.close();
    }
  });
});
