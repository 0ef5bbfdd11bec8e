import type { DocumentType } from './vocabulary.ts';

export type ChecklistItem = {
  item: string;
  /** The uploaded document that proves it, when one is needed to submit. */
  document?: DocumentType;
  /** Applies only to institutions that serve meals. */
  whenServesMeals?: boolean;
  'zh-CN': string;
  en: string;
};

/**
 * What the district health bureau checks before it files (托育机构登记和备案办法（试行）, NHC
 * 2019, art. 6): the registration certificate and credit code, premises proof, the health
 * evaluation of the premises rated qualified, fire-safety approval, the staff list with
 * qualifications and health certificates, the food business licence if it serves meals, the
 * class plan and capacity, and the fees. Staff, classes and fees are kept in tuoyu itself,
 * so only the first five need uploads.
 */
export const FilingChecklist = [
  {
    item: 'registration',
    document: 'registration_certificate',
    'zh-CN': '登记证书及统一社会信用代码',
    en: 'Registration certificate and unified social credit code',
  },
  { item: 'premises', document: 'premises_proof', 'zh-CN': '场所证明', en: 'Proof of the premises' },
  {
    item: 'health_evaluation',
    document: 'health_evaluation',
    'zh-CN': '托幼机构卫生评价报告（结论为合格）',
    en: 'Health evaluation of the premises, rated qualified',
  },
  { item: 'fire_safety', document: 'fire_safety', 'zh-CN': '消防安全验收或备案材料', en: 'Fire-safety approval' },
  {
    item: 'food_licence',
    document: 'food_licence',
    whenServesMeals: true,
    'zh-CN': '食品经营许可证（提供餐食的）',
    en: 'Food business licence (when meals are served)',
  },
  { item: 'staff', 'zh-CN': '工作人员名单、资格证书及健康证明', en: 'Staff list with qualifications and health certificates' },
  { item: 'class_plan', 'zh-CN': '班级设置及托位数', en: 'Class plan and number of places' },
  { item: 'fees', 'zh-CN': '收费项目和标准', en: 'Fees' },
] as const satisfies readonly ChecklistItem[];

export type ChecklistItemId = (typeof FilingChecklist)[number]['item'];

/** The items that apply to an institution. */
export function applicableChecklist(servesMeals: boolean): ChecklistItem[] {
  return FilingChecklist.filter((c: ChecklistItem) => !c.whenServesMeals || servesMeals);
}

/** Documents that must be uploaded before the filing can be submitted. */
export function requiredDocuments(servesMeals: boolean): DocumentType[] {
  return applicableChecklist(servesMeals).flatMap((c) => (c.document ? [c.document] : []));
}

/** Applicable items the reviewer has not confirmed. */
export function unconfirmedItems(servesMeals: boolean, confirmed: Partial<Record<string, boolean>>): string[] {
  return applicableChecklist(servesMeals)
    .filter((c) => confirmed[c.item] !== true)
    .map((c) => c.item);
}
