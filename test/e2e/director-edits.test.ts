import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { nextCreditCode, staffResidentId } from '../harness/factories/institutions.ts';
import { apiAs } from './api.ts';
import { desktopContext, noSidewaysScroll, phoneContext, signIn } from './browser.ts';
import { pickOption } from './forms.ts';
import { SHOTS, useJourney } from './journey.ts';
import { codeFromOutbox, newPhone } from './outbox.ts';

/**
 * Stories of issue 19, defect 10: the demo director changes what the page once could only add —
 * a class's places and caregivers, a member of staff who leaves, the opening hours — and is told
 * in words why a class with children cannot be removed. Someone who has just started an
 * institution sees only what a draft can use, and a list of what its filing still needs, each
 * item leading to where it is filled in.
 */

const DIRECTOR = '13900000003';
const PAGE = '/institution/my-institution';
const PASSWORD = 'green-kite-42';

type Record = {
  classes: { id: string; name: string; capacity: number; enrolled: number; archived: boolean }[];
  staff: { id: string; name: string; role: string }[];
};

// The smallest file the server's content check accepts as a PDF: it reads the magic bytes.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
// A whole 1 × 1 PNG, which the browser draws: the public page must show it, not only list it.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

type Profile = { name: string; contactPhone: string | null; serviceForms: string[]; photos: { id: string; url: string }[] };

const journey = useJourney();

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `director-edits-${name}.png`), fullPage: true });
}

/** The same page on a 375 px phone, for a look and for sideways scrolling. */
async function shotOnPhone(phone: string, password: string, name: string) {
  const context = await phoneContext(journey.browser, journey.server.url);
  try {
    const page = await context.newPage();
    await signIn(page, phone, undefined, password);
    await page.goto(PAGE);
    await page.waitForLoadState('networkidle');
    await noSidewaysScroll(page);
    await shot(page, `${name}-375`);
  } finally {
    await context.close();
  }
}

/** A new account through the sign-up routes, which starts an institution of its own. */
async function startInstitution(name: string): Promise<string> {
  const url = journey.server.url;
  const phone = newPhone('135');
  const post = (path: string, body: unknown, cookie = '') =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  expect((await post('/api/v1/auth/verification-codes', { phone, purpose: 'register' })).status).toBe(202);
  const code = await codeFromOutbox(url, phone);
  const registered = await post('/api/v1/auth/register', { phone, code, name: '开园的周园长', password: PASSWORD });
  expect(registered.status).toBe(201);
  const cookie = registered.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const district = (await (await fetch(`${url}/api/v1/divisions/320706`)).json()) as { children: { code: string }[] };
  const started = await post(
    '/api/v1/institutions/start',
    { name, creditCode: nextCreditCode(), address: '海州区幸福路 9 号', divisionCode: district.children[0]?.code },
    cookie,
  );
  expect(started.status, await started.clone().text()).toBe(201);
  return phone;
}

describe('the director edits what the page adds', () => {
  it('changes a class’s places and caregivers, lets a member of staff go, sets the hours, and is told why a class stays', async () => {
    const api = await apiAs(journey.server.url, DIRECTOR);
    const me = await api<{ roles: { role: string; institutionId?: string }[] }>('GET', '/api/v1/auth/me');
    const institutionId = me.roles.find((r) => r.role === 'institution_admin')?.institutionId as string;
    const before = await api<Record>('GET', `/api/v1/institutions/${institutionId}/record`);
    const [edited, full] = before.classes.filter((c) => !c.archived && c.enrolled > 0);
    if (!edited || !full) throw new Error('the demo institution has no two classes with children');
    const leaver = before.staff.find((s) => s.role === 'cook') ?? before.staff.find((s) => s.role !== 'director');
    if (!leaver) throw new Error('the demo institution has no staff to let go');

    const context = await desktopContext(journey.browser, journey.server.url);
    try {
      const d = await context.newPage();
      await signIn(d, DIRECTOR);
      await d.goto(PAGE);
      const classRow = (name: string) => d.getByTestId('class-row').filter({ hasText: `${name} · ` });

      // The places of a class, changed in its dialog.
      await classRow(edited.name).getByRole('button', { name: '编辑' }).click();
      const dialog = d.getByRole('dialog');
      await dialog.getByLabel('托位数').fill(String(edited.capacity - 1));
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect.poll(() => classRow(edited.name).textContent()).toContain(`${edited.capacity - 1} 个托位`);
      await dialog.waitFor({ state: 'detached' });

      // A new caregiver, then given to that class.
      const addStaff = d.getByRole('form', { name: '添加人员' });
      await addStaff.getByLabel('姓名').fill('赵新来');
      await addStaff.getByLabel('身份证号').fill(staffResidentId(801));
      await addStaff.getByRole('button', { name: '添加人员' }).click();
      await d.getByTestId('staff-row').filter({ hasText: '赵新来 · 保育人员' }).waitFor();
      await classRow(edited.name).getByRole('button', { name: '编辑' }).click();
      await d.getByRole('dialog').getByLabel('保育人员').click();
      // The list draws only the options in view: the newest caregiver, last, is found by name.
      await d.keyboard.type('赵新来');
      await pickOption(d, '赵新来');
      await d.getByRole('dialog').getByText(`编辑班级「${edited.name}」`).click();
      await d.getByRole('dialog').getByRole('button', { name: '保存' }).click();
      await expect.poll(() => classRow(edited.name).getByTestId('class-caregivers').textContent()).toContain('赵新来');
      // Shown masked: the region and the last four characters only.
      await d
        .getByTestId('staff-row')
        .filter({ hasText: `赵新来 · 保育人员 · ${edited.name} · 3207**********${staffResidentId(801).slice(14)}` })
        .waitFor();

      // A class with children is not removed: the confirmation, then the server's words.
      await classRow(full.name).getByRole('button', { name: '撤销' }).click();
      await d.locator('.ant-popconfirm:visible').getByText(`撤销班级「${full.name}」？`).waitFor();
      await d.locator('.ant-popconfirm:visible').getByRole('button', { name: '撤销' }).click();
      await expect
        .poll(() => d.getByTestId('form-error').textContent())
        .toMatch(new RegExp(`^该班级还有 ${full.enrolled} 名幼儿在托或已获录取，不能撤销`));
      expect(await classRow(full.name).count()).toBe(1);

      // A member of staff leaves only after the confirmation says what it means.
      const leaverRow = d.getByTestId('staff-row').filter({ hasText: `${leaver.name} · ` });
      await leaverRow.getByRole('button', { name: '移除' }).click();
      // The class's confirmation may still be closing: this one is known by its question.
      const confirm = d.locator('.ant-popconfirm:visible').filter({ hasText: `确认${leaver.name}今天离职？` });
      await confirm.waitFor();
      await confirm.getByRole('button', { name: '取消' }).click();
      // The closing confirmation still covers the button until it is gone.
      await expect.poll(() => confirm.count()).toBe(0);
      expect(await leaverRow.count()).toBe(1);
      await leaverRow.getByRole('button', { name: '移除' }).click();
      await d
        .locator('.ant-popconfirm:visible')
        .filter({ hasText: `确认${leaver.name}今天离职？` })
        .getByRole('button', { name: '确认离职' })
        .click();
      await expect.poll(() => leaverRow.count()).toBe(0);

      // The opening hours, published at once.
      const service = d.locator('#director-service');
      await service.getByLabel('开门时间').fill('07:30');
      await service.getByLabel('关门时间').fill('18:00');
      await service.getByRole('checkbox', { name: '周六' }).check();
      await service.getByRole('button', { name: '保存服务信息' }).click();
      await expect
        .poll(
          async () =>
            (await api<{ facts: { openingHours: unknown } }>('GET', `/api/v1/institutions/${institutionId}/record`)).facts.openingHours,
        )
        .toEqual({ opensAt: '07:30', closesAt: '18:00', weekdays: [1, 2, 3, 4, 5, 6] });
      const profile = await (await fetch(`${journey.server.url}/api/v1/institutions/${institutionId}`)).json();
      expect(profile.openingHours).toMatchObject({ opensAt: '07:30', closesAt: '18:00' });

      const after = await api<Record>('GET', `/api/v1/institutions/${institutionId}/record`);
      expect(after.classes.find((c) => c.id === edited.id)?.capacity).toBe(edited.capacity - 1);
      expect(after.staff.map((s) => s.id)).not.toContain(leaver.id);
      await d.reload();
      await expect.poll(() => service.getByLabel('开门时间').inputValue()).toBe('07:30');
      await shot(d, 'filed-1280');
      await shotOnPhone(DIRECTOR, 'tuoyu-demo', 'filed');
    } finally {
      await context.close();
    }
  }, 180_000);

  it('adds, orders and removes photos, changes the phone and the service forms, and families see it on the public page and in the search', async () => {
    const url = journey.server.url;
    const api = await apiAs(url, DIRECTOR);
    const me = await api<{ roles: { role: string; institutionId?: string }[] }>('GET', '/api/v1/auth/me');
    const institutionId = me.roles.find((r) => r.role === 'institution_admin')?.institutionId as string;
    const publicProfile = async () => (await (await fetch(`${url}/api/v1/institutions/${institutionId}`)).json()) as Profile;
    const before = await publicProfile();
    const phoneNumber = '0518-85829999';
    expect(before.contactPhone).not.toBe(phoneNumber);
    expect(before.serviceForms).not.toContain('temporary');

    const context = await desktopContext(journey.browser, url);
    const family = await phoneContext(journey.browser, url);
    try {
      const d = await context.newPage();
      await signIn(d, DIRECTOR);
      await d.goto(PAGE);
      const photosCard = d.locator('#director-photos');
      await photosCard.waitFor();
      const photos = photosCard.getByTestId('photo');
      const start = await photos.count();
      expect(start).toBe(before.photos.length);

      // Two photos, one after the other as a person picks them.
      for (const [i, name] of ['活动室.png', '户外场地.png'].entries()) {
        await photosCard.getByLabel('上传照片').setInputFiles({ name, mimeType: 'image/png', buffer: PNG });
        await expect.poll(() => photos.count()).toBe(start + i + 1);
      }
      const added = (await publicProfile()).photos.slice(start);
      expect(added).toHaveLength(2);
      const [indoor, outdoor] = added as [{ id: string; url: string }, { id: string; url: string }];

      // The outdoor photo is moved to the front, one place a tap: families see it first.
      const order = () => photos.evaluateAll((els) => els.map((el) => el.getAttribute('data-photo-id')));
      for (let place = start + 1; place > 0; place--) {
        await photosCard.getByRole('button', { name: '前移照片 户外场地.png' }).click();
        await expect.poll(async () => (await order()).indexOf(outdoor.id)).toBe(place - 1);
      }
      expect(await photosCard.getByRole('button', { name: '前移照片 户外场地.png' }).isDisabled()).toBe(true);
      const reordered = [outdoor.id, ...before.photos.map((ph) => ph.id), indoor.id];
      expect((await publicProfile()).photos.map((ph) => ph.id)).toEqual(reordered);

      // A family's phone shows them on the page, drawn.
      const p = await family.newPage();
      const shownPhotos = p.locator('img[src*="/photos/"]');
      const drawn = () =>
        shownPhotos.evaluateAll((imgs) => imgs.filter((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0).length);
      await p.goto(`/institutions/${institutionId}`);
      await expect.poll(() => shownPhotos.count()).toBe(start + 2);
      await expect.poll(drawn).toBe(start + 2);
      expect(await shownPhotos.first().getAttribute('src')).toBe(outdoor.url);

      // The indoor photo is taken off again after the confirmation.
      await photosCard.getByRole('button', { name: '移除照片 活动室.png' }).click();
      const confirm = d.locator('.ant-popconfirm:visible').filter({ hasText: '删除这张照片？' });
      await confirm.getByRole('button', { name: '移除' }).click();
      await expect.poll(() => photos.count()).toBe(start + 1);
      expect((await publicProfile()).photos.map((ph) => ph.id)).toEqual([outdoor.id, ...before.photos.map((ph) => ph.id)]);
      await p.reload();
      await expect.poll(() => shownPhotos.count()).toBe(start + 1);
      expect(await p.locator(`img[src="${indoor.url}"]`).count()).toBe(0);
      await expect.poll(drawn).toBe(start + 1);

      // The phone and a service form more, published at once.
      const service = d.locator('#director-service');
      await service.getByLabel('联系电话').fill(phoneNumber);
      await service.getByRole('checkbox', { name: '临时托' }).check();
      await service.getByRole('button', { name: '保存服务信息' }).click();
      await expect.poll(async () => (await publicProfile()).contactPhone).toBe(phoneNumber);
      await p.reload();
      await expect.poll(() => p.getByTestId('profile-phone').textContent()).toBe(phoneNumber);
      expect(await p.getByTestId('profile-service-forms').textContent()).toContain('临时托');
      await noSidewaysScroll(p);
      await p.screenshot({ path: join(SHOTS, 'director-edits-public-page-375.png'), fullPage: true });

      // A family looking for 临时托 now finds it.
      await p.goto(`/search?${new URLSearchParams({ q: before.name, serviceForm: 'temporary' })}`);
      await p.getByTestId('search-result').getByRole('link', { name: before.name, exact: true }).waitFor();
      expect(await p.getByTestId('search-total').textContent()).toMatch(/^共 1 家/);
      await photosCard.scrollIntoViewIfNeeded();
      await d.screenshot({ path: join(SHOTS, 'director-edits-photos-1280.png') });
    } finally {
      await family.close();
      await context.close();
    }
  }, 180_000);

  it('a just-started institution sees what a draft can use, fills in what its filing needs and submits it', async () => {
    const phone = await startInstitution('向日葵托育园');
    const context = await desktopContext(journey.browser, journey.server.url);
    try {
      const d = await context.newPage();
      await signIn(d, phone, '/institution', PASSWORD);
      await d.getByTestId('not-filed').waitFor();
      // No attendance, admissions, statements or subsidies before it is filed.
      const nav = d.getByRole('navigation', { name: '主导航' });
      expect(await nav.getByRole('link').allTextContents()).toEqual(['首页', '本机构', '区划与人口']);
      await d.goto('/institution/attendance');
      await d.getByText('页面不存在').waitFor();

      await d.goto('/institution');
      await d.getByTestId('not-filed').getByRole('link', { name: '完善备案信息' }).click();
      await d.waitForURL((url) => url.pathname === PAGE);
      const needs = d.getByTestId('filing-need');
      await expect
        .poll(() => needs.allTextContents())
        .toEqual([
          '举办者类型',
          '服务形式',
          '地图位置',
          '室内面积',
          '户外面积',
          '服务时间',
          '至少一个班级',
          '至少一名保育人员',
          '上传备案材料：登记证书',
          '上传备案材料：场地证明',
          '上传备案材料：卫生评价报告',
          '上传备案材料：消防材料',
        ]);
      await shot(d, 'draft-1280');
      await shotOnPhone(phone, PASSWORD, 'draft');

      // Each item leads to its field; filled in, it leaves the list.
      await needs.getByRole('link', { name: '服务时间' }).click();
      await expect.poll(() => d.evaluate<string>('document.activeElement?.id ?? ""')).toBe('service_openingHours_opensAt');
      const service = d.locator('#director-service');
      await service.getByLabel('开门时间').fill('08:00');
      await service.getByLabel('关门时间').fill('17:00');
      await service.getByRole('checkbox', { name: '全日托' }).check();
      await service.getByRole('button', { name: '保存服务信息' }).click();
      await expect.poll(() => needs.count()).toBe(10);
      expect(await needs.allTextContents()).not.toContain('服务时间');

      await needs.getByRole('link', { name: '至少一名保育人员' }).click();
      await expect.poll(() => d.evaluate<string>('document.activeElement?.id ?? ""')).toBe('newStaff_name');
      await needs.getByRole('link', { name: '上传备案材料：消防材料' }).click();
      await expect.poll(() => d.evaluate<string>('document.activeElement?.id ?? ""')).toBe('document-fire_safety');

      // The rest of the list, as a new operator fills it in; then the filing goes in.
      const facts = d.locator('#director-facts');
      // An option clicked while the list is still opening selects nothing: pick until it shows.
      const openList = d.locator('.ant-select-dropdown:visible');
      await expect
        .poll(async () => {
          if (!(await openList.isVisible())) await facts.getByLabel('举办主体').click();
          await pickOption(d, '民办非营利');
          return facts.locator('.ant-select').textContent();
        })
        .toContain('民办非营利');
      await facts.getByLabel('纬度').fill('34.5968');
      await facts.getByLabel('经度').fill('119.2215');
      await facts.getByLabel('室内面积（㎡）').fill('240');
      await facts.getByLabel('户外面积（㎡）').fill('120');
      await facts.getByRole('button', { name: '保存信息' }).click();
      await expect
        .poll(() => needs.allTextContents())
        .toEqual([
          '至少一个班级',
          '至少一名保育人员',
          '上传备案材料：登记证书',
          '上传备案材料：场地证明',
          '上传备案材料：卫生评价报告',
          '上传备案材料：消防材料',
        ]);
      const newClass = d.getByRole('form', { name: '添加班级' });
      await newClass.getByLabel('班级名称').fill('向日葵托小班');
      await newClass.getByRole('button', { name: '添加班级' }).click();
      await expect.poll(() => needs.allTextContents()).not.toContain('至少一个班级');
      const newStaff = d.getByRole('form', { name: '添加人员' });
      await newStaff.getByLabel('姓名').fill('钱保育');
      await newStaff.getByLabel('身份证号').fill(staffResidentId(803));
      await newStaff.getByRole('button', { name: '添加人员' }).click();
      await expect.poll(() => needs.allTextContents()).not.toContain('至少一名保育人员');
      // A class asks for its type's monthly fee.
      await facts.getByLabel('托小班月费（元）').fill('1800');
      await facts.getByRole('button', { name: '保存信息' }).click();
      await expect.poll(() => needs.count()).toBe(4);
      // One upload at a time, each seen to land before the next, as a person would.
      for (const label of ['登记证书', '场地证明', '卫生评价报告', '消防材料']) {
        await d.getByLabel(label, { exact: true }).setInputFiles({ name: 'doc.pdf', mimeType: 'application/pdf', buffer: PDF });
        await expect.poll(() => needs.allTextContents()).not.toContain(`上传备案材料：${label}`);
      }
      await expect.poll(() => needs.count()).toBe(0);
      await d.getByRole('button', { name: '提交备案' }).click();
      await expect.poll(() => d.getByTestId('institution-status').textContent()).toBe('已提交');
      await shot(d, 'draft-submitted-1280');
    } finally {
      await context.close();
    }
  }, 180_000);

  it('a director adding a caregiver who works in another filed institution is told so at the 身份证号 field, on a phone', async () => {
    // The guidance center (filed) has this person on its roster.
    const number = staffResidentId(805);
    const center = await apiAs(journey.server.url, DIRECTOR);
    const me = await center<{ roles: { role: string; institutionId?: string }[] }>('GET', '/api/v1/auth/me');
    const centerId = me.roles.find((r) => r.role === 'institution_admin')?.institutionId as string;
    await center('POST', `/api/v1/institutions/${centerId}/staff`, { name: '周双岗', role: 'caregiver', residentId: number });

    const phone = await startInstitution('小海豚托育园');
    const context = await phoneContext(journey.browser, journey.server.url);
    try {
      const p = await context.newPage();
      await signIn(p, phone, undefined, PASSWORD);
      await p.goto(PAGE);
      const newStaff = p.getByRole('form', { name: '添加人员' });
      await newStaff.getByLabel('姓名').fill('周双岗');
      // The form checks the number by the server's rule before sending it.
      await newStaff.getByLabel('身份证号').fill(`${number.slice(0, 17)}${number.endsWith('0') ? '1' : '0'}`);
      await newStaff.getByRole('button', { name: '添加人员' }).click();
      const fieldError = newStaff.locator('.ant-form-item-explain-error');
      await expect.poll(() => fieldError.allTextContents()).toEqual(['身份证号不正确（校验位不符或出生日期无效）']);
      await newStaff.getByLabel('身份证号').fill(number);
      await newStaff.getByRole('button', { name: '添加人员' }).click();
      await expect
        .poll(() => fieldError.allTextContents())
        .toEqual(['此人已在「连云港市婴幼儿照护服务指导中心」在职，需先在该机构办理离职']);
      expect(await p.getByTestId('staff-row').filter({ hasText: '周双岗' }).count()).toBe(0);
      await newStaff.getByLabel('身份证号').scrollIntoViewIfNeeded();
      await noSidewaysScroll(p);
      await shot(p, 'staff-elsewhere-375');
      await p.locator('#director-staff').screenshot({ path: join(SHOTS, 'director-edits-staff-elsewhere-card-375.png') });
    } finally {
      await context.close();
    }
  }, 120_000);
});
