import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDaysIso, todayInShanghai, toShanghaiDate } from '../../src/domain/dates/shanghai.ts';
import { apiAs } from './api.ts';
import { desktopContext, noSidewaysScroll, phoneContext, signIn } from './browser.ts';
import { SHOTS, useJourney } from './journey.ts';

/**
 * Story: the guidance center's director schedules a training with a session held yesterday and
 * uploads its textbook, which downloads as uploaded, and gives the same book to the director training
 * without uploading it again; as the director of the center's own staff
 * they enrol a caregiver, record the attendance and complete the enrolment, which issues the certificate with its QR code, and download it as a PDF.
 * They enrol a second member of staff and withdraw them, are refused a change of the certified
 * hours at the field, move the venue and stop enrolment. On a phone, anyone checks the
 * certificate's code on the public page and sees the holder's name masked.
 */

const CENTER = '13900000003';
const CITY = '13900000001';
const TITLE = `婴幼儿伤害预防与急救培训（${process.pid}）`;

const journey = useJourney();

describe('staff training journey', () => {
  it('the center schedules, a director enrols, attendance is recorded, completion issues a certificate checked on a phone', async () => {
    const url = journey.server.url;
    const desk = await desktopContext(journey.browser, url);
    const page = await desk.newPage();
    await signIn(page, CENTER, '/institution');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '培训' }).click();
    await expect.poll(() => page.getByTestId('staff-hours').count()).toBe(1);

    // Schedule: a training for all staff, 3 hours to complete.
    const form = page.getByTestId('training-form');
    await form.getByLabel('培训名称').fill(TITLE);
    await form.getByText('全体人员').click();
    await form.getByLabel('结业所需学时').fill('3');
    await form.getByLabel('培训地点').fill('指导中心培训室');
    await form.getByRole('button', { name: '创建培训' }).click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('培训已创建');

    const item = page.locator('.ant-collapse-item').filter({ has: page.getByTestId('training').filter({ hasText: TITLE }) });
    await item.getByTestId('training').click();
    // A session held yesterday, so its attendance can be recorded now.
    const yesterday = addDaysIso(todayInShanghai(new Date()), -1);
    const session = item.getByTestId('session-form');
    await session.getByLabel('开始时间').fill(`${yesterday}T09:00`);
    await session.getByLabel('结束时间').fill(`${yesterday}T12:00`);
    await session.getByLabel('学时').fill('2');
    await session.getByRole('button', { name: '添加课次' }).click();
    // Two hours of a three-hour training: a second session makes up the rest.
    await expect.poll(() => item.getByTestId('training-session').count()).toBe(1);
    await session.getByLabel('开始时间').fill(`${yesterday}T14:00`);
    await session.getByLabel('结束时间').fill(`${yesterday}T15:00`);
    await session.getByLabel('学时').fill('1');
    await session.getByRole('button', { name: '添加课次' }).click();
    await expect.poll(() => item.getByTestId('training-session').count()).toBe(2);

    // The textbook: uploaded as a PDF, then offered for download as it was uploaded.
    const textbook = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    await item.locator('input[type=file]').setInputFiles({ name: '负责人培训教材.pdf', mimeType: 'application/pdf', buffer: textbook });
    await expect.poll(() => item.getByTestId('textbook-pdf').count()).toBe(1);
    const [book] = await Promise.all([page.waitForEvent('download'), item.getByTestId('textbook-pdf').click()]);
    expect((await readFile(await book.path())).equals(textbook)).toBe(true);

    // The demo's director training takes the same textbook without uploading it again.
    const directorTraining = page
      .locator('.ant-collapse-item')
      .filter({ has: page.getByTestId('training').filter({ hasText: '托育机构负责人培训（第一期）' }) });
    await directorTraining.getByTestId('training').click();
    const share = directorTraining.getByTestId('textbook-share');
    await share.getByRole('button', { name: '使用该教材' }).click();
    await expect.poll(() => share.textContent()).toContain('请选择一期已上传教材的培训');
    await share.getByTestId('textbook-share-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: TITLE }).click();
    await share.getByRole('button', { name: '使用该教材' }).click();
    await expect.poll(() => directorTraining.getByTestId('textbook-pdf').textContent()).toContain('负责人培训教材.pdf');
    await page.screenshot({ path: path.join(SHOTS, 'trainings-textbook-shared-1280.png'), fullPage: true });
    const [sharedBook] = await Promise.all([page.waitForEvent('download'), directorTraining.getByTestId('textbook-pdf').click()]);
    expect((await readFile(await sharedBook.path())).equals(textbook)).toBe(true);
    await directorTraining.getByTestId('training').click();

    // Enrol one of the center's own staff.
    await item.getByTestId('enrol-staff').click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    const staffName = (await option.textContent()) as string;
    await option.click();
    await item.getByTestId('enrol-form').getByRole('button', { name: '报名' }).click();
    await expect.poll(() => item.getByTestId('enrolment').count()).toBe(1);

    // Present at the first session only: completion is refused, in Chinese.
    const attendance = item.getByTestId('attendance');
    await attendance.first().getByText(staffName).click();
    await attendance.first().getByTestId('save-attendance').click();
    await expect.poll(() => item.getByTestId('enrolment').textContent()).toContain('已参加2/3学时');
    await item.getByTestId('complete').click();
    await expect.poll(() => item.textContent()).toContain('不足本培训要求的3学时');

    await attendance.nth(1).getByText(staffName).click();
    await attendance.nth(1).getByTestId('save-attendance').click();
    await expect.poll(() => item.getByTestId('enrolment').textContent()).toContain('已参加3/3学时');
    await item.getByTestId('complete').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已结业，证书编号PX');
    await item.getByTestId('enrolment').getByTestId('certificate-button').click();
    const dialog = page.getByTestId('certificate');
    await expect.poll(() => dialog.getByTestId('certificate-qr').count()).toBe(1);
    const code = ((await dialog.getByTestId('certificate-code').textContent()) as string).trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.screenshot({ path: path.join(SHOTS, 'trainings-certificate-1280.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await page.screenshot({ path: path.join(SHOTS, 'trainings-center-1280.png'), fullPage: true });

    // The director's hours this year list the new certificate.
    const api = await apiAs(url, CENTER);
    const hours = await api<{ items: { name: string; certificates: { codeDisplay: string }[] }[] }>('GET', '/api/v1/training-hours');
    expect(hours.items.find((s) => s.name === staffName)?.certificates.map((c) => c.codeDisplay)).toContain(code);

    // The director downloads the certificate as a PDF.
    const enrolmentRow = item.getByTestId('enrolment').filter({ hasText: staffName });
    const [download] = await Promise.all([page.waitForEvent('download'), enrolmentRow.getByTestId('certificate-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/^training-certificate-PX\d{4}-\d{6}\.pdf$/);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // A second member of staff enrolled, then withdrawn: the confirmation says what follows.
    await item.getByTestId('enrol-staff').click();
    const second = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    const secondName = (await second.textContent()) as string;
    await second.click();
    await item.getByTestId('enrol-form').getByRole('button', { name: '报名' }).click();
    const secondRow = item.getByTestId('enrolment').filter({ hasText: secondName });
    await expect.poll(() => secondRow.count()).toBe(1);
    await secondRow.getByTestId('withdraw').click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect.poll(() => confirm.textContent()).toContain('不会结业发证');
    await page.screenshot({ path: path.join(SHOTS, 'trainings-withdraw-1280.png'), fullPage: true });
    await confirm.getByRole('button', { name: '退出培训' }).click();
    await expect.poll(() => secondRow.textContent()).toContain('已退出');
    expect(await secondRow.getByTestId('withdraw').count()).toBe(0);
    // The completed one has no withdraw button: its certificate stands.
    expect(await enrolmentRow.getByTestId('withdraw').count()).toBe(0);

    // Editing: the required hours are refused at their field once a certificate is issued; the venue changes.
    await item.getByTestId('edit-training').click();
    const edit = item.getByTestId('training-edit-form');
    await edit.getByLabel('结业所需学时').fill('4');
    await edit.getByRole('button', { name: '保存修改' }).click();
    await expect
      .poll(() => edit.locator('.ant-form-item').filter({ hasText: '结业所需学时' }).locator('.ant-form-item-explain-error').textContent())
      .toContain('不能再修改要求学时');
    await item.screenshot({ path: path.join(SHOTS, 'trainings-edit-refused-1280.png') });
    await edit.getByLabel('结业所需学时').fill('3');
    await edit.getByLabel('培训地点').fill('指导中心二楼培训室');
    await edit.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => item.getByTestId('training-edit-form').count()).toBe(0);
    await expect.poll(() => item.textContent()).toContain('指导中心二楼培训室');

    // Closing, confirmed: enrolment stops.
    await item.getByTestId('close-training').click();
    await expect.poll(() => confirm.textContent()).toContain('不能再为本培训报名');
    await confirm.getByRole('button', { name: '停止报名' }).click();
    await expect.poll(() => item.getByTestId('close-training').count()).toBe(0);
    expect(await item.getByTestId('enrol-form').count()).toBe(0);

    // A session tomorrow, to be moved on a phone.
    const trainingId = (await api<{ items: { id: string; title: string }[] }>('GET', '/api/v1/trainings')).items.find(
      (x) => x.title === TITLE,
    )?.id as string;
    const tomorrow = addDaysIso(todayInShanghai(new Date()), 1);
    await api('POST', `/api/v1/trainings/${trainingId}/sessions`, {
      startsAt: new Date(`${tomorrow}T09:00:00+08:00`).toISOString(),
      endsAt: new Date(`${tomorrow}T11:00:00+08:00`).toISOString(),
      hours: 2,
    });

    // The training area on a phone, then the public check of the code.
    const phone = await phoneContext(journey.browser, url);
    const mobile = await phone.newPage();
    await signIn(mobile, CENTER, '/institution');
    await mobile.goto('/institution/trainings');
    await expect.poll(() => mobile.getByTestId('staff-hours').count()).toBe(1);
    const mobileItem = mobile.locator('.ant-collapse-item').filter({ has: mobile.getByTestId('training').filter({ hasText: TITLE }) });
    await mobileItem.getByTestId('training').click();
    await expect.poll(() => mobileItem.getByTestId('certificate-pdf').count()).toBe(1);
    await noSidewaysScroll(mobile);
    await mobileItem.screenshot({ path: path.join(SHOTS, 'trainings-enrolments-375.png') });
    await mobile.screenshot({ path: path.join(SHOTS, 'trainings-director-375.png'), fullPage: true });

    // The session not yet held is moved a day on; half an hour for two hours is refused at the end.
    const later = mobileItem
      .locator('.ant-list-item')
      .filter({ has: mobile.getByTestId('training-session') })
      .last();
    await later.getByTestId('move-session').click();
    const move = later.getByTestId('move-form');
    const dayAfter = addDaysIso(tomorrow, 1);
    await move.getByLabel('新的开始时间').fill(`${dayAfter}T10:00`);
    await move.getByLabel('新的结束时间').fill(`${dayAfter}T10:30`);
    await move.getByRole('button', { name: '保存新时间' }).click();
    await move.locator('.ant-form-item').filter({ hasText: '新的结束时间' }).getByText('学时不能超过课次的时长').waitFor();
    await noSidewaysScroll(mobile);
    await later.screenshot({ path: path.join(SHOTS, 'trainings-move-refused-375.png') });
    await move.getByLabel('新的结束时间').fill(`${dayAfter}T12:00`);
    await move.getByRole('button', { name: '保存新时间' }).click();
    await expect.poll(() => mobile.locator('.ant-message').textContent()).toContain('时间已调整');
    const sessions = (await api<{ sessions: { startsAt: string }[] }>('GET', `/api/v1/trainings/${trainingId}`)).sessions;
    expect(sessions.map((x) => toShanghaiDate(new Date(x.startsAt)))).toContain(dayAfter);
    await mobile.screenshot({ path: path.join(SHOTS, 'trainings-moved-375.png'), fullPage: true });

    const visitor = await (await phoneContext(journey.browser, url)).newPage();
    await visitor.goto(`/verify/training-certificates#${code.replaceAll('-', '')}`);
    await expect.poll(() => visitor.getByTestId('verification-status').textContent()).toBe('有效');
    const holder = (await visitor.getByTestId('holder').textContent()) as string;
    expect(holder).toContain('*');
    expect(holder).not.toBe(staffName);
    expect(await visitor.getByTestId('verification').textContent()).toContain(TITLE);
    await noSidewaysScroll(visitor);
    await visitor.screenshot({ path: path.join(SHOTS, 'trainings-verify-375.png'), fullPage: true });
    // The city official sees the institutions short of hours or qualifications on the dashboard and the registry.
    const officialPage = await desk.newPage();
    await signIn(officialPage, CITY, '/official');
    await expect.poll(() => officialPage.getByTestId('work-training').textContent()).toMatch(/\d+ \/ \d+/);
    await officialPage.getByTestId('work-training').click();
    await officialPage.waitForURL('**/official/institutions');
    await expect.poll(() => officialPage.getByTestId('training-shortfall').textContent()).toContain('学时不足');
    await officialPage.screenshot({ path: path.join(SHOTS, 'trainings-registry-1280.png'), fullPage: true });
    await officialPage.setViewportSize({ width: 375, height: 812 });
    await noSidewaysScroll(officialPage);
    await officialPage.screenshot({ path: path.join(SHOTS, 'trainings-registry-375.png'), fullPage: true });
    // The official's trainings page asks only for what an official may read: no staff hours, no refusals.
    const refused: string[] = [];
    officialPage.on('response', (r) => {
      if (r.status() >= 400) refused.push(`${r.status()} ${r.url()}`);
    });
    await officialPage.goto('/official/trainings');
    await expect.poll(() => officialPage.getByText(TITLE).count()).toBeGreaterThan(0);
    expect(refused).toEqual([]);

    // A code typed wrong is caught before asking the server.
    await visitor.getByLabel('核验码').fill('ABCD-EFGH-JKMN');
    await visitor.getByRole('button', { name: '核验' }).click();
    await expect.poll(() => visitor.getByText('核验码不正确').count()).toBe(1);
  }, 240_000);
});
