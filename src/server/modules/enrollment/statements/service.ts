import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { auditChildReads, childReach, isOwnChild } from '../../children/index.ts';
import { requireOwnInstitution } from '../common/access.ts';
import { statementsWorkbook } from './excel.ts';
import { presentStatements } from './presenters.ts';
import * as q from './queries.ts';
import type { AbsenceRule, GenerateResult, StatementSummary, StatementView } from './schemas.ts';
import { writeStatements } from './writer.ts';

async function requireFeeRule(deps: Deps, scope: Scope, institutionId: string) {
  requireOwnInstitution(scope, institutionId);
  const rule = await q.findFeeRule(deps.db, institutionId);
  if (!rule) throw new AppError('NOT_FOUND');
  return rule;
}

export async function getFeeRule(deps: Deps, scope: Scope, institutionId: string) {
  const r = await requireFeeRule(deps, scope, institutionId);
  return {
    refundAfterDays: r.refund_after_days,
    refundPercent: r.refund_percent,
    fees: { infant: r.fee_infant_fen, toddler: r.fee_toddler_fen, older_toddler: r.fee_older_toddler_fen, mixed: r.fee_mixed_fen },
  };
}

/** The director states the absence rule; statements generated afterwards use it, earlier ones keep theirs. */
export async function setAbsenceRule(deps: Deps, scope: Scope, institutionId: string, rule: AbsenceRule, context: AuditContext) {
  await requireFeeRule(deps, scope, institutionId);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.saveAbsenceRule(trx, institutionId, rule, now);
    await appendAudit(
      trx,
      context,
      { action: 'institution.absence_rule', entityType: 'institution', entityId: institutionId, detail: rule },
      now,
    );
  });
  return getFeeRule(deps, scope, institutionId);
}

/**
 * Generates the month's statement of every child enrolled at the institution during the month
 * (see `writeStatements`), audited as a write to each child's record.
 */
export async function generateStatements(
  deps: Deps,
  scope: Scope,
  institutionId: string,
  month: string,
  context: AuditContext,
): Promise<GenerateResult> {
  const rule = await requireFeeRule(deps, scope, institutionId);
  const now = deps.clock.now();
  if (month > todayInShanghai(now).slice(0, 7)) throw fieldError('body.month', 'month.future');
  const result = await deps.db.transaction().execute(async (trx) => {
    const written = await writeStatements(trx, rule, month, { at: now, userId: scope.actor.userId });
    await appendAudit(
      trx,
      context,
      written.written.map((w) => ({
        action: 'statement.generate',
        entityType: 'child',
        entityId: w.child_id,
        detail: { statementId: w.id, month },
      })),
      now,
    );
    return written;
  });
  const statements = await statementViews(deps, await q.findStatements(deps.db, { ids: result.ids }));
  const { created, replaced, locked, skipped } = result;
  return { month, created, replaced, locked, skipped, statements: statements.map(toSummary) };
}

/** Statements with their lines and live deductions, loaded in two queries. */
async function statementViews(deps: Deps, rows: q.StatementRow[]): Promise<StatementView[]> {
  const ids = rows.map((r) => r.id);
  const [lines, deductions] = await Promise.all([q.findLines(deps.db, ids), q.findLiveDeductions(deps.db, ids)]);
  return presentStatements(rows, lines, deductions);
}

function toSummary(s: StatementView): StatementSummary {
  const { institutionId: _i, institutionName: _n, absenceRule: _r, lines: _l, deductions: _d, ...summary } = s;
  return summary;
}

/** The month's statements of the institution, for the director. Audited as reads of each child. */
export async function listStatements(deps: Deps, scope: Scope, institutionId: string, month: string, context: AuditContext) {
  requireOwnInstitution(scope, institutionId);
  const views = await statementViews(deps, await q.findStatements(deps.db, { institutionId, month }));
  await auditChildReads(
    deps,
    context,
    views.map((v) => v.childId),
    'statements',
  );
  return views;
}

export async function listStatementSummaries(deps: Deps, scope: Scope, institutionId: string, month: string, context: AuditContext) {
  return (await listStatements(deps, scope, institutionId, month, context)).map(toSummary);
}

/** One statement: for the director of its institution or a guardian of the child. */
export async function getStatement(deps: Deps, scope: Scope, id: string, context: AuditContext): Promise<StatementView> {
  const [row] = await q.findStatements(deps.db, { ids: [id] });
  if (!row) throw new AppError('NOT_FOUND');
  const guardian = await isOwnChild(deps.db, scope, row.child_id);
  if (!guardian && !scope.institutionIds.includes(row.institution_id)) throw new AppError('NOT_FOUND');
  const [view] = await statementViews(deps, [row]);
  await auditChildReads(deps, context, [row.child_id], 'statement');
  return view as StatementView;
}

/** The child's statements: all of them for a guardian, the director's institution's for a director. */
export async function listChildStatements(deps: Deps, scope: Scope, childId: string, context: AuditContext) {
  const reach = await childReach(deps, scope, childId);
  const views = await statementViews(deps, await q.findStatements(deps.db, { childId, institutionIds: reach.institutionIds }));
  await auditChildReads(deps, context, [childId], 'statements');
  return views.map(toSummary);
}

/** The month's statements as an Excel workbook (reading them is audited like the list). */
export async function exportStatements(deps: Deps, scope: Scope, institutionId: string, month: string, context: AuditContext) {
  const rule = await requireFeeRule(deps, scope, institutionId);
  const statements = await listStatements(deps, scope, institutionId, month, context);
  return { filename: `statements-${month}.xlsx`, data: await statementsWorkbook(rule.name, month, statements) };
}
