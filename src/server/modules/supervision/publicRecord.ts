import type { Db } from '../../db/executor.ts';
import { upheldComplaintCounts } from './complaints/service.ts';
import { findLastInspection } from './inspections/queries.ts';

/** What an institution's public profile shows of supervision: its latest inspection and the complaints upheld since a date. */
export async function publicSupervisionRecord(db: Db, institutionId: string, since: Date) {
  const [lastInspection, upheld] = await Promise.all([
    findLastInspection(db, institutionId),
    upheldComplaintCounts(db, [institutionId], since),
  ]);
  return { lastInspection, upheldComplaints: upheld.get(institutionId) ?? 0 };
}
