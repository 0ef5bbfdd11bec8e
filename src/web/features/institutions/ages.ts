import type { TFunction } from 'i18next';
import { ClassStandard, ClassType } from '../../../domain/classes/classTypes.ts';

/** 6 → "6 个月", 18 → "18 个月", 24 → "2 岁": whole years read as years, as parents say them. */
function monthsLabel(t: TFunction, months: number): string {
  return months >= 12 && months % 12 === 0 ? t('search.years', { count: months / 12 }) : t('search.months', { count: months });
}

/** The ages a class or an institution takes, [from, to). */
export function ageRange(t: TFunction, { from, to }: { from: number; to: number }): string {
  return t('search.ages', { from: monthsLabel(t, from), to: monthsLabel(t, to) });
}

/** The ages the class types offered take together, from the youngest class's first month to the oldest's last; null for none. */
export function agesOfTypes(types: readonly string[]): { from: number; to: number } | null {
  const offered = ClassType.filter((c) => types.includes(c));
  if (offered.length === 0) return null;
  return {
    from: Math.min(...offered.map((c) => ClassStandard[c].minAgeMonths)),
    to: Math.max(...offered.map((c) => ClassStandard[c].maxAgeMonths)),
  };
}
