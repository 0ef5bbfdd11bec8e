import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopContext, phoneContext } from './browser.ts';
import { useJourney } from './journey.ts';

/**
 * Story: each kind of user signs in through the page and lands in their own workspace, seeing
 * only the areas their role may open. The demo accounts are the ones listed in the README.
 */

const PASSWORD = 'tuoyu-demo';
const HAN = /\p{Script=Han}/u;

type Journey = { role: string; phone: string; home: string; nav: string[] };

// The expected nav is written out here, not imported from the web app, so that a wrong entry in
// the app's table fails this test instead of being copied into it.
const JOURNEYS: Journey[] = [
  {
    role: 'admin',
    phone: '13900000000',
    home: '/admin',
    nav: ['首页', '区划与人口', '账号管理', '账户与安全', '审计日志', '数据删除申请', '发送失败的消息', '节假日安排'],
  },
  {
    role: 'city_official',
    phone: '13900000001',
    home: '/official',
    nav: [
      '首页',
      '备案审核',
      '机构管理',
      '补贴券项目',
      '机构补贴',
      '症状预警',
      '投诉',
      '监督检查',
      '文章发布',
      '课程管理',
      '培训',
      '区划与人口',
      '账号管理',
      '账户与安全',
    ],
  },
  {
    role: 'district_official',
    phone: '13900000002',
    home: '/official',
    nav: ['首页', '备案审核', '机构管理', '补贴券项目', '机构补贴', '症状预警', '投诉', '监督检查', '区划与人口', '账户与安全'],
  },
  {
    role: 'institution_admin',
    phone: '13900000003',
    home: '/institution',
    nav: ['首页', '本机构', '幼儿', '入托', '考勤', '收费与核销', '机构补贴', '症状预警', '课程管理', '培训', '监督检查', '区划与人口'],
  },
  { role: 'caregiver', phone: '13900000004', home: '/institution', nav: ['首页', '幼儿', '考勤', '课程管理'] },
  {
    role: 'parent',
    phone: '13900000005',
    home: '/family',
    nav: ['首页', '幼儿', '入托', '我的预约', '补贴券', '个税扣除与育儿补贴', '生长评价', '体检与发育', '投诉', '区划与人口', '我的数据'],
  },
];

type Me = { roles: Array<{ role: string; divisionName?: string; institutionName?: string }> };

const journey = useJourney();

async function fillSignIn(page: Page, phone: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: '主导航' });
}

describe('sign-in lands each role in its own workspace', () => {
  it.each(JOURNEYS)('$role ($phone) sees exactly its nav items', async ({ phone, home, nav, role }) => {
    const context = await desktopContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    try {
      await fillSignIn(page, phone, PASSWORD);
      await page.waitForURL((url) => url.pathname === home);

      const links = mainNav(page).getByRole('link');
      await links.first().waitFor();
      await expect.poll(() => links.allInnerTexts()).toEqual(nav);
      if (role !== 'admin') expect(await mainNav(page).getByRole('link', { name: '审计日志' }).count()).toBe(0);

      // The home names the division or institution the role is limited to, as the server says.
      const me = (await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.json()))) as Me;
      const grant = me.roles[0];
      const scope = grant?.institutionName ?? grant?.divisionName;
      if (scope) await expect.poll(() => page.getByTestId('scope').textContent()).toBe(scope);
      if (role === 'district_official') {
        await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toContain(scope);
      }
    } finally {
      await context.close();
    }
  });

  it('keeps the admin-only audit log closed to other roles even by address', async () => {
    const context = await desktopContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    try {
      await fillSignIn(page, '13900000001', PASSWORD);
      await page.waitForURL((url) => url.pathname === '/official');
      await page.goto('/admin/audit');
      await page.getByText('当前身份无权访问此页面').waitFor();
      expect(await page.getByRole('heading', { name: '审计日志' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('sends a visitor without a session from a role area to the sign-in page', async () => {
    const context = await desktopContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    try {
      await page.goto('/official');
      await page.waitForURL((url) => url.pathname === '/login');
      await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('works on a 375 px phone: menu in a drawer, no sideways scrolling', async () => {
    const context = await phoneContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    try {
      await fillSignIn(page, '13900000005', PASSWORD);
      await page.waitForURL((url) => url.pathname === '/family');
      await page.getByTestId('scope').waitFor();
      // Strings, not functions: the test tsconfig has no DOM types, and this code runs in the page.
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow).toBeLessThanOrEqual(0);

      await page.getByRole('button', { name: '打开菜单' }).click();
      const links = mainNav(page).getByRole('link');
      await links.first().waitFor();
      await expect
        .poll(() => links.allInnerTexts())
        .toEqual([
          '首页',
          '幼儿',
          '入托',
          '我的预约',
          '补贴券',
          '个税扣除与育儿补贴',
          '生长评价',
          '体检与发育',
          '投诉',
          '区划与人口',
          '我的数据',
        ]);
      await page.getByRole('button', { name: '退出登录' }).waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('sign-in failures and language', () => {
  it('shows the server’s own error message, in Chinese, for a wrong password', async () => {
    // An English browser: the page is Chinese by default and its `lang` cookie must win over
    // Accept-Language, or the server would answer in English under a Chinese form.
    const context = await desktopContext(journey.browser, journey.server.url, { locale: 'en-US' });
    const page = await context.newPage();
    try {
      const phone = '13800000000';
      const reference = await fetch(`${journey.server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: 'lang=zh-CN' },
        body: JSON.stringify({ phone, password: 'not-the-password' }),
      });
      const { error } = (await reference.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('INVALID_CREDENTIALS');

      await fillSignIn(page, phone, 'not-the-password');
      const shown = page.getByTestId('login-error');
      await shown.waitFor();
      const text = await shown.textContent();
      expect(text).toContain(error.message);
      expect(text).toMatch(HAN);
      expect(new URL(page.url()).pathname).toBe('/login');
    } finally {
      await context.close();
    }
  });

  it('remembers English across a reload, for the page and for server messages', async () => {
    const context = await desktopContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    try {
      await page.goto('/login');
      await page.getByRole('button', { name: '登录', exact: true }).waitFor();
      await page.getByText('English', { exact: true }).click();
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();

      await page.reload();
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
      expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
      const cookies = await context.cookies();
      expect(cookies.find((cookie) => cookie.name === 'lang')?.value).toBe('en');

      await page.getByLabel('Phone number').fill('13800000000');
      await page.getByLabel('Password').fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const shown = page.getByTestId('login-error');
      await shown.waitFor();
      expect(await shown.textContent()).not.toMatch(HAN);
    } finally {
      await context.close();
    }
  });
});
