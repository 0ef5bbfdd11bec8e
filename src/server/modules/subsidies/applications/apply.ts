import { randomUUID } from 'node:crypto';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { currentInclusive } from '../../../../domain/institutions/designations.ts';
import { suggestedAmount } from '../../../../domain/subsidies/institutionSubsidies.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { findSubsidyPolicy } from '../common/policy.ts';
import * as q from './queries.ts';
import type { ApplyBody } from './schemas.ts';
import { getApplication } from './service.ts';

// Only an institution in operation with a filed version applies (托育机构登记和备案办法（试行）).
const FILED = new Set(['filed', 'submitted', 'under_review', 'returned']);

/** A director applies for their filed institution; the district bureau of its district reviews first. */
export async function applyForSubsidy(deps: Deps, scope: Scope, institutionId: string, input: ApplyBody, context: AuditContext) {
  if (!scope.institutionIds.includes(institutionId)) throw new AppError('NOT_FOUND');
  const institution = await q.findInstitution(deps.db, institutionId);
  if (!institution) throw new AppError('NOT_FOUND');
  if (!FILED.has(institution.status)) throw new AppError('REQUIRES_FILED_INSTITUTION');
  const now = deps.clock.now();
  if (input.kind === 'new_place') {
    const designations = await q.findDesignations(deps.db, institutionId);
    const terms = designations.map((d) => ({
      kind: d.kind as 'inclusive',
      level: null,
      validFrom: d.valid_from,
      validTo: d.valid_to,
      revokedOn: d.revoked_on,
    }));
    // The per-place subsidy is for new inclusive (普惠) places.
    if (!currentInclusive(terms, todayInShanghai(now))) throw fieldError('body.kind', 'subsidy.inclusiveOnly');
  }
  const rates = (await findSubsidyPolicy(deps.db)).institutionSubsidyRates;
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertApplication(trx, {
      id,
      institution_id: institutionId,
      district_code: institution.division_code.slice(0, 6),
      kind: input.kind,
      period_from: input.periodFrom,
      period_to: input.periodTo,
      details: JSON.stringify(input.details),
      description: input.description,
      requested_fen: input.requestedFen,
      suggested_fen: suggestedAmount(input.kind, input.details, rates),
      submitted_at: now,
      submitted_by: scope.actor.userId,
      updated_at: now,
    });
    await q.insertEvent(trx, {
      application_id: id,
      action: 'submit',
      from_status: null,
      to_status: 'submitted',
      actor_id: scope.actor.userId,
      at: now,
    });
    await appendAudit(
      trx,
      context,
      {
        action: 'subsidy_application.submit',
        entityType: 'institution',
        entityId: institutionId,
        detail: { applicationId: id, kind: input.kind, requestedFen: input.requestedFen },
      },
      now,
    );
  });
  return getApplication(deps, scope, id);
}
