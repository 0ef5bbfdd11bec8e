import { compareIso, type IsoDate, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { ageInDays, computeGrowthIndicators, type GrowthTables, judgeMeasurement } from '../../../../domain/growth/index.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { findVisibleChildIds } from '../../../platform/access/visibility.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { findChildSummaries } from '../../children/index.ts';
import { findPlaceInstitution } from '../../enrollment/index.ts';
import type { GrowthChild } from './presenters.ts';
import { presentMeasurement } from './presenters.ts';
import * as q from './queries.ts';
import type { GrowthRecord, MeasurementInput, MeasurementView } from './schemas.ts';

type Sex = 'male' | 'female';

/**
 * Who is recording: the child's guardian, or staff of the institution where the child holds a
 * place. Anyone else gets "not found", never "forbidden" (the child's existence is not revealed).
 */
export async function recorderOf(
  deps: Deps,
  scope: Scope,
  childId: string,
): Promise<{ source: 'parent' } | { source: 'institution'; institutionId: string }> {
  if (scope.guardianUserId) {
    const own = await findVisibleChildIds(deps.db, { ...scope, institutionIds: [] }, [childId]);
    if (own.has(childId)) return { source: 'parent' };
  }
  const institutionId = await findPlaceInstitution(deps.db, childId, scope.institutionIds);
  if (!institutionId) throw new AppError('NOT_FOUND');
  return { source: 'institution', institutionId };
}

async function visibleChild(deps: Deps, scope: Scope, childId: string): Promise<GrowthChild> {
  const visible = await findVisibleChildIds(deps.db, scope, [childId]);
  const child = visible.has(childId) ? await findGrowthChild(deps, childId) : undefined;
  if (!child) throw new AppError('NOT_FOUND');
  return child;
}

/**
 * An entry the child's record may hold: measured on a day that has begun and not before birth,
 * with values plausible for the child's sex and age that day (domain/growth/plausibility.ts);
 * a value beyond ±3 SD only when the recorder confirmed it.
 */
export function checkMeasurement(tables: GrowthTables, child: GrowthChild, input: MeasurementInput, today: IsoDate): void {
  if (compareIso(input.measuredOn, today) > 0) throw fieldError('body.measuredOn', 'date.future');
  if (compareIso(input.measuredOn, child.birth_date) < 0) throw fieldError('body.measuredOn', 'growth.measuredBeforeBirth');
  const scores = computeGrowthIndicators(
    {
      sex: child.sex as Sex,
      ageDays: ageInDays(child.birth_date, input.measuredOn),
      weightKg: input.weightKg,
      lengthCm: input.lengthCm,
      position: input.position,
      headCm: input.headCm,
    },
    tables,
  );
  const { refused, toConfirm } = judgeMeasurement(scores);
  const word = (f: string) => f.replace(/(Kg|Cm)$/, '') as 'weight' | 'length' | 'head';
  if (refused.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      {},
      refused.map((f) => ({ path: `body.${f}`, messageKey: `growth.${word(f)}Implausible` })),
    );
  if (toConfirm.length > 0 && input.confirmed !== true)
    throw new AppError(
      'MEASUREMENT_NEEDS_CONFIRMATION',
      {},
      toConfirm.map((f) => ({ path: `body.${f}`, messageKey: `growth.${word(f)}Unlikely` })),
    );
}

/** The columns of an entry: whole grams and millimetres, a position only with a length. */
export function storedValues(input: MeasurementInput) {
  return {
    measured_on: input.measuredOn,
    weight_g: input.weightKg === undefined ? null : Math.round(input.weightKg * 1000),
    length_mm: input.lengthCm === undefined ? null : Math.round(input.lengthCm * 10),
    position: input.lengthCm === undefined ? null : (input.position ?? null),
    head_mm: input.headCm === undefined ? null : Math.round(input.headCm * 10),
  };
}

/** Records a measurement (see checkMeasurement). Audited as a write. */
export async function recordMeasurement(
  deps: Deps,
  tables: GrowthTables,
  scope: Scope,
  childId: string,
  input: MeasurementInput,
  context: AuditContext,
): Promise<MeasurementView> {
  const recorder = await recorderOf(deps, scope, childId);
  const child = (await findGrowthChild(deps, childId)) as GrowthChild;
  checkMeasurement(tables, child, input, todayInShanghai(deps.clock.now()));
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await q.insertMeasurement(trx, {
      child_id: childId,
      ...storedValues(input),
      source: recorder.source,
      institution_id: recorder.source === 'institution' ? recorder.institutionId : null,
      recorded_by: scope.actor.userId,
      created_at: now,
    });
    await appendAudit(
      trx,
      context,
      {
        action: 'growth_measurement.record',
        entityType: 'child',
        entityId: childId,
        detail: { measurementId: row.id, measuredOn: input.measuredOn, source: recorder.source },
      },
      now,
    );
    return row.id;
  });
  const [row] = await q.findMeasurements(deps.db, { childId, id });
  return presentMeasurement(tables, child, row as q.MeasurementRow);
}

/** The child's growth record with scores and flags; the read is audited like every read of a child's data. */
export async function getGrowthRecord(
  deps: Deps,
  tables: GrowthTables,
  scope: Scope,
  childId: string,
  context: AuditContext,
): Promise<GrowthRecord> {
  const child = await visibleChild(deps, scope, childId);
  const rows = await q.findMeasurements(deps.db, { childId });
  await appendAudit(
    deps.db,
    context,
    { action: 'child.read', entityType: 'child', entityId: childId, detail: { via: 'growth' } },
    deps.clock.now(),
  );
  return {
    child: { id: child.id, name: child.name, sex: child.sex as Sex, birthDate: child.birth_date },
    items: rows.map((row) => presentMeasurement(tables, child, row)),
  };
}

/** The facts a z-score needs (sex, birth date) and the name the page shows. */
export async function findGrowthChild(deps: Deps, childId: string): Promise<GrowthChild | undefined> {
  return (await findChildSummaries(deps.db, [childId]))[0];
}
