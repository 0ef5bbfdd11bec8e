import { ageInMonths } from '../dates/childAge.ts';
import type { IsoDate } from '../dates/shanghai.ts';

export { ageInMonths, ageUpDate, turnsThreeOn } from '../dates/childAge.ts';

/** 乳儿班, 托小班, 托大班, 混龄班. */
export const ClassType = ['infant', 'toddler', 'older_toddler', 'mixed'] as const;
export type ClassType = (typeof ClassType)[number];

export interface ClassRule {
  /** Youngest age that may join, in completed months (inclusive). */
  minAgeMonths: number;
  /** Age from which a child may no longer join, in completed months (exclusive). */
  maxAgeMonths: number;
  /** Most children in one class. */
  maxChildren: number;
  /** Children per caregiver (保育人员): the n of a 1 : n minimum ratio. */
  childrenPerCaregiver: number;
}

/**
 * National standard per class type: 托育机构设置标准（试行）and 托育机构管理规范（试行）
 * (National Health Commission, 2019). There is no national ratio for mixed-age classes, so 1 : 5
 * there is this platform's default. Institutions care for children under 3, hence 36 months as
 * the upper bound of mixed-age classes too.
 */
export const ClassStandard = {
  infant: { minAgeMonths: 6, maxAgeMonths: 12, maxChildren: 10, childrenPerCaregiver: 3 },
  toddler: { minAgeMonths: 12, maxAgeMonths: 24, maxChildren: 15, childrenPerCaregiver: 5 },
  older_toddler: { minAgeMonths: 24, maxAgeMonths: 36, maxChildren: 20, childrenPerCaregiver: 7 },
  mixed: { minAgeMonths: 18, maxAgeMonths: 36, maxChildren: 18, childrenPerCaregiver: 5 },
} as const satisfies Record<ClassType, ClassRule>;

/** 家庭托育点管理办法（试行）(NHC, 2023): at most 5 children in all, 1 caregiver per 3. */
export const FamilyChildcarePointStandard = {
  minAgeMonths: 6,
  maxAgeMonths: 36,
  maxChildren: 5,
  childrenPerCaregiver: 3,
} as const satisfies ClassRule;

/** Provincial overrides of class size and ratio; anything left out keeps the national value. */
export type ClassSettings = Partial<Record<ClassType, Partial<Pick<ClassRule, 'maxChildren' | 'childrenPerCaregiver'>>>>;

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer: ${value}`);
}

/** The rule in force for a class type: the national standard with any settings applied. */
export function classRule(classType: ClassType, settings?: ClassSettings): ClassRule {
  const override = settings?.[classType];
  const rule: ClassRule = {
    ...ClassStandard[classType],
    maxChildren: override?.maxChildren ?? ClassStandard[classType].maxChildren,
    childrenPerCaregiver: override?.childrenPerCaregiver ?? ClassStandard[classType].childrenPerCaregiver,
  };
  assertPositiveInteger('maxChildren', rule.maxChildren);
  assertPositiveInteger('childrenPerCaregiver', rule.childrenPerCaregiver);
  return rule;
}

/**
 * Whether a class plan promises more places than its type's national class size. The sizes are
 * fixed by the national standard (托育机构设置标准（试行）, NHC 2019), so a class over it is
 * refused when saved rather than filed and flagged later; only the mixed-class ratio, which no
 * national figure fixes, is a setting.
 */
export function exceedsClassSize(classType: ClassType, places: number): boolean {
  return places > ClassStandard[classType].maxChildren;
}

/** Fewest caregivers for `children` children in a class of this type. */
export function requiredCaregivers(classType: ClassType, children: number, settings?: ClassSettings): number {
  if (!Number.isSafeInteger(children) || children < 0) {
    throw new RangeError(`children must be a non-negative integer: ${children}`);
  }
  return Math.ceil(children / classRule(classType, settings).childrenPerCaregiver);
}

/** Class types a child of this age on `onDate` may join (none under 6 months or from 36 months). */
export function classTypesForAge(birthDate: IsoDate, onDate: IsoDate): ClassType[] {
  const months = ageInMonths(birthDate, onDate);
  return ClassType.filter((classType) => {
    const { minAgeMonths, maxAgeMonths } = ClassStandard[classType];
    return months >= minAgeMonths && months < maxAgeMonths;
  });
}
