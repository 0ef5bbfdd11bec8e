import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { divisionCodeInScope, divisionInScope } from '../../../platform/access/visibility.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { tellDirectorsOfDecision, tellDistrictOfRequest } from './notifications.ts';
import { presentRequest } from './presenters.ts';
import * as q from './queries.ts';
import { issueFromFiledVersion, requireInstitution, requireOperating } from './service.ts';

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

/**
 * The director asks the district health bureau, the issuer printed on the certificate, for one.
 * One request waits at a time; the district's officials hear of it in the same transaction.
 */
export async function requestCertificate(deps: Deps, scope: Scope, institutionId: string, context: AuditContext) {
  if (!scope.institutionIds.includes(institutionId)) throw new AppError('NOT_FOUND');
  await requireInstitution(deps, scope, institutionId);
  const now = deps.clock.now();
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      const filed = await requireOperating(trx, institutionId);
      if ((await q.findRequests(trx, { institutionId, open: true })).length > 0) throw new AppError('CERTIFICATE_REQUEST_OPEN');
      const { id } = await q.insertRequest(trx, { institution_id: institutionId, requested_by: scope.actor.userId, requested_at: now });
      await appendAudit(
        trx,
        context,
        { action: 'utility_certificate.request', entityType: 'institution', entityId: institutionId, detail: { requestId: id } },
        now,
      );
      await tellDistrictOfRequest(trx, { name: filed.name, divisionCode: filed.division_code }, now);
      return id;
    });
    return await getRequest(deps, id);
  } catch (err) {
    // Two requests at once: the partial unique index lets one through.
    if (isUniqueViolation(err)) throw new AppError('CERTIFICATE_REQUEST_OPEN');
    throw err;
  }
}

/** An institution's requests, newest first, to its director and the officials who see it. */
export async function listInstitutionRequests(deps: Deps, scope: Scope, institutionId: string) {
  await requireInstitution(deps, scope, institutionId);
  return (await q.findRequests(deps.db, { institutionId })).map(presentRequest);
}

/** The officials' queue: requests of institutions in their division, waiting ones by default. */
export async function listRequests(deps: Deps, scope: Scope, state: 'open' | 'decided' | 'all') {
  const open = state === 'all' ? undefined : state === 'open';
  const rows = await q.findRequests(deps.db, { open, inScope: divisionCodeInScope(scope, 'i.division_code') });
  return rows.map(presentRequest);
}

/** A request just written, read back for the answer (the caller's scope was checked by the write). */
async function getRequest(deps: Deps, id: string) {
  const [row] = await q.findRequests(deps.db, { id });
  if (!row) throw new AppError('NOT_FOUND');
  return presentRequest(row);
}

/**
 * The district official approves (the certificate is issued, numbered, in this transaction) or
 * returns the request with a reason. Another district's request does not exist for them.
 */
export async function decideRequest(
  deps: Deps,
  scope: Scope,
  id: string,
  decision: { approve: true } | { approve: false; reason: string },
  context: AuditContext,
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const [row] = await q.findRequests(trx, { id }, true);
    if (!row || !divisionInScope(scope, row.division_code)) throw new AppError('NOT_FOUND');
    if (row.decided_at) throw new AppError('CERTIFICATE_REQUEST_DECIDED');
    const institution = { id: row.institution_id, name: row.institution_name };
    if (decision.approve) {
      const certificate = await issueFromFiledVersion(trx, row.institution_id, scope.actor.userId, context, now);
      await q.decideRequest(trx, id, { decided_by: scope.actor.userId, decided_at: now, certificate_id: certificate.id });
      await tellDirectorsOfDecision(trx, institution, row.requested_by, { validUntil: certificate.valid_until }, now);
    } else {
      await q.decideRequest(trx, id, { decided_by: scope.actor.userId, decided_at: now, return_reason: decision.reason });
      await appendAudit(
        trx,
        context,
        {
          action: 'utility_certificate.return',
          entityType: 'institution',
          entityId: row.institution_id,
          detail: { requestId: id, reason: decision.reason },
        },
        now,
      );
      await tellDirectorsOfDecision(trx, institution, row.requested_by, { reason: decision.reason }, now);
    }
  });
  return getRequest(deps, id);
}
