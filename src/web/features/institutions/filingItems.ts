import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';

/**
 * One item a filing still lacks, in words: "facts.creditCode", "fees.toddler",
 * "documents.registration_certificate" as the server's FILING_INCOMPLETE details name them.
 */
export function missingItemText(t: TFunction, item: string): string {
  const [group, key] = item.split('.', 2);
  if (group === 'documents') return t('institutions.missing.document', { document: t(`institutions.doc.${key}`) });
  if (group === 'fees') return t('institutions.missing.fee', { type: t(`institutions.classType.${key}`) });
  return t(`institutions.missing.${item}`, { defaultValue: item });
}

/** The items a refused filing action names in its details (missing items, unconfirmed checklist items). */
export function refusedItems(error: Error): string[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as { item?: unknown }[]).flatMap((d) => (typeof d.item === 'string' ? [d.item] : []));
}

/**
 * What a refused submission lists, in words: each missing item, and each member of staff active
 * in another filed or reviewed institution ("staff.activeElsewhere" with the names in the detail).
 */
export function refusedItemTexts(t: TFunction, error: Error): string[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as { item?: unknown; staffName?: unknown; institution?: unknown }[]).flatMap((d) => {
    if (typeof d.item !== 'string') return [];
    if (d.item === 'staff.activeElsewhere') return [activeElsewhereText(t, String(d.staffName), String(d.institution))];
    return [missingItemText(t, d.item)];
  });
}

/** "张三：此人已在「某某托育园」在职，需先在该机构办理离职" — the words of the server's STAFF_ACTIVE_ELSEWHERE. */
export function activeElsewhereText(t: TFunction, staffName: string, institution: string): string {
  return t('institutions.staffActiveElsewhere', { name: staffName, institution });
}
