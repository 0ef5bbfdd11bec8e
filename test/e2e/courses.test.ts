import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDaysIso, addMonthsIso, todayInShanghai, toShanghaiWall } from '../../src/domain/dates/shanghai.ts';
import { apiAs } from './api.ts';
import { desktopContext, noSidewaysScroll, phoneContext, signIn } from './browser.ts';
import { SHOTS, useJourney } from './journey.ts';
import { codeFromOutbox, newPhone } from './outbox.ts';

/**
 * Story: on a phone a parent finds the guidance center's 走走班 by the child's age and books a
 * session; the next popular session is full, so the child goes on the waitlist. Another family
 * cancels (through the API), the seat is offered to the parent, who confirms it and has a QR
 * code. At the venue, the center's staff check the booking in by its code.
 */

const PARENT = '13900000005';
const STAFF = '13900000003';

type Session = { id: string; startsAt: string; seatsLeft: number; waiting: number };
type Course = { id: string; title: string; sessions: Session[] };
type Booking = { id: string; status: string; checkInCode: string | null; session: { id: string }; child: { name: string } | null };

const journey = useJourney();

/** A second family through the sign-up routes, with a child of the same age, for the seat that frees. */
async function otherFamily(url: string, residenceDivisionCode: string, birthDate: string) {
  const phone = newPhone('136');
  const post = (p: string, body: unknown) =>
    fetch(`${url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect((await post('/api/v1/auth/verification-codes', { phone, purpose: 'register' })).status).toBe(202);
  const code = await codeFromOutbox(url, phone);
  expect((await post('/api/v1/auth/register', { phone, code, name: '吴家长', password: 'green-kite-42' })).status).toBe(201);
  const api = await apiAs(url, phone, 'green-kite-42');
  const child = await api<{ id: string }>('POST', '/api/v1/children', {
    name: '吴小川',
    sex: 'male',
    birthDate,
    residenceDivisionCode,
    relation: 'father',
    consent: true,
  });
  return { api, childId: child.id };
}

describe('guidance center courses journey', () => {
  it('a parent books a 走走班 session on a phone, waits for a full one, confirms the offered seat; staff check the booking in by code', async () => {
    const url = journey.server.url;
    const parentApi = await apiAs(url, PARENT);
    const staffApi = await apiAs(url, STAFF);
    const [placed] = (await parentApi<{ items: { residenceDivisionCode: string }[] }>('GET', '/api/v1/children')).items as [
      { residenceDivisionCode: string },
    ];
    const birthDate = addMonthsIso(todayInShanghai(new Date()), -18);
    const child = await parentApi<{ id: string; name: string }>('POST', '/api/v1/children', {
      name: '孙小果',
      sex: 'female',
      birthDate,
      residenceDivisionCode: placed.residenceDivisionCode,
      relation: 'mother',
      consent: true,
    });
    const list = await parentApi<{ items: { id: string; title: string }[] }>('GET', '/api/v1/courses?ageMonths=18&audience=child');
    const walkingId = list.items.find((c) => c.title.startsWith('走走班'))?.id as string;
    const walking = await parentApi<Course>('GET', `/api/v1/courses/${walkingId}`);
    const now = new Date().toISOString();
    const open = walking.sessions.find((s) => s.startsAt > now && s.seatsLeft > 0) as Session;
    const full = walking.sessions.filter((s) => s.startsAt > now && s.seatsLeft === 0 && s.waiting > 0).at(-1) as Session;
    // The families already waiting for the full session are offered added seats, and a new family takes the last one.
    await staffApi('PUT', `/api/v1/sessions/${full.id}/seats`, { seats: 8 + full.waiting + 1 });
    const other = await otherFamily(url, placed.residenceDivisionCode, birthDate);
    expect((await other.api<{ status: string }>('POST', `/api/v1/sessions/${full.id}/bookings`, { childId: other.childId })).status).toBe(
      'confirmed',
    );

    const phone = await phoneContext(journey.browser, url);
    const page = await phone.newPage();
    await signIn(page, PARENT, '/family');
    await page.goto('/courses');
    await page.getByPlaceholder('孩子月龄').fill('18');
    await page.getByRole('link', { name: /^走走班/ }).click();
    await page.waitForURL(`**/courses/${walkingId}`);

    const book = async (sessionId: string, button: string, outcome: string) => {
      const item = page.locator(`[data-session="${sessionId}"]`);
      await item.getByTestId('child-select').click();
      await page.getByTitle(child.name).last().click();
      await expect.poll(() => item.getByTestId('child-select').textContent()).toContain(child.name);
      await item.getByRole('button', { name: button }).click();
      await expect.poll(() => page.locator('.ant-message').textContent()).toContain(outcome);
    };
    await book(open.id, '预约', '预约成功');
    await book(full.id, '加入候补', '已加入候补第1位');
    await noSidewaysScroll(page);
    await page.screenshot({ path: path.join(SHOTS, 'courses-course-375.png'), fullPage: true });

    const mine = await parentApi<{ items: Booking[] }>('GET', '/api/v1/bookings');
    const waiting = mine.items.find((b) => b.session.id === full.id) as Booking;
    expect(waiting.status).toBe('waitlisted');
    const otherBooking = (await other.api<{ items: Booking[] }>('GET', '/api/v1/bookings')).items[0] as Booking;
    await other.api('POST', `/api/v1/bookings/${otherBooking.id}/cancel`);

    await page.goto('/family/bookings');
    const card = page.getByTestId('booking').filter({ has: page.getByText('有名额待确认') });
    await card.getByTestId('confirm-offer').click();
    const confirmed = page.getByTestId('booking').filter({ has: page.getByTestId('check-in-code') });
    await expect.poll(() => confirmed.count()).toBe(2);
    await noSidewaysScroll(page);
    await page.screenshot({ path: path.join(SHOTS, 'courses-my-bookings-375.png'), fullPage: true });
    const code = ((await parentApi<{ items: Booking[] }>('GET', '/api/v1/bookings')).items.find((b) => b.id === waiting.id) as Booking)
      .checkInCode as string;
    expect(code).toMatch(/^\d{6}$/);

    // The staff's laptop keeps London time: session times are still read and typed as the city's.
    const desk = await desktopContext(journey.browser, url, { timezoneId: 'Europe/London' });
    const staff = await desk.newPage();
    await signIn(staff, STAFF, '/institution');
    await staff.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '课程管理' }).click();
    await staff.getByTestId('staff-course').filter({ hasText: '走走班' }).click();
    await staff.locator(`[data-session="${full.id}"]`).click();
    const row = staff.getByTestId('roster-item').filter({ hasText: child.name });
    await row.getByTestId('code-input').fill(code === '000000' ? '111111' : '000000');
    await row.getByTestId('check-in').click();
    await expect.poll(() => row.textContent()).toContain('签到码与该预约不符');
    await row.getByTestId('code-input').fill(code);
    await row.getByTestId('check-in').click();
    await expect.poll(() => row.textContent()).toContain('已签到');
    await staff.screenshot({ path: path.join(SHOTS, 'courses-roster-1280.png'), fullPage: true });
    await staff.setViewportSize({ width: 375, height: 812 });
    await noSidewaysScroll(staff);
    await staff.screenshot({ path: path.join(SHOTS, 'courses-roster-375.png'), fullPage: true });
    await staff.goBack();
    await staff.getByTestId('staff-course').filter({ hasText: '走走班' }).click();
    // The center moves the session the parent booked a day later; a start in the past is refused at its field.
    const moving = staff.getByTestId('staff-session').filter({ has: staff.locator(`[data-session="${open.id}"]`) });
    await moving.getByTestId('move-session').click();
    const move = moving.getByTestId('move-form');
    const was = {
      startsAt: await move.getByLabel('新的开始时间').inputValue(),
      endsAt: await move.getByLabel('新的结束时间').inputValue(),
    };
    expect(was.startsAt).toBe(toShanghaiWall(open.startsAt));
    await move.getByLabel('新的开始时间').fill(`${addDaysIso(todayInShanghai(new Date()), -1)}T09:00`);
    await move.getByRole('button', { name: '保存新时间' }).click();
    await move.getByText('开始时间不能早于现在').waitFor();
    await noSidewaysScroll(staff);
    await staff.screenshot({ path: path.join(SHOTS, 'courses-move-refused-375.png'), fullPage: true });
    const dayLater = (local: string) => `${addDaysIso(local.slice(0, 10), 1)}${local.slice(10)}`;
    await move.getByLabel('新的开始时间').fill(dayLater(was.startsAt));
    await move.getByLabel('新的结束时间').fill(dayLater(was.endsAt));
    await move.getByRole('button', { name: '保存新时间' }).click();
    await expect.poll(() => staff.locator('.ant-message').textContent()).toContain('时间已调整');
    const moved = (await staffApi<Course>('GET', `/api/v1/courses/${walkingId}`)).sessions.find((s) => s.id === open.id) as Session;
    expect(Date.parse(moved.startsAt) - Date.parse(open.startsAt)).toBe(86_400_000);
    await expect.poll(() => moving.getByTestId('move-form').count()).toBe(0);
    await staff.screenshot({ path: path.join(SHOTS, 'courses-moved-375.png'), fullPage: true });
    await staff.setViewportSize({ width: 1280, height: 800 });
    await staff.screenshot({ path: path.join(SHOTS, 'courses-staff-1280.png'), fullPage: true });
    await page.goto('/courses');
    await expect.poll(() => page.getByTestId('course-card').count()).toBeGreaterThan(5);
    await noSidewaysScroll(page);
    await page.screenshot({ path: path.join(SHOTS, 'courses-catalogue-375.png'), fullPage: true });
  }, 240_000);

  it('a parent watches a recorded lecture to its end on a phone; the center sees it opened and finished', async () => {
    const url = journey.server.url;
    const parentApi = await apiAs(url, PARENT);
    const staffApi = await apiAs(url, STAFF);
    const title = `回放讲座：幼儿睡眠 ${Date.now()}`;
    const course = await staffApi<{ id: string }>('POST', '/api/v1/courses', {
      kind: 'expert_lecture',
      title,
      audience: 'parent',
      delivery: 'recorded',
      onlineUrl: 'https://v.qq.com/lectures/sleep.mp4',
      durationMinutes: 30,
    });
    // The recording's window opens half a minute from now: booked and seen closed before, watched after.
    const startsAt = new Date(Date.now() + 30_000);
    const session = await staffApi<{ id: string }>('POST', `/api/v1/courses/${course.id}/sessions`, {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      seats: 50,
    });
    const booking = await parentApi<{ id: string }>('POST', `/api/v1/sessions/${session.id}/bookings`, {});

    const phone = await phoneContext(journey.browser, url);
    const page = await phone.newPage();
    // No internet here: the video host answers nothing, and the page's player is told the video ended.
    await page.route('https://v.qq.com/**', (route) => route.fulfill({ status: 204, body: '' }));
    await signIn(page, PARENT, '/family');
    await page.goto('/family/bookings');
    const card = page.getByTestId('booking').filter({ hasText: title });
    await expect.poll(() => card.getByTestId('lecture').textContent()).toContain('开始后可进入');
    await page.waitForTimeout(Math.max(0, startsAt.getTime() - Date.now()));
    await page.reload();
    await card.getByTestId('open-lecture').click();
    const video = card.getByTestId('lecture-video');
    await expect.poll(() => video.getAttribute('src')).toBe('https://v.qq.com/lectures/sleep.mp4');
    await noSidewaysScroll(page);
    await page.screenshot({ path: path.join(SHOTS, 'courses-lecture-375.png'), fullPage: true });
    await video.evaluate((v) => v.dispatchEvent(new Event('ended')));
    await expect.poll(() => card.getByTestId('lecture-finished').textContent()).toContain('已看完');
    const mine = (
      await parentApi<{ items: { id: string; lecture: { openedAt: string; finishedAt: string } }[] }>('GET', '/api/v1/bookings')
    ).items;
    expect(mine.find((b) => b.id === booking.id)?.lecture).toMatchObject({ openedAt: expect.any(String), finishedAt: expect.any(String) });

    const desk = await desktopContext(journey.browser, url);
    const staff = await desk.newPage();
    await signIn(staff, STAFF, '/institution');
    await staff.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '课程管理' }).click();
    await staff.getByTestId('staff-course').filter({ hasText: title }).click();
    const watching = staff.getByTestId('ratings').getByTestId('watching').first();
    await expect.poll(() => watching.textContent()).toBe('预约 1 · 进入 1 · 看完 1（看完率 100%）');
    await staff.getByTestId('ratings').scrollIntoViewIfNeeded();
    await staff.screenshot({ path: path.join(SHOTS, 'courses-watching-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: path.join(SHOTS, 'courses-lecture-1280.png'), fullPage: true });
  }, 120_000);
});
