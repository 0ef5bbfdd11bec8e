import { randomInt } from 'node:crypto';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { type DrawInput, drawRound } from '../../../../domain/supervision/draw.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { findInstitutionForComplaint, lockComplaint } from '../complaints/queries.ts';
import { tellComplainant } from '../complaints/service.ts';
import { assertDistrict, mayActForDistrict } from './access.ts';
import { findInspectionsOfComplaints, insertInspection, insertRound } from './queries.ts';
import { INSPECTORS_PER_INSPECTION, inspectorPool, tooFewInspectors } from './rounds.ts';

/**
 * A targeted inspection (专项检查) of the institution a complaint names. Its inspectors are drawn
 * like a round's, by a recorded seed from the district's active inspectors without a conflict,
 * so a complaint cannot be used to send chosen people; it is kept as a round of one
 * institution (kind `targeted`) and can be re-run like any other. The complainant is told an
 * inspection was ordered, never by whom.
 */
export async function orderTargetedInspection(deps: Deps, scope: Scope, context: AuditContext, complaintId: string) {
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  return deps.db.transaction().execute(async (trx) => {
    const complaint = await lockComplaint(trx, complaintId);
    if (!complaint) throw new AppError('NOT_FOUND');
    assertDistrict(scope, complaint.district_code);
    if (!mayActForDistrict(scope, complaint.district_code)) throw new AppError('FORBIDDEN');
    if (complaint.status !== 'accepted') throw new AppError('INSPECTION_COMPLAINT_NOT_IN_HANDLING');
    if ((await findInspectionsOfComplaints(trx, [complaintId])).length > 0) throw new AppError('INSPECTION_ALREADY_ORDERED');
    const input: DrawInput = {
      institutions: [{ id: complaint.institution_id, weight: 1 }],
      ...(await inspectorPool(trx, complaint.district_code)),
      sampleRate: 1,
      inspectorsPerInspection: INSPECTORS_PER_INSPECTION,
    };
    const seed = randomInt(0, 2 ** 31 - 1);
    const drawn = drawRound(input, seed);
    if (!drawn.ok) throw tooFewInspectors(drawn);
    const inspectorIds = (drawn.inspections[0] as { inspectorIds: string[] }).inspectorIds;
    const round = await insertRound(trx, {
      district_code: complaint.district_code,
      kind: 'targeted',
      period_start: today,
      period_end: today,
      sample_rate: 1,
      weight_risk: false,
      seed,
      inputs: JSON.stringify(input),
      drawn_by: scope.actor.userId,
      drawn_at: now,
    });
    const id = await insertInspection(
      trx,
      { round_id: round.id, institution_id: complaint.institution_id, position: 0, complaint_id: complaintId },
      inspectorIds,
    );
    await appendAudit(
      trx,
      context,
      {
        action: 'inspection.targeted.order',
        entityType: 'inspection',
        entityId: id,
        detail: { complaintId, reference: complaint.reference, roundId: round.id, seed, inspectorIds },
      },
      now,
    );
    const institution = await findInstitutionForComplaint(trx, complaint.institution_id);
    await tellComplainant(
      trx,
      complaint,
      'supervision.complaint_inspection_ordered',
      { institution: institution?.name ?? '', reference: complaint.reference },
      now,
    );
    return { id, institutionId: complaint.institution_id, inspectorIds, complaintId };
  });
}
