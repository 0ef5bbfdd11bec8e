import { todayInShanghai } from '../../../domain/dates/shanghai.ts';
import type { Deps } from '../../deps.ts';
import { type AuditContext, appendAudit } from '../../platform/audit/auditLog.ts';
import { AppError } from '../../platform/errors/AppError.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { importSource, readImport, rejectImport } from './importChecks.ts';
import { canonicalColumn, describeProblem, validatePopulationRows } from './populationImport.ts';
import * as q from './queries.ts';
import { describePointProblem, pointColumn, validatePointRows } from './referencePointImport.ts';
import { buildTree } from './tree.ts';

/** The tree in force on a date, each node with the population of the latest year on record. */
export async function getDivisionTree(deps: Deps, asOf?: string) {
  const date = asOf ?? todayInShanghai(deps.clock.now());
  const rows = await q.findDivisionsAsOf(deps.db, date);
  const year = await q.findLatestPopulationYear(deps.db);
  const population = year === null ? new Map() : await q.findPopulationForYear(deps.db, year);
  return { asOf: date, populationYear: year, tree: buildTree(rows, population) };
}

export async function getDivision(deps: Deps, code: string, asOf?: string) {
  const date = asOf ?? todayInShanghai(deps.clock.now());
  const division = await q.findDivisionAsOf(deps.db, code, date);
  if (!division) throw new AppError('NOT_FOUND');
  const [history, all, year] = await Promise.all([
    q.findPopulationHistory(deps.db, code),
    q.findDivisionsAsOf(deps.db, date),
    q.findLatestPopulationYear(deps.db),
  ]);
  const latest = year === null ? new Map() : await q.findPopulationForYear(deps.db, year);
  return {
    code: division.code,
    name: division.name,
    level: division.level as 'city' | 'district' | 'township',
    parentCode: division.parent_code,
    validFrom: division.valid_from,
    validTo: division.valid_to,
    referencePoint:
      division.lat === null || division.lng === null ? null : { lat: division.lat, lng: division.lng, source: division.point_source ?? '' },
    population: history,
    children: all
      .filter((d) => d.parent_code === code)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((d) => ({
        code: d.code,
        name: d.name,
        level: d.level as 'city' | 'district' | 'township',
        population: latest.get(d.code) ?? null,
      })),
  };
}

/**
 * Imports yearly population from a CSV or Excel file: every bad row is reported with its line
 * and nothing is written unless the whole file is good.
 */
export async function importPopulation(deps: Deps, file: { data: Buffer; filename: string }, context: AuditContext, locale: Locale) {
  const sheet = await readImport(file, canonicalColumn);
  const divisions = await q.findDivisionPeriods(deps.db);
  // A figure for a year belongs to a division in force at some point in that year.
  const isKnownCode = (code: string, year: number) =>
    divisions.some((d) => d.code === code && d.valid_from <= `${year}-12-31` && (d.valid_to === null || d.valid_to > `${year}-01-01`));
  const { records, problems } = validatePopulationRows(sheet, isKnownCode);
  rejectImport(problems, describeProblem, locale);
  const source = importSource(file.filename);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.upsertPopulation(
      trx,
      records.map((r) => ({ ...r, source, isDemo: false })),
      now,
    );
    await appendAudit(
      trx,
      context,
      {
        action: 'population.import',
        entityType: 'division_population',
        detail: { file: file.filename.slice(0, 100), rows: records.length, years: [...new Set(records.map((r) => r.year))] },
      },
      now,
    );
  });
  return { imported: records.length };
}

/**
 * Sets reference points from a CSV or Excel file (code, lat, lng): every bad row is reported with
 * its line and nothing is written unless the whole file is good. The accessibility measure
 * weighs each township's under-3 population at its point.
 */
export async function importReferencePoints(deps: Deps, file: { data: Buffer; filename: string }, context: AuditContext, locale: Locale) {
  const sheet = await readImport(file, pointColumn);
  const current = new Set((await q.findDivisionsAsOf(deps.db, todayInShanghai(deps.clock.now()))).map((d) => d.code));
  const { records, problems } = validatePointRows(sheet, (code) => current.has(code));
  rejectImport(problems, describePointProblem, locale);
  const source = importSource(file.filename);
  await deps.db.transaction().execute(async (trx) => {
    await q.setReferencePoints(
      trx,
      records.map((r) => ({ ...r, source })),
    );
    await appendAudit(
      trx,
      context,
      {
        action: 'division.reference_points.import',
        entityType: 'division',
        detail: { file: file.filename.slice(0, 100), rows: records.length },
      },
      deps.clock.now(),
    );
  });
  return { imported: records.length };
}

/** The admin sets one division's reference point by hand, e.g. read off a map. */
const SET_BY_HAND = '管理员人工标注 (set by the admin)';

export async function setReferencePoint(
  deps: Deps,
  code: string,
  input: { lat: number; lng: number; source?: string },
  context: AuditContext,
) {
  const point = { lat: input.lat, lng: input.lng, source: input.source || SET_BY_HAND };
  const today = todayInShanghai(deps.clock.now());
  if (!(await q.findDivisionAsOf(deps.db, code, today))) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    await q.setReferencePoints(trx, [{ code, ...point }]);
    await appendAudit(
      trx,
      context,
      { action: 'division.reference_point.set', entityType: 'division', entityId: code, detail: point },
      deps.clock.now(),
    );
  });
  return getDivision(deps, code);
}
