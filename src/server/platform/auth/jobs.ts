import type { Deps } from '../../deps.ts';
import type { Job } from '../jobs/scheduler.ts';
import { deleteExpiredSessions } from './queries.ts';
import { pruneVerificationCodes } from './verificationCodes.ts';

/** Sign-in's scheduled work. */
export function authJobs(deps: Deps): Job[] {
  return [
    { name: 'expired sessions', everyMs: 3_600_000, run: () => deleteExpiredSessions(deps.db, new Date()) },
    { name: 'old verification codes', everyMs: 3_600_000, run: () => pruneVerificationCodes(deps.db, new Date()) },
  ];
}
