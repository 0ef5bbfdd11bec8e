import { describe, expect, it } from 'vitest';
import {
  audienceIncludes,
  certificateNumber,
  completionAllowed,
  hoursAttended,
  maskName,
  qualificationState,
  type StaffHours,
  shortfall,
} from './trainings.ts';

describe('training rules', () => {
  it('counts the hours of attended sessions only, to one decimal', () => {
    expect(hoursAttended([])).toBe(0);
    expect(
      hoursAttended([
        { hours: 0.1, attended: true },
        { hours: 0.2, attended: true },
        { hours: 3, attended: false },
      ]),
    ).toBe(0.3);
  });

  it('allows completion once the required hours are attended, and only from enrolled', () => {
    expect(completionAllowed('enrolled', 6, 6)).toEqual({ allowed: true });
    expect(completionAllowed('enrolled', 7.5, 6)).toEqual({ allowed: true });
    expect(completionAllowed('enrolled', 5.9, 6)).toEqual({ allowed: false, reason: 'short', attended: 5.9, required: 6 });
    expect(completionAllowed('completed', 8, 6)).toMatchObject({ allowed: false, reason: 'not_enrolled' });
    expect(completionAllowed('withdrawn', 8, 6)).toMatchObject({ allowed: false, reason: 'not_enrolled' });
  });

  it('opens a director training to directors, a staff training to the others', () => {
    expect(audienceIncludes('director', 'director')).toBe(true);
    expect(audienceIncludes('director', 'caregiver')).toBe(false);
    expect(audienceIncludes('staff', 'caregiver')).toBe(true);
    expect(audienceIncludes('staff', 'director')).toBe(false);
    expect(audienceIncludes('all', 'cook')).toBe(true);
  });

  it('judges the childcare qualification on the day', () => {
    expect(qualificationState([], '2026-12-07')).toBe('missing');
    expect(qualificationState([{ expiresOn: '2026-12-06' }], '2026-12-07')).toBe('expired');
    expect(qualificationState([{ expiresOn: '2026-12-07' }], '2026-12-07')).toBe('valid');
    expect(qualificationState([{ expiresOn: '2025-01-01' }, { expiresOn: null }], '2026-12-07')).toBe('valid');
  });

  it('names institutions with staff short of hours or caregivers without a valid qualification', () => {
    const base = { institutionId: 'a', institutionName: '甲园', qualification: 'valid' as const };
    const staff: StaffHours[] = [
      { ...base, staffId: '1', name: '张三', role: 'director', hours: 20 },
      { ...base, staffId: '2', name: '李四', role: 'caregiver', hours: 12, qualification: 'expired' },
      { ...base, staffId: '3', name: '王五', role: 'cook', hours: 0 },
      { institutionId: 'b', institutionName: '乙园', staffId: '4', name: '赵六', role: 'caregiver', hours: 30, qualification: 'valid' },
      {
        institutionId: 'c',
        institutionName: '丙园',
        staffId: '5',
        name: '钱七',
        role: 'health_worker',
        hours: 19.9,
        qualification: 'missing',
      },
    ];
    expect(shortfall(staff, 20)).toEqual([
      // One person named in each: by name in pinyin order (丙 bing before 甲 jia).
      { institutionId: 'c', institutionName: '丙园', short: [{ staffId: '5', name: '钱七', hours: 19.9 }], unqualified: [] },
      {
        institutionId: 'a',
        institutionName: '甲园',
        short: [{ staffId: '2', name: '李四', hours: 12 }],
        unqualified: [{ staffId: '2', name: '李四', qualification: 'expired' }],
      },
    ]);
    expect(shortfall(staff, 10)).toEqual([
      { institutionId: 'a', institutionName: '甲园', short: [], unqualified: [{ staffId: '2', name: '李四', qualification: 'expired' }] },
    ]);
  });

  it('masks names for the public check', () => {
    expect(maskName('张建华')).toBe('张*华');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('王')).toBe('王');
    expect(maskName('Anna Lee')).toBe('A* L*');
  });

  it('numbers certificates by year and serial', () => {
    expect(certificateNumber(2026, 123)).toBe('PX2026-000123');
    expect(certificateNumber(2027, 1234567)).toBe('PX2027-1234567');
  });
});
