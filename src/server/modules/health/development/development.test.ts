import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { ACTORS, type ActorName, createRoleWorld, expectRoleMatrix } from '../../../../../test/harness/roles.ts';

const everyone = (status: number) => Object.fromEntries(ACTORS.map((a) => [a, status])) as Record<ActorName, number>;

describe.each(DIALECTS)('health-check schedule and warning signs on %s', (dialect) => {
  let t: TestApp;
  const get = (url: string, lang = 'zh-CN') => t.app.inject({ url, headers: { 'accept-language': lang } });
  const assess = (payload: object, lang = 'zh-CN') =>
    t.app.inject({ method: 'POST', url: '/api/v1/warning-signs/assess', payload, headers: { 'accept-language': lang } });

  beforeAll(async () => {
    t = await buildTestApp(dialect); // the test clock reads 2026-11-29 in Shanghai
  });
  afterAll(() => t.close());

  it('is open to everyone, signed in or not', async () => {
    const world = await createRoleWorld(t);
    await expectRoleMatrix(t, world, { url: '/api/v1/health-checks/schedule?birthDate=2026-03-01' }, everyone(200));
    await expectRoleMatrix(t, world, { url: '/api/v1/warning-signs?ageMonths=9' }, everyone(200));
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: '/api/v1/warning-signs/assess', payload: { ageMonths: 9, ticked: [] } },
      everyone(200),
    );
  });

  describe('schedule', () => {
    it('lists the visits with windows and statuses on today, and the next one due', async () => {
      const res = await get('/api/v1/health-checks/schedule?birthDate=2026-03-01&done=2026-03-05,2026-03-30,2026-06-10');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ birthDate: '2026-03-01', today: '2026-11-29', ageMonths: 8, unmatchedDates: [] });
      expect(body.visits.map((v: { key: string; status: string }) => `${v.key}:${v.status}`)).toEqual([
        'newborn_home_visit:done',
        'one_month:done',
        'month_3:done',
        'month_6:missed',
        'month_8:due',
        'month_12:upcoming',
        'month_18:upcoming',
        'month_24:upcoming',
        'month_30:upcoming',
        'month_36:upcoming',
      ]);
      expect(body.next).toMatchObject({
        key: 'month_8',
        name: { 'zh-CN': '8月龄健康检查', en: '8-month check' },
        targetDate: '2026-11-01',
        windowStart: '2026-10-01',
        windowEnd: '2026-11-30',
        status: 'due',
      });
    });

    it('follows the Shanghai calendar day', async () => {
      t.clock.set(new Date('2026-11-30T16:00:00Z')); // 1 December, midnight in Shanghai
      const body = (await get('/api/v1/health-checks/schedule?birthDate=2026-03-01')).json();
      expect(body.today).toBe('2026-12-01');
      expect(body.next).toMatchObject({ key: 'month_8', status: 'overdue' });
      t.clock.set(new Date('2026-11-29T02:00:00Z'));
    });

    it('starts the home-visit week at a given discharge date', async () => {
      const body = (await get('/api/v1/health-checks/schedule?birthDate=2026-11-20&dischargeDate=2026-11-24')).json();
      expect(body.visits[0]).toMatchObject({ windowStart: '2026-11-24', windowEnd: '2026-12-01', status: 'due' });
    });

    it.each([
      ['birthDate=2026-02-30', 'querystring.birthDate', '日期格式应为 YYYY-MM-DD'],
      ['birthDate=2026-12-01', 'querystring.birthDate', '日期不能晚于今天'],
      ['birthDate=2026-03-01&done=2026-03-05;2026-04-01', 'querystring.done', '日期格式应为 YYYY-MM-DD，多个日期用逗号分隔'],
      ['birthDate=2026-03-01&done=2026-02-01', 'querystring.done', '体检日期不能早于出生日期'],
      ['birthDate=2026-03-01&done=2026-12-01', 'querystring.done', '日期不能晚于今天'],
      ['birthDate=2026-03-01&dischargeDate=2026-03-25', 'querystring.dischargeDate', '出院日期应在出生后0–20天内'],
    ])('refuses %s', async (query, path, message) => {
      const res = await get(`/api/v1/health-checks/schedule?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual(expect.arrayContaining([{ path, message }]));
    });

    it('needs a birth date and answers in English on request', async () => {
      const res = await get('/api/v1/health-checks/schedule?birthDate=2030-01-01', 'en');
      expect(res.json().error.details).toEqual([{ path: 'querystring.birthDate', message: 'The date cannot be later than today' }]);
      expect((await get('/api/v1/health-checks/schedule')).statusCode).toBe(400);
    });
  });

  describe('warning signs', () => {
    it('gives the whole table, in official order, when no age is given', async () => {
      const body = (await get('/api/v1/warning-signs')).json();
      expect(body.ageMonths).toBeNull();
      expect(body.checklist).toBeNull();
      expect(body.checklists.map((c: { ageMonths: number }) => c.ageMonths)).toEqual([3, 6, 8, 12, 18, 24, 30, 36]);
      expect(body.checklists[0].signs[0]).toEqual({
        id: '3m-1',
        text: { 'zh-CN': '对很大声音没有反应', en: 'No reaction to loud sounds' },
      });
    });

    it('picks the checklist for an age, or for a birth date on today', async () => {
      expect((await get('/api/v1/warning-signs?ageMonths=10')).json()).toMatchObject({ ageMonths: 10, checklist: { ageMonths: 8 } });
      expect((await get('/api/v1/warning-signs?ageMonths=2')).json()).toMatchObject({ ageMonths: 2, checklist: null });
      expect((await get('/api/v1/warning-signs?birthDate=2024-11-29')).json()).toMatchObject({
        ageMonths: 24,
        checklist: { ageMonths: 24 },
      });
      expect((await get('/api/v1/warning-signs?birthDate=2024-11-30')).json()).toMatchObject({
        ageMonths: 23,
        checklist: { ageMonths: 18 },
      });
    });

    it.each([
      'ageMonths=-1',
      'ageMonths=1.5',
      'ageMonths=abc',
      'birthDate=2026-13-01',
      'birthDate=2027-01-01',
      'ageMonths=10&birthDate=2026-01-01',
    ])('refuses %s', async (query) => {
      expect((await get(`/api/v1/warning-signs?${query}`)).statusCode).toBe(400);
    });

    it('advises the child-health clinic when a sign is ticked', async () => {
      const res = await assess({ ageMonths: 13, ticked: ['12m-2'] });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ checkAgeMonths: 12, referral: true, signs: [{ id: '12m-2' }] });
      expect(body.advice['zh-CN']).toContain('儿童保健门诊');
      expect(body.advice.en).toContain('child-health clinic');
    });

    it('gives no referral when nothing is ticked', async () => {
      expect((await assess({ ageMonths: 30, ticked: [] })).json()).toMatchObject({ checkAgeMonths: 30, referral: false, signs: [] });
    });

    it('refuses a sign from another age and an age without a checklist', async () => {
      const wrong = await assess({ ageMonths: 13, ticked: ['12m-1', '8m-4'] }, 'en');
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.details).toEqual([{ path: 'body.ticked.1', message: 'This sign is not on the checklist for this age' }]);
      const young = await assess({ ageMonths: 2, ticked: [] });
      expect(young.statusCode).toBe(400);
      expect(young.json().error.details).toEqual([
        { path: 'body.ageMonths', message: '该年龄没有发育预警征象筛查表（适用于3月龄至4岁前）' },
      ]);
      expect((await assess({ ageMonths: 12 })).statusCode).toBe(400);
    });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await get('/api/docs/json')).json();
    expect(doc.paths['/api/v1/health-checks/schedule'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'birthDate',
      'dischargeDate',
      'done',
    ]);
    expect(doc.paths['/api/v1/warning-signs'].get.responses['200']).toBeDefined();
    expect(doc.paths['/api/v1/warning-signs/assess'].post.requestBody.content['application/json'].schema.required).toEqual([
      'ageMonths',
      'ticked',
    ]);
  });
});
