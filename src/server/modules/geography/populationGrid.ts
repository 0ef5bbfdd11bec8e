import { todayInShanghai } from '../../../domain/dates/shanghai.ts';
import { isWithinDivision } from '../../../domain/geography/divisionCode.ts';
import type { Deps } from '../../deps.ts';
import { type AuditContext, appendAudit } from '../../platform/audit/auditLog.ts';
import { AppError } from '../../platform/errors/AppError.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { cityAreaOf, describeGridProblem, gridColumn, validateGridRows } from './gridImport.ts';
import { importSource, readImport, rejectImport } from './importChecks.ts';
import * as q from './queries.ts';

/** The city's divisions in force today; 404 unless `code` is a city among them. */
async function cityDivisions(deps: Deps, code: string) {
  const today = todayInShanghai(deps.clock.now());
  const rows = await q.findDivisionPointsBetween(deps.db, today, today);
  if (!rows.some((d) => d.code === code && d.level === 'city')) throw new AppError('NOT_FOUND');
  return rows.filter((d) => isWithinDivision(d.code, code));
}

/** 人口网格 — the summary of a city's population grid, or `grid: null` when it has none. */
export async function getPopulationGrid(deps: Deps, cityCode: string) {
  await cityDivisions(deps, cityCode);
  const row = await q.findGridSummary(deps.db, cityCode);
  return {
    cityCode,
    grid: row
      ? {
          cells: row.cells,
          under3: row.under3,
          importedAt: row.imported_at.toISOString(),
          importedBy: { id: row.imported_by, name: row.imported_by_name },
          source: row.source,
        }
      : null,
  };
}

/**
 * Replaces a city's population grid with a CSV or Excel file of cells (lat, lng, under3): every
 * bad row is reported with its line and nothing is written unless the whole file is good. A cell
 * far outside the box around the city's reference points is a mistyped or foreign point, so the
 * city needs reference points first.
 */
export async function importPopulationGrid(
  deps: Deps,
  cityCode: string,
  file: { data: Buffer; filename: string },
  context: AuditContext,
  locale: Locale,
) {
  const located = (await cityDivisions(deps, cityCode)).flatMap((d) =>
    d.lat === null || d.lng === null ? [] : [{ lat: d.lat, lng: d.lng }],
  );
  const area = cityAreaOf(located);
  if (!area) throw new AppError('GRID_NEEDS_REFERENCE_POINTS');
  const sheet = await readImport(file, gridColumn);
  const { cells, problems } = validateGridRows(sheet, area);
  rejectImport(problems, describeGridProblem, locale);
  const source = importSource(file.filename);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.replaceGrid(trx, { cityCode, source, importedBy: context.actorId as string, cells }, now);
    await appendAudit(
      trx,
      context,
      {
        action: 'population_grid.import',
        entityType: 'population_grid',
        entityId: cityCode,
        detail: { file: file.filename.slice(0, 100), cells: cells.length, under3: cells.reduce((sum, c) => sum + c.under3, 0) },
      },
      now,
    );
  });
  return getPopulationGrid(deps, cityCode);
}

/** Removes a city's grid; accessibility goes back to the townships' reference points. */
export async function removePopulationGrid(deps: Deps, cityCode: string, context: AuditContext) {
  await cityDivisions(deps, cityCode);
  await deps.db.transaction().execute(async (trx) => {
    await q.lockGrid(trx, cityCode);
    if (!(await q.deleteGrid(trx, cityCode))) throw new AppError('NOT_FOUND');
    await appendAudit(
      trx,
      context,
      { action: 'population_grid.remove', entityType: 'population_grid', entityId: cityCode },
      deps.clock.now(),
    );
  });
  return getPopulationGrid(deps, cityCode);
}
