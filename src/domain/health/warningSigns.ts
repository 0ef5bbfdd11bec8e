import type { Bilingual } from './bilingual.ts';

/**
 * 儿童心理行为发育问题预警征象筛查表 (National Health Commission, 0–6 years), the rows for
 * 0–3 years. Wording as published; columns in the official order, roughly hearing and
 * language, social, fine motor and self-care, gross motor. A sign's id is its row and column
 * (`8m-3`), so an id keeps its meaning as long as the official table does.
 */
export const WARNING_SIGN_AGES = [3, 6, 8, 12, 18, 24, 30, 36] as const;
export type WarningSignAge = (typeof WARNING_SIGN_AGES)[number];

export type WarningSign = { id: string; text: Bilingual };
export type WarningSignChecklist = { ageMonths: WarningSignAge; label: Bilingual; signs: WarningSign[] };

type Row = [age: WarningSignAge, label: Bilingual, signs: [zh: string, en: string][]];

const ROWS: Row[] = [
  [
    3,
    { 'zh-CN': '3月', en: '3 months' },
    [
      ['对很大声音没有反应', 'No reaction to loud sounds'],
      ['逗引时不发音或不会微笑', 'No sounds or smile when engaged'],
      ['不注视人脸，不追视移动人或物品', 'Does not look at faces or follow moving people or objects'],
      ['俯卧时不会抬头', 'Cannot lift head lying on the tummy'],
    ],
  ],
  [
    6,
    { 'zh-CN': '6月', en: '6 months' },
    [
      ['发音少，不会笑出声', 'Few sounds, does not laugh aloud'],
      ['不会伸手抓物', 'Does not reach for objects'],
      ['紧握拳松不开', 'Fists clenched and will not open'],
      ['不能扶坐', 'Cannot sit with support'],
    ],
  ],
  [
    8,
    { 'zh-CN': '8月', en: '8 months' },
    [
      ['听到声音无应答', 'No response to sounds'],
      ['不会区分生人和熟人', 'Does not tell strangers from familiar people'],
      ['双手间不会传递玩具', 'Does not pass toys between hands'],
      ['不会独坐', 'Cannot sit alone'],
    ],
  ],
  [
    12,
    { 'zh-CN': '12月', en: '12 months' },
    [
      ['呼唤名字无反应', 'No response to own name'],
      ['不会模仿"再见"或"欢迎"动作', 'Does not imitate "bye-bye" or "welcome" gestures'],
      ['不会用拇食指对捏小物品', 'Cannot pick up small things with thumb and forefinger'],
      ['不会扶物站立', 'Cannot stand holding on'],
    ],
  ],
  [
    18,
    { 'zh-CN': '18月', en: '18 months' },
    [
      ['不会有意识叫"爸爸"或"妈妈"', 'Does not say "baba" or "mama" meaningfully'],
      ['不会按要求指人或物', 'Cannot point to people or things when asked'],
      ['与人无目光交流', 'No eye contact'],
      ['不会独走', 'Cannot walk alone'],
    ],
  ],
  [
    24,
    { 'zh-CN': '2岁', en: '2 years' },
    [
      ['不会说3个物品的名称', 'Cannot name 3 objects'],
      ['不会按吩咐做简单事情', 'Cannot follow simple instructions'],
      ['不会用勺吃饭', 'Cannot eat with a spoon'],
      ['不会扶栏上楼梯/台阶', 'Cannot climb stairs holding a rail'],
    ],
  ],
  [
    30,
    { 'zh-CN': '2岁半', en: '2½ years' },
    [
      ['不会说2—3个字的短语', 'Does not say 2–3-word phrases'],
      ['兴趣单一、刻板', 'Narrow, repetitive interests'],
      ['不会示意大小便', 'Does not signal for the toilet'],
      ['不会跑', 'Cannot run'],
    ],
  ],
  [
    36,
    { 'zh-CN': '3岁', en: '3 years' },
    [
      ['不会说自己的名字', 'Cannot say own name'],
      ['不会玩"拿棍当马骑"等假想游戏', 'Does no pretend play (e.g. riding a stick as a horse)'],
      ['不会模仿画圆', 'Cannot copy a circle'],
      ['不会双脚跳', 'Cannot jump with both feet'],
    ],
  ],
];

export const WARNING_SIGN_CHECKLISTS: readonly WarningSignChecklist[] = ROWS.map(([ageMonths, label, signs]) => ({
  ageMonths,
  label,
  signs: signs.map(([zh, en], i) => ({ id: `${ageMonths}m-${i + 1}`, text: { 'zh-CN': zh, en } })),
}));

const SIGNS_BY_ID = new Map(WARNING_SIGN_CHECKLISTS.flatMap((c) => c.signs.map((s) => [s.id, { sign: s, age: c.ageMonths }] as const)));

/** The official table's next row after 3 years is 4 years, outside this platform's 0–3 scope. */
const NEXT_ROW_MONTHS = 48;

/**
 * The checklist for a child of `ageMonths` completed months: the latest check age reached,
 * since a sign that warns at 8 months still warns at 10. None before 3 months or from 4 years.
 */
export function checklistForAge(ageMonths: number): WarningSignChecklist | undefined {
  if (!Number.isInteger(ageMonths) || ageMonths < 0) throw new RangeError(`ageMonths must be a whole number ≥ 0, got ${ageMonths}`);
  if (ageMonths >= NEXT_ROW_MONTHS) return undefined;
  return WARNING_SIGN_CHECKLISTS.findLast((c) => c.ageMonths <= ageMonths);
}

export function findWarningSign(id: string): { sign: WarningSign; ageMonths: WarningSignAge } | undefined {
  const found = SIGNS_BY_ID.get(id);
  return found && { sign: found.sign, ageMonths: found.age };
}

export type WarningSignAdvice = { referral: boolean; text: Bilingual; signs: WarningSign[] };

// The screening table's rule: any one sign present → refer to the child-health clinic
// (儿童保健门诊). It screens, it does not diagnose, and the advice says so.
const REFER: Bilingual = {
  'zh-CN':
    '发现发育预警征象。这不是诊断，但请尽快带孩子到儿童保健门诊（妇幼保健院，或乡镇卫生院、社区卫生服务中心的儿童保健科）做进一步评估。',
  en: 'A developmental warning sign is present. This is not a diagnosis, but please take your child to a child-health clinic soon (the maternal and child health hospital, or the child-health department of a township health center or community health service center) for further assessment.',
};
const NONE: Bilingual = {
  'zh-CN': '未勾选该年龄段的发育预警征象。请继续按时参加儿童健康检查。',
  en: 'No warning sign for this age was ticked. Keep going to the regular child health checks.',
};

/** Referral advice for the ticked sign ids (duplicates count once). Throws RangeError for an unknown id. */
export function adviceFor(ticked: readonly string[]): WarningSignAdvice {
  const signs = [...new Set(ticked)].map((id) => {
    const found = SIGNS_BY_ID.get(id);
    if (found === undefined) throw new RangeError(`unknown warning sign: ${JSON.stringify(id)}`);
    return found.sign;
  });
  return signs.length > 0 ? { referral: true, text: REFER, signs } : { referral: false, text: NONE, signs };
}
