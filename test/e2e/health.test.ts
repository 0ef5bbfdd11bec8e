import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopContext, noSidewaysScroll, phoneContext } from './browser.ts';
import { useJourney } from './journey.ts';

/**
 * Stories: anyone checks a child's growth against the WHO standards on a phone, without signing
 * in; a parent sees the health-check schedule and the warning signs for the child's age, and is
 * told to see the child-health clinic when a sign is ticked.
 */

const journey = useJourney();

/** The API's own answer, in Chinese unless asked otherwise, as the page would get it. */
async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<T> {
  const response = await fetch(`${journey.server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: `lang=${lang}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as T;
}

async function enterByAge(page: Page, input: { sex: '男孩' | '女孩'; ageDays: number; weightKg?: number }) {
  await page.goto('/growth');
  await page.getByText(input.sex, { exact: true }).click();
  await page.getByText('按日龄', { exact: true }).click();
  await page.getByLabel('日龄', { exact: true }).fill(String(input.ageDays));
  if (input.weightKg !== undefined) await page.getByLabel('体重', { exact: true }).fill(String(input.weightKg));
  await page.getByRole('button', { name: '计算', exact: true }).click();
}

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

describe('growth calculator', () => {
  it('shows the WHO z-score, percentile and chart for a known case on a 375 px phone', async () => {
    const context = await phoneContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    try {
      // WHO anthro's own test (test-zscore-weight-for-age.R): girl, 1522 days, 17 kg → z 0.24.
      await enterByAge(page, { sex: '女孩', ageDays: 1522, weightKg: 17 });
      const card = page.getByTestId('score-weightForAge');
      await card.waitFor();
      expect(await card.getByTestId('z').textContent()).toBe('0.24');
      const reference = await api<{ weightForAge: { percentile: number } }>('POST', '/api/v1/growth/zscores', {
        sex: 'female',
        ageDays: 1522,
        weightKg: 17,
      });
      expect(await card.getByTestId('percentile').textContent()).toBe(reference.weightForAge.percentile.toFixed(1));
      expect(await card.getByTestId('classification').textContent()).toBe('正常范围');
      expect(await card.getByTestId('flag').count()).toBe(0);

      // Only weight was given: the other four say why they are missing.
      const missing = page.getByTestId('not-computed');
      expect(await missing.textContent()).toContain('未计算：年龄别身长/身高（未填写身长/身高）');
      expect(await missing.textContent()).toContain('未计算：年龄别头围（未填写头围）');

      // A real chart: the SVG renderer's drawing with the seven SD lines and the child's point.
      const chart = card.getByTestId('growth-chart').locator('svg');
      await chart.waitFor();
      expect(await chart.locator('path').count()).toBeGreaterThan(7);
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(250);
      expect(await chart.textContent()).toContain('月龄');
      await noSidewaysScroll(page);
    } finally {
      await context.close();
    }
  });

  it('flags an implausible value', async () => {
    const context = await phoneContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    try {
      // WHO anthro flags a one-day-old girl of 10.37 kg (test-zscore-weight-for-age.R).
      await enterByAge(page, { sex: '女孩', ageDays: 1, weightKg: 10.37 });
      const flag = page.getByTestId('score-weightForAge').getByTestId('flag');
      await flag.waitFor();
      expect(await flag.textContent()).toContain('数值可能有误，请复核测量');
    } finally {
      await context.close();
    }
  });

  it('shows the server’s validation message at the field it is about, in Chinese and in English', async () => {
    const body = { sex: 'male', birthDate: '2025-03-01', measuredOn: '2025-02-01', weightKg: 5 };
    const words = {
      zh: { sex: '男孩', birthDate: '出生日期', measuredOn: '测量日期', weight: '体重', submit: '计算' },
      en: { sex: 'Boy', birthDate: 'Birth date', measuredOn: 'Measured on', weight: 'Weight', submit: 'Calculate' },
    };
    const context = await desktopContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    try {
      await page.goto('/growth');
      for (const lang of ['zh-CN', 'en'] as const) {
        const w = lang === 'en' ? words.en : words.zh;
        const reference = await api<{ error: { details: Array<{ path: string; message: string }> } }>(
          'POST',
          '/api/v1/growth/zscores',
          body,
          lang,
        );
        const expected = reference.error.details.find((d) => d.path === 'body.measuredOn')?.message;
        expect(expected).toBeTruthy();
        if (lang === 'en') await page.getByText('English', { exact: true }).click();

        // Nothing typed yet: the page's own words say what is missing, under the field.
        await page.getByRole('button', { name: w.submit, exact: true }).click();
        expect(await page.getByLabel(w.birthDate, { exact: true }).getAttribute('aria-invalid')).toBe('true');

        await page.getByText(w.sex, { exact: true }).click();
        await page.getByLabel(w.birthDate, { exact: true }).fill(body.birthDate);
        await page.getByLabel(w.measuredOn, { exact: true }).fill(body.measuredOn);
        await page.getByLabel(w.weight, { exact: true }).fill('5');
        await page.getByRole('button', { name: w.submit, exact: true }).click();

        // The message is the field's own: under it, and what a screen reader reads with it.
        const input = page.getByLabel(w.measuredOn, { exact: true });
        const note = page.locator('.field', { has: input }).getByRole('alert');
        await expect.poll(() => note.textContent()).toBe(expected);
        expect(await input.getAttribute('aria-describedby')).toBe(await note.getAttribute('id'));
        await page.reload();
      }
    } finally {
      await context.close();
    }
  });
});

type Schedule = { next: { key: string } | null };
type Signs = { checklist: { ageMonths: number; signs: Array<{ id: string; text: { 'zh-CN': string; en: string } }> } };
type Assessment = { advice: { 'zh-CN': string } };

describe('health checks and warning signs', () => {
  it('highlights the next check and advises the clinic when a warning sign is ticked', async () => {
    const birthDate = daysAgo(600);
    const [schedule, signs] = await Promise.all([
      api<Schedule>('GET', `/api/v1/health-checks/schedule?birthDate=${birthDate}`),
      api<Signs>('GET', `/api/v1/warning-signs?birthDate=${birthDate}`),
    ]);
    const sign = signs.checklist.signs[0];
    if (!sign || !schedule.next) throw new Error('a 600-day-old child has a checklist and a next check');
    const assessment = await api<Assessment>('POST', '/api/v1/warning-signs/assess', {
      ageMonths: signs.checklist.ageMonths,
      ticked: [sign.id],
    });

    const context = await phoneContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    try {
      await page.goto('/health-checks');
      await page.getByLabel('出生日期', { exact: true }).fill(birthDate);
      await page.getByRole('button', { name: '查看', exact: true }).click();

      await page.getByTestId(`visit-${schedule.next.key}`).waitFor();
      expect(await page.getByTestId(`visit-${schedule.next.key}`).getAttribute('data-next')).toBe('true');
      expect(await page.locator('[data-next]').count()).toBe(1);

      await page.getByText(sign.text['zh-CN'], { exact: true }).click();
      await page.getByRole('button', { name: '查看建议', exact: true }).click();
      const advice = page.getByTestId('referral');
      await advice.waitFor();
      const text = await advice.textContent();
      expect(text).toContain('建议到儿童保健门诊就诊');
      expect(text).toContain(assessment.advice['zh-CN']);
      await noSidewaysScroll(page);
    } finally {
      await context.close();
    }
  });

  it('shows the official Chinese wording with the English under it when English is chosen', async () => {
    const birthDate = daysAgo(400);
    const signs = await api<Signs>('GET', `/api/v1/warning-signs?birthDate=${birthDate}`);
    const sign = signs.checklist.signs[0];
    if (!sign) throw new Error('a 400-day-old child has a checklist');

    const context = await desktopContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    try {
      await page.goto('/health-checks');
      await page.getByText('English', { exact: true }).click();
      await page.getByLabel('Birth date', { exact: true }).fill(birthDate);
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      // antd puts the test id on the checkbox input; its label holds the words.
      const item = page.locator('label', { has: page.getByTestId(`sign-${sign.id}`) });
      await item.waitFor();
      const text = await item.textContent();
      expect(text).toContain(sign.text['zh-CN']);
      expect(text).toContain(sign.text.en);
    } finally {
      await context.close();
    }
  });
});

describe('for a signed-in parent', () => {
  it('opens the growth calculator and the health checks from the family workspace', async () => {
    const context = await desktopContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    try {
      await page.goto('/login');
      await page.getByLabel('手机号').fill('13900000005');
      await page.getByLabel('密码').fill('tuoyu-demo');
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/family');

      const nav = page.getByRole('navigation', { name: '主导航' });
      await nav.getByRole('link', { name: '生长评价' }).click();
      await page.waitForURL((url) => url.pathname === '/family/growth');
      await page.getByRole('heading', { name: '生长发育评价' }).waitFor();

      await nav.getByRole('link', { name: '体检与发育' }).click();
      await page.waitForURL((url) => url.pathname === '/family/health-checks');
      await page.getByRole('heading', { name: '健康检查与发育预警' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
