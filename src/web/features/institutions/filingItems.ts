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
