import type { InspectionStatus } from '../../../../domain/supervision/checklist.ts';
import type { Db } from '../../../db/executor.ts';

export type SupervisionRecord = {
  lastInspection: InspectionStatus | null;
  upheldComplaints: number;
};

/** What institutions asks of modules above it, wired in src/server/modules.ts so it imports none of them. */
export type InstitutionHooks = {
  /** Institutions with an inspection rectification not yet accepted (supervision), for the search's "no open rectification". */
  withOpenRectifications: (db: Db) => Promise<ReadonlySet<string>>;
  /**
   * An institution's supervision record for its public profile: the inspection status (latest
   * result, rectification open) and the complaints upheld since `since` (supervision).
   */
  supervisionRecord: (db: Db, institutionId: string, since: Date) => Promise<SupervisionRecord>;
};
