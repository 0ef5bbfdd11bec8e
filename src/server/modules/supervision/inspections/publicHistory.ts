import type { OverallResult } from '../../../../domain/supervision/checklist.ts';
import type { Db } from '../../../db/executor.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { findListedPublicly } from '../../institutions/index.ts';
import { findPublicHistory, selectRectifications } from './queries.ts';

/**
 * An institution's inspection history as the public sees it (一公开): the day, the overall
 * result, each failed item in plain words and whether it was put right. Never the inspectors,
 * their notes or the requirement's text: notes may speak of people. Like its public profile,
 * a suspended institution's is 404.
 */
export async function publicInspectionHistory(db: Db, institutionId: string) {
  if (!(await findListedPublicly(db, [institutionId])).has(institutionId)) throw new AppError('NOT_FOUND');
  const inspections = await findPublicHistory(db, institutionId);
  const failures = await selectRectifications(db).where('x.institution_id', '=', institutionId).execute();
  return inspections.map((i) => {
    const failed = failures
      .filter((f) => f.inspection_id === i.id)
      .map((f) => ({ label: f.item_label, rectified: f.status === 'accepted' }));
    return {
      inspectedOn: i.inspected_on as string,
      overall: i.overall as OverallResult,
      failedItems: failed,
      rectified: failed.every((f) => f.rectified),
    };
  });
}
