import type { InspectionStatus, OverallResult } from '../../../../domain/supervision/checklist.ts';
import type { Db } from '../../../db/executor.ts';
import { findListedPublicly } from '../../institutions/index.ts';
import { findLatestRecorded, findWithOpenRectifications } from './queries.ts';

/**
 * The inspection status of each institution asked about (一公开), in two indexed reads whatever
 * the count. Only the day, the overall result and whether a rectification is open: never who
 * inspected, notes or requirements. An institution never inspected has no entry.
 */
export async function inspectionStatuses(db: Db, institutionIds: readonly string[]): Promise<Map<string, InspectionStatus>> {
  if (institutionIds.length === 0) return new Map();
  const [latest, open] = await Promise.all([findLatestRecorded(db, institutionIds), findWithOpenRectifications(db, institutionIds)]);
  return new Map(
    latest.map((i) => [
      i.institution_id,
      { date: i.inspected_on as string, result: i.overall as OverallResult, rectifying: open.has(i.institution_id) },
    ]),
  );
}

/** The statuses of the institutions the public sees (filed, in operation) among those asked about; others are left out as unknown. */
export async function publicInspectionStatuses(db: Db, institutionIds: readonly string[]) {
  const listed = await findListedPublicly(db, institutionIds);
  const statuses = await inspectionStatuses(db, [...listed]);
  return [...statuses].map(([institutionId, status]) => ({ institutionId, ...status }));
}
