import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClassStandard, type ClassType } from '../../src/domain/classes/classTypes.ts';
import { addMonthsIso, todayInShanghai, toShanghaiDate } from '../../src/domain/dates/shanghai.ts';
import { residentIdCheckChar } from '../../src/domain/identity/residentId.ts';
import { apiAs } from './api.ts';
import { callTheRoll, desktopContext, noSidewaysScroll, phoneContext, signIn } from './browser.ts';
import { pickAndSend, pickOption } from './forms.ts';
import { SHOTS, useJourney } from './journey.ts';

/**
 * Stories: on a phone a parent adds a child and applies to the city's guidance centre; the
 * director offers a class that fits the child's age; the parent accepts; a caregiver checks the
 * child in on a tablet. Then a day of care: the parent authorises a pick-up person, the director
 * ends one place and moves a child who has turned 24 months up a class, a caregiver hands the
 * parent's child to the authorised person and records an incident, and the parent sees the day,
 * the incident and who read the record. Screenshots go to a temporary folder for people to look at.
 */

const PARENT = '13900000005';
const DIRECTOR = '13900000003';
const CAREGIVER = '13900000004';
const CENTRE = '连云港市婴幼儿照护服务指导中心';
const TABLET = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };

const journey = useJourney();

/** A birth date `months` months before today (day 1, so a month boundary cannot change the age). */
function bornMonthsAgo(months: number): string {
  return `${addMonthsIso(todayInShanghai(new Date()), -months).slice(0, 8)}01`;
}

describe('enrollment journey', () => {
  it('parent applies on a phone, director offers, parent accepts, caregiver checks the child in', async () => {
    // The guidance centre is full in the demo: the director ends one place first, in a class the
    // new child's age fits, so the offer below has a place to give.
    const director = await apiAs(journey.server.url, DIRECTOR);
    const me = await director<{ roles: Array<{ role: string; institutionId?: string }> }>('GET', '/api/v1/auth/me');
    const institutionId = me.roles.find((r) => r.role === 'institution_admin')?.institutionId as string;
    const record = await director<{
      classes: Array<{ id: string; name: string; classType: ClassType; vacancies: number; archived: boolean }>;
    }>('GET', `/api/v1/institutions/${institutionId}/record`);
    const places = await director<{ items: Array<{ id: string; classId: string; childName: string }> }>(
      'GET',
      `/api/v1/institutions/${institutionId}/enrolments`,
    );
    const target = record.classes.find((c) => !c.archived && places.items.some((p) => p.classId === c.id)) ?? record.classes[0];
    if (!target) throw new Error('the guidance centre has no class');
    if (target.vacancies === 0) {
      const leaving = places.items.filter((p) => p.classId === target.id).at(-1);
      if (leaving)
        await director('POST', `/api/v1/enrolments/${leaving.id}/end`, { endDate: todayInShanghai(new Date()), reason: '测试：腾出名额' });
    }
    const childName = `试试${Date.now() % 10000}`;
    const birthDate = bornMonthsAgo(ClassStandard[target.classType].minAgeMonths + 2);

    // ── parent, 375 × 812 phone ──
    const parentContext = await phoneContext(journey.browser, journey.server.url);
    const parent = await parentContext.newPage();
    await signIn(parent, PARENT, '/family');
    await parent.goto('/family/applications');
    await parent.getByTestId('add-child').click();
    const form = parent.getByTestId('add-child-form');
    await form.getByLabel('姓名').fill(childName);
    await form.getByLabel('出生日期').fill(birthDate);

    await form.getByText('我作为监护人同意').click();
    const answer = await pickAndSend(parent, form.getByLabel('户籍或居住乡镇街道'), null, form.getByRole('button', { name: '保存' }), (r) =>
      r.url().endsWith('/api/v1/children'),
    );
    expect(answer.status(), await answer.text()).toBe(201);
    const added = parent.getByTestId('my-child').filter({ hasText: childName });
    await added.waitFor({ timeout: 60_000 });

    await parent.getByTestId('start-apply').click();
    const apply = parent.getByTestId('apply-form');
    await apply.getByRole('combobox', { name: '孩子' }).click();
    await pickOption(parent, childName);
    await apply.getByRole('combobox', { name: '意向机构' }).click();
    await parent.keyboard.type('指导中心');
    await pickOption(parent, CENTRE);
    await parent.keyboard.press('Escape');
    expect(await apply.getByTestId('apply-order').textContent()).toContain(CENTRE);
    await apply.getByRole('button', { name: '提交申请' }).click();
    const application = parent.getByTestId('application').filter({ hasText: childName });
    await application.getByTestId('choice-status').filter({ hasText: '待处理' }).waitFor();
    await noSidewaysScroll(parent);

    // ── director, desktop ──
    const directorContext = await desktopContext(journey.browser, journey.server.url);
    const board = await directorContext.newPage();
    await signIn(board, DIRECTOR, '/institution');
    await board.goto('/institution/applications');
    const item = board.getByTestId('column-new').getByTestId('board-item').filter({ hasText: childName });
    await item.getByRole('button', { name: '录取', exact: true }).click();
    // The board proposes a fitting class with a place; the test's freed class is one of them.
    await item.getByTestId('offer-form').waitFor();
    await item.getByRole('button', { name: '发出录取' }).click();
    await board.getByTestId('column-offered').getByTestId('board-item').filter({ hasText: childName }).waitFor();
    await board.screenshot({ path: path.join(SHOTS, 'enrol-board.png'), fullPage: true });

    // ── parent accepts ──
    await parent.reload();
    await application.getByTestId('offer').waitFor();
    await parent.screenshot({ path: path.join(SHOTS, 'enrol-parent-offer.png'), fullPage: true });
    await application.getByRole('button', { name: '接受录取' }).click();
    // Accepting withdraws the other choices, so the page asks first and says so.
    const confirmAccept = parent.locator('.ant-popconfirm:visible').filter({ hasText: '其他志愿将撤回' });
    await confirmAccept.getByRole('button', { name: '接受录取' }).click();
    await application.getByTestId('placed').waitFor();
    await application.getByTestId('choice-status').filter({ hasText: '已入托' }).waitFor();
    await noSidewaysScroll(parent);
    await parent.screenshot({ path: path.join(SHOTS, 'enrol-parent-applications.png'), fullPage: true });

    const placed = (
      await director<{ items: Array<{ childName: string; className: string }> }>('GET', `/api/v1/institutions/${institutionId}/enrolments`)
    ).items.find((p) => p.childName === childName);
    expect(placed).toBeDefined();

    // ── caregiver, 1024 × 768 tablet ──
    const caregiverContext = await journey.browser.newContext({ baseURL: journey.server.url, viewport: TABLET, hasTouch: true });
    const tablet = await caregiverContext.newPage();
    await signIn(tablet, CAREGIVER, '/institution');
    await tablet.goto('/institution/attendance');
    await tablet.getByTestId('attendance-class').click();
    await pickOption(tablet, placed?.className as string);
    await callTheRoll(tablet);
    const card = tablet.getByTestId('attendance-child').filter({ hasText: childName });
    await card.getByTestId('attendance-status').filter({ hasText: '未记录' }).waitFor();
    await card.getByTestId('check-in').click();
    await card.getByTestId('attendance-status').filter({ hasText: '已入园' }).waitFor();
    await tablet.screenshot({ path: path.join(SHOTS, 'enrol-attendance.png'), fullPage: true });

    // A fever at the morning check: the card turns red with what to do, and the family is told.
    await card.getByRole('button', { name: '晨检' }).click();
    await card.getByRole('spinbutton').fill('38.4');
    await card.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => card.getByTestId('unwell-at-check').textContent()).toContain('建议离园');
    expect(await card.getAttribute('data-unwell')).toBe('true');
    await tablet.screenshot({ path: path.join(SHOTS, 'enrol-attendance-fever.png'), fullPage: true });
    const told = await apiAs(journey.server.url, PARENT);
    const notes = await told<{ items: Array<{ kind: string; body: string }> }>('GET', '/api/v1/notifications');
    expect(notes.items.find((n) => n.kind === 'enrollment.unwell_at_check')?.body).toContain('38.4');

    // An earlier day is looked up by date; on a holiday the page says so instead of calling the roll.
    await tablet.getByTestId('attendance-date').fill('2026-10-01');
    await tablet.getByTestId('day-off').filter({ hasText: '2026-10-01 是国庆节假期' }).waitFor();
    expect(await tablet.getByTestId('open-anyway').count()).toBe(0);
    await tablet.screenshot({ path: path.join(SHOTS, 'enrol-attendance-holiday.png'), fullPage: true });
    await tablet.getByTestId('attendance-date').fill(todayInShanghai(new Date()));
    await callTheRoll(tablet);
    await card.getByTestId('attendance-status').filter({ hasText: '已入园' }).waitFor();

    // The parent sees the day on the child's record.
    await parent.goto('/family/children');
    await parent.getByTestId('child-card').filter({ hasText: childName }).getByRole('link', { name: '档案与接送' }).click();
    await parent
      .getByTestId('child-day')
      .filter({ hasText: todayInShanghai(new Date()) })
      .filter({ hasText: '出勤' })
      .waitFor();

    await Promise.all([parentContext.close(), directorContext.close(), caregiverContext.close()]);
  });

  // Three people, five pages and a dozen writes on a shared two-core machine: more than the default two minutes.
  it('a day of care: pick-up person, transfer and leaving, check-out to the authorised person, incident, access log', {
    timeout: 300_000,
  }, async () => {
    type Place = {
      id: string;
      childId: string;
      childName: string;
      classId: string;
      className: string;
      classType: string;
      startDate: string;
    };
    const director = await apiAs(journey.server.url, DIRECTOR);
    const caregiver = await apiAs(journey.server.url, CAREGIVER);
    const parentApi = await apiAs(journey.server.url, PARENT);
    const me = await director<{ name: string; roles: Array<{ role: string; institutionId?: string }> }>('GET', '/api/v1/auth/me');
    const caregiverName = (await caregiver<{ name: string }>('GET', '/api/v1/auth/me')).name;
    const institutionId = me.roles.find((r) => r.role === 'institution_admin')?.institutionId as string;
    const places = (await director<{ items: Place[] }>('GET', `/api/v1/institutions/${institutionId}/enrolments`)).items;
    const mine = new Set((await parentApi<{ items: Array<{ id: string }> }>('GET', '/api/v1/children')).items.map((c) => c.id));
    // The demo child, with a month of days behind them (the journey above placed another today).
    const child = places.filter((p) => mine.has(p.childId)).sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
    const others = places.filter((p) => !mine.has(p.childId));
    const mover = others.find((p) => p.classType === 'toddler');
    const leaver = others.filter((p) => p.classType === 'older_toddler').at(-1);
    if (!child || !mover || !leaver) throw new Error('the demo guidance centre lacks a toddler and an older-toddler class with children');
    // Demo ages follow the day the demo was seeded; the move-up needs a child who turns 24 months
    // today, so one toddler's birth date is set to exactly that.
    await journey.server.deps.db
      .updateTable('children')
      .set({ birth_date: addMonthsIso(todayInShanghai(new Date()), -24) })
      .where('id', '=', mover.childId)
      .execute();
    const pickupName = '周阿姨';
    const first17 = '32070619850304123';
    const residentId = `${first17}${residentIdCheckChar(first17)}`;

    // ── parent, 390 × 844 phone: authorise a pick-up person ──
    const parentContext = await phoneContext(journey.browser, journey.server.url, { viewport: PHONE, locale: 'zh-CN' });
    const parent = await parentContext.newPage();
    await signIn(parent, PARENT, '/family');
    await parent.goto('/family/children');
    await parent.getByTestId('child-card').filter({ hasText: child.childName }).getByRole('link', { name: '档案与接送' }).click();
    await parent.waitForURL((url) => url.pathname === `/family/children/${child.childId}`);
    await parent.getByTestId('add-pickup').click();
    const pickupForm = parent.getByTestId('pickup-form');
    await pickupForm.getByLabel('姓名').fill(pickupName);
    await pickupForm.getByRole('combobox', { name: '与孩子的关系' }).click();
    await pickOption(parent, '保姆');
    await pickupForm.getByLabel('手机号').fill('13705180123');
    await pickupForm.getByLabel('身份证号（选填）').fill(residentId);
    await pickupForm.scrollIntoViewIfNeeded();
    await parent.screenshot({ path: path.join(SHOTS, 'care-parent-pickup-form.png'), animations: 'disabled' });
    await pickupForm.getByRole('button', { name: '授权接送' }).click();
    const person = parent.getByTestId('pickup-person').filter({ hasText: pickupName });
    await person.waitFor();
    expect(await person.getByTestId('pickup-resident-id').textContent()).toContain(
      `${residentId.slice(0, 4)}**********${residentId.slice(-4)}`,
    );
    expect(await parent.content()).not.toContain(residentId);
    await noSidewaysScroll(parent);
    await parent.screenshot({ path: path.join(SHOTS, 'care-parent-pickup.png'), fullPage: true });

    // ── director, desktop: end one place, then move the child who turned 24 months up ──
    const directorContext = await desktopContext(journey.browser, journey.server.url, { locale: 'zh-CN' });
    const desk = await directorContext.newPage();
    await signIn(desk, DIRECTOR, '/institution');
    await desk.goto('/institution/children');
    const leaverClass = desk.locator(`[data-testid="class-places"][data-class="${leaver.className}"]`);
    await leaverClass.locator(`[data-testid="place"][data-child="${leaver.childName}"]`).getByRole('button', { name: '离园' }).click();
    const endDialog = desk.getByRole('dialog');
    const ended = await pickAndSend(
      desk,
      endDialog.getByRole('combobox', { name: '离园原因' }),
      '家庭搬迁',
      endDialog.getByRole('button', { name: '确认离园' }),
      (r) => /\/api\/v1\/enrolments\/[^/]+\/end$/.test(r.url()),
    );
    expect(ended.status(), await ended.text()).toBe(200);
    await endDialog.waitFor({ state: 'hidden', timeout: 30_000 });
    const leftInClass = places.filter((p) => p.classId === leaver.classId).length - 1;
    await leaverClass.getByText(`${leaver.className}（${leftInClass} 人）`).waitFor();
    await desk.screenshot({ path: path.join(SHOTS, 'care-director-classes.png'), fullPage: true });

    await desk.getByRole('tab', { name: '升班与离园' }).click();
    const move = desk.getByTestId('age-move').filter({ hasText: mover.childName });
    await move.getByRole('button', { name: '转班' }).click();
    const transferDialog = desk.getByRole('dialog');
    await transferDialog.getByText(leaver.className).first().waitFor();
    await desk.screenshot({ path: path.join(SHOTS, 'care-director-transfer.png'), animations: 'disabled' });
    await transferDialog.getByRole('button', { name: '确认转班' }).click();
    await transferDialog.waitFor({ state: 'hidden' });
    const after = (await director<{ items: Place[] }>('GET', `/api/v1/institutions/${institutionId}/enrolments`)).items;
    expect(after.find((p) => p.id === mover.id)?.classId).toBe(leaver.classId);
    expect(after.some((p) => p.id === leaver.id)).toBe(false);

    await desk.getByRole('tab', { name: '缺勤退费规则' }).click();
    await desk.getByTestId('absence-rule').getByLabel('不退费的缺勤天数').fill('3');
    await desk.getByTestId('absence-rule').getByLabel('超出部分退还日费').fill('50');
    await desk.getByRole('button', { name: '保存规则' }).click();
    await desk.getByTestId('absence-rule-summary').filter({ hasText: '前 3 天不退费' }).waitFor();
    await desk.screenshot({ path: path.join(SHOTS, 'care-director-absence-rule.png'), fullPage: true });

    // ── caregiver, 1024 × 768 tablet: the child is in; hand them to the authorised person ──
    const now = new Date();
    const inAt = new Date(now.getTime() - 60_000);
    await caregiver('PUT', `/api/v1/children/${child.childId}/attendance/${todayInShanghai(new Date())}`, {
      status: 'present',
      checkedInAt: (toShanghaiDate(inAt) === todayInShanghai(new Date()) ? inAt : now).toISOString(),
    });
    const caregiverContext = await journey.browser.newContext({
      baseURL: journey.server.url,
      viewport: TABLET,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const tablet = await caregiverContext.newPage();
    await signIn(tablet, CAREGIVER, '/institution');
    await tablet.goto('/institution/attendance');
    await tablet.getByTestId('attendance-class').click();
    await pickOption(tablet, child.className);
    await callTheRoll(tablet);
    const card = tablet.getByTestId('attendance-child').filter({ hasText: child.childName });
    await card.getByTestId('check-out').click();
    await card.getByRole('combobox', { name: '选择接送人' }).click();
    await tablet.locator('.ant-select-dropdown:visible').getByText('授权接送人').waitFor();
    await tablet.screenshot({ path: path.join(SHOTS, 'care-checkout-choose.png'), animations: 'disabled' });
    await pickOption(tablet, pickupName);
    await card.getByRole('button', { name: '保存' }).click();
    await card.getByTestId('attendance-status').filter({ hasText: '已离园' }).waitFor();
    expect(await card.textContent()).toContain(`由 ${pickupName} 接走`);

    await tablet.getByTestId('record-incident').click();
    const incidentForm = tablet.getByTestId('incident-form');
    await incidentForm.getByRole('combobox', { name: '涉及幼儿' }).click();
    await tablet.keyboard.type(child.childName);
    await pickOption(tablet, child.childName);
    await incidentForm.getByLabel('经过').fill('户外活动时跑步摔倒，左膝擦伤。');
    await incidentForm.getByLabel('处置措施').fill('清洗伤口并消毒，观察半小时无异常。');
    await incidentForm.getByText('已告知家长').click();
    await tablet.screenshot({ path: path.join(SHOTS, 'care-incident-form.png'), animations: 'disabled' });
    await incidentForm.getByRole('button', { name: '保存' }).click();
    await incidentForm.waitFor({ state: 'hidden' });
    const today = tablet.getByTestId('today-incidents');
    await today.getByTestId('incident').filter({ hasText: child.childName }).waitFor();
    await today.scrollIntoViewIfNeeded();
    await tablet.screenshot({ path: path.join(SHOTS, 'care-attendance-incident.png'), fullPage: true });

    // ── the parent sees the day, the incident and who read the record ──
    await parent.reload();
    await parent.getByTestId('child-day').filter({ hasText: pickupName }).first().waitFor();
    await parent.getByTestId('child-incidents').getByText('左膝擦伤', { exact: false }).waitFor();
    const log = parent.getByTestId('access-log');
    await log.getByText(`${me.name}（机构负责人）`).first().waitFor();
    await log.getByText(`${caregiverName}（保育人员）`).first().waitFor();
    await noSidewaysScroll(parent);
    await parent.screenshot({ path: path.join(SHOTS, 'care-parent-record.png'), fullPage: true });

    await Promise.all([parentContext.close(), directorContext.close(), caregiverContext.close()]);
  });
});
