import type { Db } from '../../db/executor.ts';
import { upheldComplaintCounts } from './complaints/service.ts';
import { inspectionStatuses } from './inspections/publicStatus.ts';

/** What an institution's public profile shows of supervision: its inspection status and the complaints upheld since a date. */
export async function publicSupervisionRecord(db: Db, institutionId: string, since: Date) {
  const [statuses, upheld] = await Promise.all([
    inspectionStatuses(db, [institutionId]),
    upheldComplaintCounts(db, [institutionId], since),
  ]);
  return { lastInspection: statuses.get(institutionId) ?? null, upheldComplaints: upheld.get(institutionId) ?? 0 };
}
