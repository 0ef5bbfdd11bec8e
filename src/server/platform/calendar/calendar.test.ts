import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createUser, signIn } from '../../../../test/harness/factories/users.ts';
import { addWorkingDays } from '../../../domain/calendar/workingDays.ts';
import { loadWorkingCalendar } from './calendar.ts';

describe.each(DIALECTS)('the working-day calendar on %s', (dialect) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await signIn(t.app, (await createUser(t.deps.db, { role: 'admin' })).phone);
  });
  afterAll(() => t.close());

  const put = (year: number, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/admin/calendar/years/${year}`, payload, headers: { cookie: admin } });

  it('holds 2026 as the State Council published it', async () => {
    const res = await t.app.inject({ url: '/api/v1/calendar/years/2026' });
    const days = res.json().days as { day: string; kind: string }[];
    const of = (kind: string) => days.filter((d) => d.kind === kind).map((d) => d.day);
    expect(of('workday')).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(of('holiday')).toEqual(expect.arrayContaining(['2026-01-01', '2026-01-03', '2026-02-15', '2026-02-23', '2026-10-07']));
    expect(of('holiday')).toHaveLength(33);
    expect((await t.app.inject({ url: '/api/v1/calendar/years/2028' })).json()).toMatchObject({ known: false, days: [] });
  });

  it('counts 2027 with its statutory holidays until the notice is entered', async () => {
    const res = (await t.app.inject({ url: '/api/v1/calendar/years/2027' })).json();
    expect(res).toMatchObject({ known: true, source: expect.stringContaining('待国务院办公厅通知公布后替换') });
    expect(res.days).toHaveLength(13);
    const calendar = await loadWorkingCalendar(t.deps.db);
    // A deadline set on the last day of 2026 skips New Year's Day and the weekend after it.
    expect(addWorkingDays('2026-12-31', 1, calendar)).toBe('2027-01-04');
    // 除夕 to 初三 (Friday to Monday) are not working days.
    expect(addWorkingDays('2027-02-04', 1, calendar)).toBe('2027-02-09');
  });

  it('the admin enters a year; deadlines counted from then on follow it, and the change is audited', async () => {
    const before = await loadWorkingCalendar(t.deps.db);
    expect(addWorkingDays('2028-01-28', 1, before)).toBe('2028-01-31');
    const res = await put(2028, {
      source: '国务院办公厅关于2028年部分节假日安排的通知',
      days: [
        { day: '2028-01-31', kind: 'holiday', name: '春节' },
        { day: '2028-01-29', kind: 'workday', name: '春节' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ known: true, days: [{ day: '2028-01-29' }, { day: '2028-01-31' }] });
    const after = await loadWorkingCalendar(t.deps.db);
    expect(addWorkingDays('2028-01-28', 1, after)).toBe('2028-01-29');
    expect(addWorkingDays('2028-01-29', 1, after)).toBe('2028-02-01');
    const audit = await t.deps.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'calendar.year.replace').execute();
    expect(audit.map((a) => a.entity_id)).toContain('2028');
  });

  it('refuses a day outside the year, a day twice, and a bad kind, and changes nothing', async () => {
    const bad = async (days: unknown[]) => {
      const res = await put(2026, { source: '错误', days });
      expect(res.statusCode).toBe(400);
      return res.json().error.details[0].path as string;
    };
    expect(await bad([{ day: '2025-12-31', kind: 'holiday', name: '元旦' }])).toBe('days.0.day');
    expect(
      await bad([
        { day: '2026-01-01', kind: 'holiday', name: '元旦' },
        { day: '2026-01-01', kind: 'workday', name: '元旦' },
      ]),
    ).toBe('days');
    expect(await bad([{ day: '2026-01-01', kind: 'vacation', name: '元旦' }])).toBe('body.days.0.kind');
    expect((await t.app.inject({ url: '/api/v1/calendar/years/2026' })).json().days).toHaveLength(39);
  });
});
