import type { z } from 'zod';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { capsToColumns, toFen } from '../common/fees.ts';
import { designationView } from '../common/presenters.ts';
import { getInstitutionInScope, isPubliclyListed } from '../common/queries.ts';
import { findDesignation, insertDesignation, updateDesignation } from './queries.ts';
import type { GrantDesignationBody, RevokeDesignationBody } from './schemas.ts';

/**
 * The city health commission designates filed institutions in operation: inclusive (普惠, with
 * its price caps and agreement period), pilot or demonstration. A suspended or closed
 * institution, or one never filed, cannot be designated.
 */
export async function grantDesignation(
  deps: Deps,
  scope: Scope,
  context: AuditContext,
  institutionId: string,
  body: z.infer<typeof GrantDesignationBody>,
) {
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  const row = await deps.db.transaction().execute(async (trx) => {
    await getInstitutionInScope(trx, scope, institutionId, true);
    if (!(await isPubliclyListed(trx, institutionId))) throw new AppError('DESIGNATION_REQUIRES_FILING');
    const inserted = await insertDesignation(trx, {
      institution_id: institutionId,
      kind: body.kind,
      level: body.level ?? null,
      granted_on: body.grantedOn,
      document: body.document,
      valid_from: body.validFrom,
      valid_to: body.validTo ?? null,
      ...capsToColumns(toFen(body.priceCapsYuan ?? {})),
      granted_by: scope.actor.userId,
      created_at: now,
    });
    await appendAudit(
      trx,
      context,
      {
        action: 'institution.designation.grant',
        entityType: 'institution',
        entityId: institutionId,
        detail: { designationId: inserted.id, ...body },
      },
      now,
    );
    return inserted;
  });
  return designationView(row, today);
}

export async function revokeDesignation(
  deps: Deps,
  scope: Scope,
  context: AuditContext,
  institutionId: string,
  designationId: string,
  body: z.infer<typeof RevokeDesignationBody>,
) {
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  const row = await deps.db.transaction().execute(async (trx) => {
    await getInstitutionInScope(trx, scope, institutionId, true);
    const found = await findDesignation(trx, institutionId, designationId);
    if (!found) throw new AppError('NOT_FOUND');
    if (found.revoked_on !== null) throw new AppError('DESIGNATION_ALREADY_REVOKED');
    const updated = await updateDesignation(trx, designationId, {
      revoked_on: body.revokedOn ?? today,
      revoked_reason: body.reason,
      revoked_by: scope.actor.userId,
    });
    await appendAudit(
      trx,
      context,
      { action: 'institution.designation.revoke', entityType: 'institution', entityId: institutionId, detail: { designationId, ...body } },
      now,
    );
    return updated;
  });
  return designationView(row, today);
}
