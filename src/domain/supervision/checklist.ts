import { defineWorkflow } from '../workflow/defineWorkflow.ts';

/** One item of the inspection checklist; the city may change items and weights (a setting). */
export type ChecklistItem = { key: string; zh: string; en: string; weight: number };

/** The daily and filing duties of childcare-rules.md, equally weighted until the city says otherwise. */
export const DEFAULT_CHECKLIST: ChecklistItem[] = [
  { key: 'filing', zh: '备案与证照', en: 'Filing and certificates', weight: 1 },
  { key: 'class_sizes', zh: '班级规模与师幼比', en: 'Class sizes and ratios', weight: 1 },
  { key: 'health_certificates', zh: '工作人员健康证', en: 'Staff health certificates', weight: 1 },
  { key: 'cctv', zh: '视频监控保存90天', en: 'CCTV kept 90 days', weight: 1 },
  { key: 'food_safety', zh: '食品安全', en: 'Food safety', weight: 1 },
  { key: 'fire_safety', zh: '消防安全', en: 'Fire safety', weight: 1 },
  { key: 'morning_checks', zh: '晨午检', en: 'Morning checks', weight: 1 },
  { key: 'pickup_records', zh: '接送记录', en: 'Pick-up records', weight: 1 },
];

export const DEFAULT_RISK_WEIGHT = { perEvent: 1, max: 4 };

export const ITEM_RESULTS = ['pass', 'fail', 'not_applicable'] as const;
export type ItemResult = (typeof ITEM_RESULTS)[number];

/** 合格 / 限期整改 / 不合格 */
export const OVERALL_RESULTS = ['pass', 'rectify', 'fail'] as const;
export type OverallResult = (typeof OVERALL_RESULTS)[number];

/**
 * What the public sees of an institution's inspections at a glance (search results, profile): the
 * latest recorded inspection's day and result, and whether a rectification is still open (整改中),
 * ordered by that inspection or an earlier one. Institutions never inspected have none.
 */
export type InspectionStatus = { date: string; result: OverallResult; rectifying: boolean };

/** Share of the applicable weight that passed, 0–100, shown beside the inspectors' overall result. */
export function checklistScore(items: readonly { key: string; result: ItemResult }[], checklist: readonly ChecklistItem[]): number | null {
  const weights = new Map(checklist.map((i) => [i.key, i.weight]));
  let applicable = 0;
  let passed = 0;
  for (const item of items) {
    if (item.result === 'not_applicable') continue;
    const w = weights.get(item.key) ?? 0;
    applicable += w;
    if (item.result === 'pass') passed += w;
  }
  return applicable === 0 ? null : Math.round((passed / applicable) * 100);
}

export type RectificationStatus = 'open' | 'submitted' | 'accepted';
export type RectificationAction = 'submit' | 'accept' | 'reject';
export type RectificationParty = 'director' | 'inspector';

/** A failed item's rectification (整改): the director submits evidence, the district accepts it or sends it back. */
export const RectificationWorkflow = defineWorkflow<RectificationStatus, RectificationAction, RectificationParty>(
  ['open', 'submitted', 'accepted'],
  {
    open: { submit: { to: 'submitted', by: ['director'] } },
    submitted: {
      accept: { to: 'accepted', by: ['inspector'] },
      reject: { to: 'open', by: ['inspector'] },
      submit: { to: 'submitted', by: ['director'] },
    },
    accepted: {},
  },
);

/** Not accepted by the day after its deadline. */
export function isOverdue(r: { status: RectificationStatus; deadline: string }, today: string): boolean {
  return r.status !== 'accepted' && r.deadline < today;
}
