import { z } from 'zod';
import { DEFAULT_YEARLY_TRAINING_HOURS } from '../../../../domain/guidance/index.ts';
import type { Db } from '../../../db/executor.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { readSetting, writeSetting } from '../../../platform/settings/settings.ts';
import { findCenterInstitutionId } from '../courses/settings.ts';

/** The city's yearly training hours per member of staff (a number of hours). */
export const YEARLY_HOURS_KEY = 'guidance.yearlyTrainingHours';

export async function findYearlyHours(db: Db): Promise<number> {
  return (await readSetting(db, YEARLY_HOURS_KEY, z.number().int().min(1).max(200))) ?? DEFAULT_YEARLY_TRAINING_HOURS;
}

export async function getTrainingSettings(deps: Deps) {
  return { yearlyTrainingHours: await findYearlyHours(deps.db) };
}

export async function updateTrainingSettings(deps: Deps, context: AuditContext, body: { yearlyTrainingHours: number }) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await writeSetting(trx, YEARLY_HOURS_KEY, body.yearlyTrainingHours, now);
    await appendAudit(
      trx,
      context,
      { action: 'training.settings.update', entityType: 'settings', entityId: YEARLY_HOURS_KEY, detail: body },
      now,
    );
  });
  return body;
}

/** The institutions the caller is a director of. */
export const institutionsDirectedBy = (scope: Scope) =>
  scope.grants.filter((g) => g.role === 'institution_admin').map((g) => g.institutionId as string);

/** Whether the caller runs trainings: a city official or admin, or a director of the guidance center. */
export async function isTrainingStaff(db: Db, scope: Scope): Promise<boolean> {
  if (scope.cityWide) return true;
  const center = await findCenterInstitutionId(db);
  return center !== null && institutionsDirectedBy(scope).includes(center);
}

export async function requireTrainingStaff(db: Db, scope: Scope): Promise<void> {
  if (!(await isTrainingStaff(db, scope))) throw new AppError('FORBIDDEN');
}
