import { describe, expect, it } from 'vitest';
import { adviceFor, checklistForAge, findWarningSign, WARNING_SIGN_CHECKLISTS } from './warningSigns.ts';

// 儿童心理行为发育问题预警征象筛查表, rows 3 months – 3 years, columns in the official order.
const OFFICIAL = [
  ['3月', '对很大声音没有反应', '逗引时不发音或不会微笑', '不注视人脸，不追视移动人或物品', '俯卧时不会抬头'],
  ['6月', '发音少，不会笑出声', '不会伸手抓物', '紧握拳松不开', '不能扶坐'],
  ['8月', '听到声音无应答', '不会区分生人和熟人', '双手间不会传递玩具', '不会独坐'],
  ['12月', '呼唤名字无反应', '不会模仿"再见"或"欢迎"动作', '不会用拇食指对捏小物品', '不会扶物站立'],
  ['18月', '不会有意识叫"爸爸"或"妈妈"', '不会按要求指人或物', '与人无目光交流', '不会独走'],
  ['2岁', '不会说3个物品的名称', '不会按吩咐做简单事情', '不会用勺吃饭', '不会扶栏上楼梯/台阶'],
  ['2岁半', '不会说2—3个字的短语', '兴趣单一、刻板', '不会示意大小便', '不会跑'],
  ['3岁', '不会说自己的名字', '不会玩"拿棍当马骑"等假想游戏', '不会模仿画圆', '不会双脚跳'],
];

describe('developmental warning signs', () => {
  it('carries the official Chinese wording in the official column order', () => {
    expect(WARNING_SIGN_CHECKLISTS.map((c) => [c.label['zh-CN'], ...c.signs.map((s) => s.text['zh-CN'])])).toEqual(OFFICIAL);
  });

  it('has English for every sign and stable row-column ids', () => {
    expect(WARNING_SIGN_CHECKLISTS.map((c) => c.ageMonths)).toEqual([3, 6, 8, 12, 18, 24, 30, 36]);
    for (const c of WARNING_SIGN_CHECKLISTS) {
      expect(c.signs.map((s) => s.id)).toEqual([1, 2, 3, 4].map((col) => `${c.ageMonths}m-${col}`));
      for (const s of c.signs) expect(s.text.en).toMatch(/^[A-Z][\x20-\x7e–½]+$/);
    }
    expect(findWarningSign('18m-4')).toMatchObject({ ageMonths: 18, sign: { text: { en: 'Cannot walk alone' } } });
    expect(findWarningSign('19m-1')).toBeUndefined();
  });

  it.each([
    [0, undefined],
    [2, undefined],
    [3, 3],
    [5, 3],
    [6, 6],
    [7, 6],
    [8, 8],
    [11, 8],
    [12, 12],
    [23, 18],
    [24, 24],
    [35, 30],
    [36, 36],
    [47, 36],
    [48, undefined],
  ])('at %i completed months the %s-month checklist applies', (age, expected) => {
    expect(checklistForAge(age)?.ageMonths).toBe(expected);
  });

  it('refuses a fractional or negative age', () => {
    expect(() => checklistForAge(-1)).toThrow(RangeError);
    expect(() => checklistForAge(3.5)).toThrow(RangeError);
  });

  it('advises the child-health clinic when any sign is ticked', () => {
    const advice = adviceFor(['12m-4', '12m-1', '12m-4']);
    expect(advice.referral).toBe(true);
    expect(advice.signs.map((s) => s.id)).toEqual(['12m-4', '12m-1']);
    expect(advice.text['zh-CN']).toContain('儿童保健门诊');
    expect(advice.text.en).toContain('child-health clinic');
  });

  it('gives no referral when nothing is ticked, and refuses unknown ids', () => {
    expect(adviceFor([])).toMatchObject({ referral: false, signs: [] });
    expect(adviceFor([]).text['zh-CN']).toContain('按时');
    expect(() => adviceFor(['3m-5'])).toThrow(RangeError);
  });
});
