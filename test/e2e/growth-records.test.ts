import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDaysIso, todayInShanghai } from '../../src/domain/dates/shanghai.ts';
import { apiAs } from './api.ts';
import { noSidewaysScroll, phoneContext, signIn } from './browser.ts';
import { SHOTS, useJourney } from './journey.ts';

/**
 * Stories: a parent records a child's measurements on a phone and sees them on the WHO growth
 * chart, joined over time; a director is told when several children of a class had fever at the
 * morning check, and acknowledges it.
 */

const PARENT = '13900000005';
const CAREGIVER = '13900000004';
const DIRECTOR = '13900000003';

const journey = useJourney();

/** A day relative to today in Asia/Shanghai, as the server counts days. */
const shanghaiDay = (offsetDays: number) => addDaysIso(todayInShanghai(new Date()), offsetDays);

describe('growth records', () => {
  it('lets a parent record two measurements on a phone and shows them joined on the WHO chart', async () => {
    // The demo gives the parent a child at the guidance centre; without one, add a child first.
    const api = await apiAs(journey.server.url, PARENT);
    const mine = await api<{ items: Array<{ id: string; name: string }> }>('GET', '/api/v1/children');
    let child = mine.items[0];
    if (!child) {
      child = await api<{ id: string; name: string }>('POST', '/api/v1/children', {
        name: '刘小禾',
        sex: 'female',
        birthDate: shanghaiDay(-420),
        residenceDivisionCode: '320706006',
        relation: 'mother',
        consent: true,
      });
    }

    const context = await phoneContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    try {
      await signIn(page, PARENT, '/family');
      await page.getByRole('button', { name: '打开菜单' }).click();
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '幼儿' }).click();
      await page.waitForURL((url) => url.pathname === '/family/children');
      await page.getByTestId('child-card').filter({ hasText: child.name }).getByRole('link', { name: '生长记录' }).click();
      await page.waitForURL((url) => url.pathname === `/family/children/${child.id}/growth`);
      await page.getByTestId('growth-record-title').waitFor();

      const form = page.getByTestId('measurement-form');
      const visits = [
        { day: shanghaiDay(-60), weight: '10.4', length: '77.5', head: '45.2' },
        { day: shanghaiDay(-1), weight: '11.1', length: '80.9', head: '45.9' },
      ];
      for (const [i, visit] of visits.entries()) {
        await form.getByLabel('测量日期').fill(visit.day);
        await form.getByLabel('体重', { exact: true }).fill(visit.weight);
        await form.getByLabel('身长/身高', { exact: true }).fill(visit.length);
        await form.getByLabel('头围', { exact: true }).fill(visit.head);
        await form.getByRole('button', { name: '保存测量' }).click();
        await expect.poll(() => page.getByTestId('measurement').count()).toBe(i + 1);
      }

      // Newest first, each with its five z-scores as the server computed them.
      const record = await api<{ items: Array<{ measuredOn: string; scores: { weightForAge: { z: number } } }> }>(
        'GET',
        `/api/v1/children/${child.id}/measurements`,
      );
      expect(record.items.map((m) => m.measuredOn)).toEqual(visits.map((v) => v.day));
      const newest = page.getByTestId('measurement').first();
      expect(await newest.textContent()).toContain(visits[1]?.day);
      expect(await newest.getByTestId('z-weightForAge').textContent()).toBe(record.items[1]?.scores.weightForAge.z.toFixed(2));
      expect(await newest.locator('[data-testid^="z-"]').count()).toBe(5);

      // A real chart: the WHO lines and the child's two measurements joined into one line.
      const chart = page.getByRole('img', { name: /共 2 次测量连成折线/ });
      await chart.waitFor();
      const svg = chart.locator('svg');
      await svg.waitFor();
      expect(await svg.locator('path').count()).toBeGreaterThan(7);
      expect(await svg.textContent()).toContain(`${child.name}的测量`);
      const box = await svg.boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      await noSidewaysScroll(page);

      // The other indicators draw the same visits on their own charts.
      await page.getByRole('tab', { name: '头围/年龄' }).click();
      await page.getByRole('img', { name: /年龄别头围.*共 2 次测量/ }).waitFor();

      // 95 kg is refused at its field, not clamped and saved.
      await form.getByLabel('体重', { exact: true }).fill('95');
      await form.getByRole('button', { name: '保存测量' }).click();
      await form.getByText('体重应在0.2–60千克之间').waitFor();
      expect(await page.getByTestId('measurement').count()).toBe(2);

      // The newest entry is corrected, the oldest removed.
      await page.getByTestId('measurement').first().getByTestId('correct-measurement').click();
      const correction = page.getByTestId('measurement-correction');
      await correction.getByLabel('体重', { exact: true }).fill('11.3');
      await correction.getByRole('button', { name: '保存更正' }).click();
      await expect.poll(() => page.getByTestId('measurement').first().textContent()).toContain('11.30 kg');
      await page.getByTestId('measurement').last().getByTestId('remove-measurement').click();
      await page.locator('.ant-popconfirm').filter({ hasText: visits[0]?.day }).getByRole('button', { name: '删除' }).click();
      await expect.poll(() => page.getByTestId('measurement').count()).toBe(1);
      const kept = await api<{ items: Array<{ measuredOn: string; weightKg: number }> }>(
        'GET',
        `/api/v1/children/${child.id}/measurements`,
      );
      expect(kept.items.map((m) => [m.measuredOn, m.weightKg])).toEqual([[visits[1]?.day, 11.3]]);
      await noSidewaysScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'growth-corrected-375.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('shows a director the fever cluster of a class, with the children, and takes the acknowledgement', async () => {
    const caregiver = await apiAs(journey.server.url, CAREGIVER);
    const me = await caregiver<{ roles: Array<{ institutionId?: string }> }>('GET', '/api/v1/auth/me');
    const institutionId = me.roles[0]?.institutionId as string;
    const places = await caregiver<{ items: Array<{ childId: string; childName: string; classId: string; className: string }> }>(
      'GET',
      `/api/v1/institutions/${institutionId}/enrolments`,
    );
    const byClass = new Map<string, typeof places.items>();
    for (const place of places.items) byClass.set(place.classId, [...(byClass.get(place.classId) ?? []), place]);
    const [classId, children] = [...byClass].find(([, c]) => c.length >= 3) ?? [];
    if (!classId || !children) throw new Error('the demo guidance centre has a class of three or more');
    const today = shanghaiDay(0);
    for (const child of children.slice(0, 3)) {
      await caregiver('PUT', `/api/v1/children/${child.childId}/morning-checks/${today}`, { temperatureC: 38.2 });
    }

    const context = await phoneContext(journey.browser, journey.server.url);
    const page = await context.newPage();
    try {
      await signIn(page, DIRECTOR, '/institution');
      await page.goto('/institution/alerts');
      const alert = page
        .getByTestId('alert')
        .filter({ hasText: children[0]?.className as string })
        .filter({ hasText: '发热' });
      await alert.waitFor();
      const text = await alert.textContent();
      expect(text).toContain(`${today} · ${children[0]?.className} · 3 名幼儿`);
      for (const child of children.slice(0, 3)) expect(text).toContain(child.childName);
      await alert.getByRole('button', { name: '确认已知悉（机构负责人）' }).click();
      await page.locator('.ant-popconfirm:visible').filter({ hasText: '记录在预警上' }).getByRole('button', { name: '确认已知悉' }).click();
      await expect.poll(() => alert.count()).toBe(0);
      await page.getByText('近30天全部', { exact: true }).click();
      const done = page
        .getByTestId('alert')
        .filter({ hasText: children[0]?.className as string })
        .filter({ hasText: '发热' });
      await done.getByText(/机构负责人：.*已确认/).waitFor();
      expect(await done.getByText('区县卫健局：未确认').count()).toBe(1);
      await noSidewaysScroll(page);
    } finally {
      await context.close();
    }
  });
});
