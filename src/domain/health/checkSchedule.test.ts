import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../dates/shanghai.ts';
import { type CheckScheduleInput, checkSchedule } from './checkSchedule.ts';

const statusOf = (input: CheckScheduleInput) => Object.fromEntries(checkSchedule(input).visits.map((v) => [v.key, v.status]));

describe('the national 0–3 health-check schedule', () => {
  it('lists the ten visits in order with their windows (born on a month end)', () => {
    const { visits } = checkSchedule({ birthDate: '2026-01-31', today: '2026-01-31' });
    expect(visits.map((v) => [v.key, v.targetDate, v.windowStart, v.windowEnd])).toEqual([
      ['newborn_home_visit', '2026-01-31', '2026-01-31', '2026-02-07'],
      ['one_month', '2026-02-28', '2026-02-28', '2026-03-02'],
      ['month_3', '2026-04-30', '2026-03-31', '2026-05-30'],
      ['month_6', '2026-07-31', '2026-06-30', '2026-08-30'],
      ['month_8', '2026-09-30', '2026-08-31', '2026-10-30'],
      ['month_12', '2027-01-31', '2026-12-31', '2027-02-27'],
      ['month_18', '2027-07-31', '2027-06-30', '2027-08-30'],
      ['month_24', '2028-01-31', '2027-12-31', '2028-02-28'],
      ['month_30', '2028-07-31', '2028-06-30', '2028-08-30'],
      ['month_36', '2029-01-31', '2028-12-31', '2029-02-27'],
    ]);
    expect(visits[0]?.name).toEqual({ 'zh-CN': '新生儿家庭访视', en: 'Newborn home visit' });
    expect(visits[2]?.name).toEqual({ 'zh-CN': '3月龄健康检查', en: '3-month check' });
    expect(visits[2]?.place['zh-CN']).toBe('乡镇卫生院或社区卫生服务中心');
  });

  it('a leap-day baby turns 12 months on 28 February', () => {
    const { visits } = checkSchedule({ birthDate: '2024-02-29', today: '2024-03-01' });
    expect(visits.find((v) => v.key === 'month_12')?.targetDate).toBe('2025-02-28');
  });

  it('windows open in order and never overlap, for every birth date of a leap year', () => {
    for (let d = 0; d < 366; d++) {
      const { visits } = checkSchedule({ birthDate: addDaysIso('2024-01-01', d), today: '2030-01-01' });
      for (const [i, v] of visits.entries()) {
        expect(v.windowStart <= v.targetDate && v.targetDate <= v.windowEnd).toBe(true);
        const next = visits[i + 1];
        if (next) expect(v.windowEnd < next.windowStart).toBe(true);
      }
    }
  });

  it('moves through due, overdue and missed as the days pass', () => {
    const birthDate = '2026-03-01';
    const on = (days: number) => statusOf({ birthDate, today: addDaysIso(birthDate, days) });
    expect(on(0)).toMatchObject({ newborn_home_visit: 'due', one_month: 'upcoming', month_3: 'upcoming' });
    expect(on(7).newborn_home_visit).toBe('due');
    expect(on(8)).toMatchObject({ newborn_home_visit: 'overdue', one_month: 'upcoming' });
    expect(on(28)).toMatchObject({ newborn_home_visit: 'missed', one_month: 'due' });
    expect(on(31).one_month).toBe('overdue');
    // 2026-05-01 is two months old: the 3-month window opens and the one-month slot closes.
    expect(statusOf({ birthDate, today: '2026-04-30' })).toMatchObject({ one_month: 'overdue', month_3: 'upcoming' });
    expect(statusOf({ birthDate, today: '2026-05-01' })).toMatchObject({ one_month: 'missed', month_3: 'due' });
  });

  it('gives the next visit: the open one first, else the first upcoming, else none', () => {
    const birthDate = '2026-03-01';
    expect(checkSchedule({ birthDate, today: '2026-03-10' }).next?.key).toBe('newborn_home_visit');
    expect(checkSchedule({ birthDate, today: '2026-03-10', doneDates: ['2026-03-05'] }).next?.key).toBe('one_month');
    expect(checkSchedule({ birthDate, today: '2026-04-15', doneDates: ['2026-03-05', '2026-03-30'] }).next?.key).toBe('month_3');
    expect(checkSchedule({ birthDate, today: '2030-03-01' }).next).toBeNull();
  });

  it('counts a check for the visit whose window last opened, late ones until the next window opens', () => {
    const birthDate = '2026-03-01';
    const s = checkSchedule({
      birthDate,
      today: '2026-12-01',
      // home visit on day 4, one-month on day 29, the 3-month check late at 4½ months,
      // a second check in the same slot, and the 6-month check early at 5½ months
      doneDates: ['2026-07-15', '2026-03-05', '2026-03-30', '2026-07-20', '2026-08-15'],
    });
    expect(s.visits.map((v) => [v.key, v.status, v.doneOn])).toEqual([
      ['newborn_home_visit', 'done', '2026-03-05'],
      ['one_month', 'done', '2026-03-30'],
      ['month_3', 'done', '2026-07-15'],
      ['month_6', 'done', '2026-08-15'],
      // the 8-month window closed yesterday; a check still counts until the 12-month window opens
      ['month_8', 'overdue', undefined],
      ['month_12', 'upcoming', undefined],
      ['month_18', 'upcoming', undefined],
      ['month_24', 'upcoming', undefined],
      ['month_30', 'upcoming', undefined],
      ['month_36', 'upcoming', undefined],
    ]);
    expect(s.unmatchedDates).toEqual([]);
    expect(s.next?.key).toBe('month_8');
  });

  it('reports dates that match no visit', () => {
    const s = checkSchedule({ birthDate: '2020-01-10', today: '2026-01-01', doneDates: ['2020-01-09', '2024-01-10', '2026-01-02'] });
    expect(s.unmatchedDates).toEqual(['2020-01-09', '2024-01-10', '2026-01-02']);
    expect(s.visits.every((v) => v.status === 'missed')).toBe(true);
    // the 36-month check counts until the fourth birthday
    const late = checkSchedule({ birthDate: '2020-01-10', today: '2026-01-01', doneDates: ['2024-01-09'] });
    expect(late.visits.at(-1)).toMatchObject({ status: 'done', doneOn: '2024-01-09' });
  });

  it('starts the home-visit week at discharge when it is known', () => {
    const s = checkSchedule({ birthDate: '2026-03-01', dischargeDate: '2026-03-04', today: '2026-03-10' });
    expect(s.visits[0]).toMatchObject({ windowStart: '2026-03-04', windowEnd: '2026-03-11', status: 'due' });
  });

  it('refuses impossible input', () => {
    expect(() => checkSchedule({ birthDate: '2026-03-01', today: '2026-02-28' })).toThrow(RangeError);
    expect(() => checkSchedule({ birthDate: '2026-02-30', today: '2026-03-01' })).toThrow(RangeError);
    expect(() => checkSchedule({ birthDate: '2026-03-01', today: '2026-03-02', doneDates: ['yesterday'] })).toThrow(RangeError);
    expect(() => checkSchedule({ birthDate: '2026-03-01', today: '2026-04-01', dischargeDate: '2026-02-28' })).toThrow(RangeError);
    expect(() => checkSchedule({ birthDate: '2026-03-01', today: '2026-04-01', dischargeDate: '2026-03-22' })).toThrow(RangeError);
    expect(checkSchedule({ birthDate: '2026-03-01', today: '2026-04-01', dischargeDate: '2026-03-21' }).visits[0]?.windowEnd).toBe(
      '2026-03-28',
    );
  });
});
