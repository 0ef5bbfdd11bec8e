import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import type { GrowthTables } from '../../../../domain/growth/index.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import type { GrowthChild } from './presenters.ts';
import { presentMeasurement } from './presenters.ts';
import * as q from './queries.ts';
import type { MeasurementInput, MeasurementView } from './schemas.ts';
import { checkMeasurement, findGrowthChild, recorderOf, storedValues } from './service.ts';

type Stored = NonNullable<Awaited<ReturnType<typeof q.findMeasurementOwner>>>;

/**
 * The entry, if the caller may change it: one they could record for the child (else 404, the
 * child's existence is not revealed), and of their own side — a guardian changes the family's
 * entries, staff their institution's; an entry of the other side is read-only to them (403).
 */
async function changeableEntry(deps: Deps, scope: Scope, id: string): Promise<Stored> {
  const entry = await q.findMeasurementOwner(deps.db, id);
  if (!entry) throw new AppError('NOT_FOUND');
  const recorder = await recorderOf(deps, scope, entry.child_id);
  const own =
    recorder.source === 'parent'
      ? entry.source === 'parent'
      : entry.source === 'institution' && entry.institution_id === recorder.institutionId;
  if (!own) throw new AppError('FORBIDDEN');
  return entry;
}

const valuesOf = (e: Pick<Stored, 'measured_on' | 'weight_g' | 'length_mm' | 'position' | 'head_mm'>) => ({
  measuredOn: e.measured_on,
  weightG: e.weight_g,
  lengthMm: e.length_mm,
  position: e.position,
  headMm: e.head_mm,
});

/** Corrects an entry, checked as a new one would be; audited with the values before and after. */
export async function correctMeasurement(
  deps: Deps,
  tables: GrowthTables,
  scope: Scope,
  id: string,
  input: MeasurementInput,
  context: AuditContext,
): Promise<MeasurementView> {
  const entry = await changeableEntry(deps, scope, id);
  const child = (await findGrowthChild(deps, entry.child_id)) as GrowthChild;
  checkMeasurement(tables, child, input, todayInShanghai(deps.clock.now()));
  const values = storedValues(input);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.updateMeasurement(trx, id, values);
    await appendAudit(
      trx,
      context,
      {
        action: 'growth_measurement.correct',
        entityType: 'child',
        entityId: entry.child_id,
        detail: { measurementId: id, before: valuesOf(entry), after: valuesOf(values) },
      },
      now,
    );
  });
  const [row] = await q.findMeasurements(deps.db, { childId: entry.child_id, id });
  return presentMeasurement(tables, child, row as q.MeasurementRow);
}

/** Removes an entry; the audit row keeps what it held. */
export async function removeMeasurement(deps: Deps, scope: Scope, id: string, context: AuditContext): Promise<void> {
  const entry = await changeableEntry(deps, scope, id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.deleteMeasurement(trx, id);
    await appendAudit(
      trx,
      context,
      {
        action: 'growth_measurement.remove',
        entityType: 'child',
        entityId: entry.child_id,
        detail: { measurementId: id, removed: valuesOf(entry) },
      },
      now,
    );
  });
}
