import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { ineligibility } from '../../../../domain/subsidies/eligibility.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { issueVouchers } from '../vouchers/issue.ts';
import { acceptingInstitutions, rulesOf } from './acceptance.ts';
import { countVouchersPerChild, findEnrolledChildren, findProgramInstitutions, lockProgram } from './queries.ts';
import { requireProgram } from './service.ts';

/**
 * Automatic grant (自动发放): one voucher to every eligible child holding a place at an
 * institution that may redeem the program's vouchers, longest-enrolled first, while the budget
 * lasts. Safe to run again: children who reached the per-child limit are skipped.
 */
export async function grantAutomatically(deps: Deps, scope: Scope, programId: string, context: AuditContext) {
  await requireProgram(deps, scope, programId);
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  return deps.db.transaction().execute(async (trx) => {
    const program = await lockProgram(trx, programId);
    if (!program) throw new AppError('NOT_FOUND');
    if (program.issuance !== 'automatic' || program.status !== 'open' || today < program.valid_from || today > program.valid_to) {
      throw new AppError('PROGRAM_NOT_ACCEPTING', {}, { reason: 'not_automatic_or_not_open' });
    }
    const listed = (await findProgramInstitutions(trx, [programId])).map((l) => l.institution_id);
    const enrolled = await findEnrolledChildren(trx, listed.length > 0 ? listed : null);
    const accepting = await acceptingInstitutions(trx, program, [...new Set(enrolled.map((e) => e.institution_id))], today);
    const held = new Map((await countVouchersPerChild(trx, programId)).map((c) => [c.child_id, Number(c.n)]));
    const rules = rulesOf(program);
    const seen = new Set<string>();
    const recipients = enrolled
      .filter((e) => accepting.has(e.institution_id))
      .filter((e) => {
        if (seen.has(e.id)) return false;
        seen.add(e.id);
        const facts = { birthDate: e.birth_date, residenceDivisionCode: e.residence_division_code, vouchersHeld: held.get(e.id) ?? 0 };
        return ineligibility(rules, facts, today).length === 0;
      })
      .map((e) => ({ childId: e.id, claimedBy: null }));
    const { issued, audit } = await issueVouchers(trx, program, recipients, 'automatic', now);
    await appendAudit(
      trx,
      context,
      [
        {
          action: 'voucher_program.grant',
          entityType: 'voucher_program',
          entityId: programId,
          detail: { eligible: recipients.length, issued: issued.length },
        },
        ...audit,
      ],
      now,
    );
    return { issued: issued.length, notIssued: recipients.length - issued.length };
  });
}
