import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import { addMonthsIso, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { type DrawInput, drawRound, riskWeight } from '../../../../domain/supervision/draw.ts';
import type { Db } from '../../../db/executor.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { findListedInDistrict } from '../../institutions/index.ts';
import { assertDistrict, mayActForDistrict } from './access.ts';
import { presentSummaries } from './presenters.ts';
import {
  findConflicts,
  findInspections,
  findInspectionsOfRound,
  findInspectors,
  findRound,
  findRounds,
  insertInspection,
  insertRound,
} from './queries.ts';
import type { RoundBody } from './schemas.ts';
import { findInspectionSettings } from './settings.ts';

export const INSPECTORS_PER_INSPECTION = 2;

/**
 * Counts of risk events per institution since a moment. Incidents count today; complaints upheld
 * join as another counter passed in from modules.ts, so this module imports neither.
 */
export type RiskEventCounter = (db: Db, institutionIds: readonly string[], since: Date) => Promise<Map<string, number>>;

async function drawInput(deps: Deps, body: z.infer<typeof RoundBody>, counters: readonly RiskEventCounter[]): Promise<DrawInput> {
  const candidates = await findListedInDistrict(deps.db, body.divisionCode);
  if (candidates.length === 0) throw new AppError('INSPECTION_NO_INSTITUTIONS');
  const ids = candidates.map((c) => c.id);
  const events = new Map<string, number>();
  if (body.weightRisk) {
    const now = deps.clock.now();
    const since = new Date(`${addMonthsIso(todayInShanghai(now), -12)}T00:00:00+08:00`);
    for (const count of counters) for (const [id, n] of await count(deps.db, ids, since)) events.set(id, (events.get(id) ?? 0) + n);
  }
  const { riskWeight: rule } = await findInspectionSettings(deps.db);
  return {
    institutions: ids.map((id) => ({ id, weight: body.weightRisk ? riskWeight(events.get(id) ?? 0, rule) : 1 })),
    ...(await inspectorPool(deps.db, body.divisionCode)),
    sampleRate: body.sampleRate,
    inspectorsPerInspection: INSPECTORS_PER_INSPECTION,
  };
}

/** The district's active inspectors (an inactive one is never drawn) and their recorded conflicts. */
export async function inspectorPool(db: Db, districtCode: string): Promise<Pick<DrawInput, 'inspectorIds' | 'conflicts'>> {
  const inspectorIds = (await findInspectors(db, districtCode))
    .filter((i) => i.active)
    .map((i) => i.id)
    .sort();
  const conflicts = await findConflicts(db, inspectorIds);
  return { inspectorIds, conflicts: conflicts.map((c) => ({ inspectorId: c.inspector_id, institutionId: c.institution_id })) };
}

export function tooFewInspectors(drawn: { institutionId: string; eligible: number }) {
  return new AppError(
    'INSPECTION_TOO_FEW_INSPECTORS',
    { needed: INSPECTORS_PER_INSPECTION },
    { institutionId: drawn.institutionId, eligible: drawn.eligible },
  );
}

/** Draws a round: institutions and inspectors at random by a fresh seed, recorded with everything the draw read. */
export async function createRound(
  deps: Deps,
  scope: Scope,
  context: AuditContext,
  body: z.infer<typeof RoundBody>,
  counters: readonly RiskEventCounter[],
) {
  assertDistrict(scope, body.divisionCode);
  if (!mayActForDistrict(scope, body.divisionCode)) throw new AppError('FORBIDDEN');
  const input = await drawInput(deps, body, counters);
  const seed = randomInt(0, 2 ** 31 - 1);
  const drawn = drawRound(input, seed);
  if (!drawn.ok) throw tooFewInspectors(drawn);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const round = await insertRound(trx, {
      district_code: body.divisionCode,
      period_start: body.periodStart,
      period_end: body.periodEnd,
      sample_rate: body.sampleRate,
      weight_risk: body.weightRisk,
      seed,
      inputs: JSON.stringify(input),
      drawn_by: scope.actor.userId,
      drawn_at: now,
    });
    const inspections = [];
    for (const [position, d] of drawn.inspections.entries()) {
      const id = await insertInspection(trx, { round_id: round.id, institution_id: d.institutionId, position }, d.inspectorIds);
      inspections.push({ id, institutionId: d.institutionId, inspectorIds: d.inspectorIds });
    }
    await appendAudit(
      trx,
      context,
      {
        action: 'inspection.round.draw',
        entityType: 'inspection_round',
        entityId: round.id,
        detail: { ...body, seed, drawn: drawn.inspections },
      },
      now,
    );
    return { id: round.id, seed, inspections };
  });
}

async function roundInScope(deps: Deps, scope: Scope, id: string) {
  const round = await findRound(deps.db, id);
  if (!round) throw new AppError('NOT_FOUND');
  assertDistrict(scope, round.district_code);
  return round;
}

function inputsOf(round: { inputs: unknown }): DrawInput {
  return (typeof round.inputs === 'string' ? JSON.parse(round.inputs) : round.inputs) as DrawInput;
}

function roundHead(round: Awaited<ReturnType<typeof findRounds>>[number] | NonNullable<Awaited<ReturnType<typeof findRound>>>) {
  return {
    id: round.id,
    divisionCode: round.district_code,
    periodStart: round.period_start,
    periodEnd: round.period_end,
    sampleRate: round.sample_rate,
    weightRisk: round.weight_risk,
    kind: round.kind as 'random' | 'targeted',
    seed: round.seed,
    drawnAt: round.drawn_at.toISOString(),
    candidates: inputsOf(round).institutions.length,
  };
}

export async function getRound(deps: Deps, scope: Scope, id: string) {
  const round = await roundInScope(deps, scope, id);
  const rows = await findInspectionsOfRound(deps.db, id, todayInShanghai(deps.clock.now()));
  return { ...roundHead(round), inspections: await presentSummaries(deps.db, rows) };
}

export async function listRounds(deps: Deps, scope: Scope, districtCode: string) {
  assertDistrict(scope, districtCode);
  return (await findRounds(deps.db, districtCode)).map((r) => ({ ...roundHead(r), inspections: Number(r.inspection_count) }));
}

/** Runs the draw again from the stored seed and inputs and says whether it gives what was stored. */
export async function rerunRound(deps: Deps, scope: Scope, context: AuditContext, id: string) {
  const round = await roundInScope(deps, scope, id);
  const recomputed = drawRound(inputsOf(round), round.seed);
  const rows = await findInspections(deps.db, id);
  const stored = rows.map((r) => ({ institutionId: r.institution_id, inspectorIds: r.inspector_ids.sort() }));
  const again = recomputed.ok
    ? recomputed.inspections.map((d) => ({ institutionId: d.institutionId, inspectorIds: [...d.inspectorIds].sort() }))
    : [];
  const same = JSON.stringify(stored) === JSON.stringify(again);
  await appendAudit(
    deps.db,
    context,
    { action: 'inspection.round.rerun', entityType: 'inspection_round', entityId: id, detail: { same } },
    deps.clock.now(),
  );
  return { same, stored, recomputed: again };
}
