import type { Deps } from '../../deps.ts';
import type { Job } from '../jobs/scheduler.ts';
import { loadCheckpointKey } from './checkpointKey.ts';
import { sealAuditLog } from './sealer.ts';

/** Chains committed audit rows every AUDIT_SEAL_EVERY_MS; in several processes one seals, the others skip. */
export function auditJobs(deps: Deps): Job[] {
  const key = loadCheckpointKey(deps.config);
  return [
    {
      name: 'seal audit log',
      everyMs: deps.config.auditSealEveryMs,
      run: () => sealAuditLog(deps.db, key, { now: deps.clock.now(), checkpointEveryMs: deps.config.auditCheckpointEveryMs }),
    },
  ];
}
