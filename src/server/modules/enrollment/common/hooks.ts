import type { Deps } from '../../../deps.ts';
import type { AuditContext } from '../../../platform/audit/auditLog.ts';

/** What other modules do when enrollment records something; wired in src/server/modules.ts. */
export type EnrollmentHooks = {
  /** After a morning check (晨检) has committed. */
  morningCheckRecorded(deps: Deps, event: { classId: string; day: string; context: AuditContext }): Promise<unknown>;
  /** The fever line in °C the health module's illness alerts use, so a morning check judges fever by the same setting. */
  feverFromC(deps: Deps): Promise<number>;
};
