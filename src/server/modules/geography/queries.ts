import { type ExpressionBuilder, sql } from 'kysely';
import type { GridCell } from '../../../domain/oversight/gridAccess.ts';
import type { Db } from '../../db/executor.ts';
import { inChunks } from '../../db/inChunks.ts';
import type { DB } from '../../db/schema.ts';
import type { DivisionSeedRow } from './divisionsCsv.ts';
import type { DistrictOutline, OutlineGeometry } from './outlineImport.ts';
import { pinyinOf } from './pinyin.ts';
import type { PopulationFigure } from './tree.ts';

/** Division rows in force at some time from `from` to `to` (valid_from ≤ to, valid_to > from); on one day when they are the same. */
const inForce = (from: string, to: string) => (eb: ExpressionBuilder<DB, 'divisions'>) =>
  eb.and([eb('valid_from', '<=', to), eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', from)])]);

/** Divisions in force on `date` (valid_from ≤ date < valid_to). */
export function findDivisionsAsOf(db: Db, date: string) {
  return db
    .selectFrom('divisions')
    .select(['code', 'name', 'parent_code', 'level', 'pinyin', 'initials', 'valid_from', 'valid_to'])
    .where(inForce(date, date))
    .execute();
}

export function findDivisionAsOf(db: Db, code: string, date: string) {
  return db
    .selectFrom('divisions')
    .select(['code', 'name', 'parent_code', 'level', 'valid_from', 'valid_to', 'lat', 'lng', 'point_source'])
    .where('code', '=', code)
    .where(inForce(date, date))
    .executeTakeFirst();
}

/** Every division row ever, with its validity: an import checks each code against the year of its figure. */
export function findDivisionPeriods(db: Db) {
  return db.selectFrom('divisions').select(['code', 'valid_from', 'valid_to']).execute();
}

/** Latest year on record for which any population figure exists. */
export async function findLatestPopulationYear(db: Db): Promise<number | null> {
  const row = await db
    .selectFrom('division_population')
    .select((eb) => eb.fn.max('year').as('year'))
    .executeTakeFirst();
  return row?.year ?? null;
}

export async function findPopulationForYear(db: Db, year: number): Promise<Map<string, PopulationFigure>> {
  const rows = await db.selectFrom('division_population').selectAll().where('year', '=', year).execute();
  return new Map(rows.map((r) => [r.division_code, { year: r.year, total: r.total, under3: r.under3, isDemo: r.is_demo }]));
}

export function findPopulationHistory(db: Db, code: string) {
  return db
    .selectFrom('division_population')
    .select(['year', 'total', 'under3', 'is_demo as isDemo'])
    .where('division_code', '=', code)
    .orderBy('year')
    .execute();
}

export async function countDivisions(db: Db): Promise<number> {
  const row = await db
    .selectFrom('divisions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertDivisions(db: Db, rows: DivisionSeedRow[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('divisions')
    .values(rows.map((r) => ({ code: r.code, name: r.name, parent_code: r.parentCode, level: r.level, ...pinyinOf(r.name) })))
    .execute();
}

export type PopulationRow = { code: string; year: number; total: number; under3: number; source: string; isDemo: boolean };

export async function upsertPopulation(db: Db, rows: PopulationRow[], now: Date) {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('division_population')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          division_code: r.code,
          year: r.year,
          total: r.total,
          under3: r.under3,
          source: r.source,
          is_demo: r.isDemo,
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['division_code', 'year']).doUpdateSet((eb) => ({
          total: eb.ref('excluded.total'),
          under3: eb.ref('excluded.under3'),
          source: eb.ref('excluded.source'),
          is_demo: eb.ref('excluded.is_demo'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/**
 * The tree's rows in force at some time from `from` to `to`, with their validity and reference
 * points, so the tree of each day in between is taken without reading it again.
 */
export function findDivisionPointsBetween(db: Db, from: string, to: string) {
  return db
    .selectFrom('divisions')
    .select(['code', 'name', 'parent_code', 'level', 'lat', 'lng', 'valid_from', 'valid_to'])
    .where(inForce(from, to))
    .execute();
}

/**
 * A part of the tree and the mergers, in one statement. `rows`: the rows in force at some time
 * from `from` to `to` whose code starts with `prefix` or is one of `codes` (e.g. the part's
 * ancestors), and those a merger names — each ended code, its successor and its district — so a
 * merged code resolves inside the part as it would over the whole tree. `successors`: every ended
 * division that names its successor, old code → the code that took over its area.
 */
export async function findDivisionPart(db: Db, from: string, to: string, part: { prefix: string; codes: readonly string[] }) {
  const inPart = (eb: ExpressionBuilder<DB & { merged: { code: string; successor_code: string | null } }, 'divisions'>) =>
    eb.and([
      inForce(from, to)(eb as ExpressionBuilder<DB, 'divisions'>),
      eb.or([
        eb('code', 'like', `${part.prefix}%`),
        ...(part.codes.length > 0 ? [eb('code', 'in', part.codes)] : []),
        eb('code', 'in', eb.selectFrom('merged').select('merged.code')),
        eb('code', 'in', eb.selectFrom('merged').select('merged.successor_code')),
        eb('code', 'in', eb.selectFrom('merged').select(sql<string>`left(merged.code, 6)`.as('district'))),
      ]),
    ]);
  const found = await db
    .with('merged', (qb) => qb.selectFrom('divisions').select(['code', 'successor_code']).where('successor_code', 'is not', null))
    .selectFrom('divisions')
    .select((eb) => [
      'code',
      'name',
      'parent_code',
      'level',
      'lat',
      'lng',
      'valid_from',
      'valid_to',
      'successor_code',
      inPart(eb).as('in_part'),
    ])
    .where((eb) => eb.or([inPart(eb), eb('successor_code', 'is not', null)]))
    .orderBy('valid_from')
    .execute();
  const successors = new Map<string, string>();
  for (const r of found) if (r.successor_code !== null) successors.set(r.code, r.successor_code);
  const rows = found
    .filter((r) => r.in_part)
    .map(({ code, name, parent_code, level, lat, lng, valid_from, valid_to }) => ({
      code,
      name,
      parent_code,
      level,
      lat,
      lng,
      valid_from,
      valid_to,
    }));
  return { rows, successors };
}

/**
 * Bumped by every statement that changes the tree, its mergers or the population (0078), so a
 * figure computed from them is current while this reads the same.
 */
export function geographyDataVersion(db: Db): Promise<number> {
  return db
    .selectFrom('geography_data_version')
    .select('version')
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.version));
}

/** The population figure of `year`, or of the latest earlier year it has one for, of each division whose code starts with `prefix`. */
export async function findPopulationUpTo(
  db: Db,
  year: number,
  prefix: string,
): Promise<Map<string, { year: number; total: number; under3: number }>> {
  const rows = await db
    .selectFrom('division_population')
    .select(['division_code', 'year', 'total', 'under3'])
    .distinctOn('division_code')
    .where('division_code', 'like', `${prefix}%`)
    .where('year', '<=', year)
    .orderBy('division_code')
    .orderBy('year', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.division_code, { year: r.year, total: r.total, under3: r.under3 }]));
}

export type ReferencePoint = { code: string; lat: number; lng: number; source: string };

/** Sets divisions' reference points (every period of each code), e.g. from a CSV or the demo's approximations. */
export async function setReferencePoints(db: Db, points: ReferencePoint[]) {
  for (const p of points) {
    await db.updateTable('divisions').set({ lat: p.lat, lng: p.lng, point_source: p.source }).where('code', '=', p.code).execute();
  }
}

/**
 * Ends a division on `date` and hands its area to `successorCode` (a merger, 撤并): the tree
 * before `date` keeps it, the tree from `date` does not, and figures filed under its code count
 * under the successor from then on.
 */
export async function endDivision(db: Db, code: string, date: string, successorCode: string | null) {
  await db
    .updateTable('divisions')
    .set({ valid_to: date, successor_code: successorCode })
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .execute();
}

/** A city's population grid: who imported it, when, from what, and its totals; undefined without one. */
export function findGridSummary(db: Db, cityCode: string) {
  return db
    .selectFrom('population_grids as g')
    .innerJoin('users as u', 'u.id', 'g.imported_by')
    .select(['g.city_code', 'g.source', 'g.imported_at', 'g.imported_by', 'u.name as imported_by_name', 'g.cells', 'g.under3'])
    .where('g.city_code', '=', cityCode)
    .executeTakeFirst();
}

/** Whether a city has a population grid. */
export async function hasGrid(db: Db, cityCode: string): Promise<boolean> {
  const row = await db.selectFrom('population_grids').select('city_code').where('city_code', '=', cityCode).executeTakeFirst();
  return row !== undefined;
}

/** The cells of a city's population grid (none without one). */
export function findGridCells(db: Db, cityCode: string): Promise<GridCell[]> {
  return db.selectFrom('population_grid_cells').select(['lat', 'lng', 'under3']).where('city_code', '=', cityCode).execute();
}

/**
 * Makes writers of one city's grid take turns until the transaction ends: two imports at once
 * would otherwise both insert the city's row, and the second fail on its key.
 */
export async function lockGrid(trx: Db, cityCode: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`population-grid:${cityCode}`}))`.execute(trx);
}

/** Removes a city's grid with its cells; false when it had none. */
export async function deleteGrid(db: Db, cityCode: string): Promise<boolean> {
  const removed = await db.deleteFrom('population_grids').where('city_code', '=', cityCode).executeTakeFirst();
  return Number(removed.numDeletedRows) > 0;
}

export type GridRecord = { cityCode: string; source: string; importedBy: string; cells: GridCell[] };

/** Writes a city's grid in place of the one it had: call inside the import's transaction. */
export async function replaceGrid(db: Db, grid: GridRecord, now: Date) {
  await lockGrid(db, grid.cityCode);
  await deleteGrid(db, grid.cityCode);
  await db
    .insertInto('population_grids')
    .values({
      city_code: grid.cityCode,
      source: grid.source,
      imported_by: grid.importedBy,
      imported_at: now,
      cells: grid.cells.length,
      under3: grid.cells.reduce((sum, c) => sum + c.under3, 0),
    })
    .execute();
  await inChunks(grid.cells, 5000, (chunk) =>
    db
      .insertInto('population_grid_cells')
      .values(chunk.map((c) => ({ city_code: grid.cityCode, lat: c.lat, lng: c.lng, under3: c.under3 })))
      .execute(),
  );
}

export type OutlineSet = { cityCode: string; approvalNumber: string | null; source: string; outlines: DistrictOutline[] };

/** Writes a city's district outlines in place of the ones it had: call inside the import's transaction. */
export async function replaceOutlines(db: Db, set: OutlineSet, now: Date) {
  await db.deleteFrom('division_outline_sets').where('city_code', '=', set.cityCode).execute();
  await db
    .insertInto('division_outline_sets')
    .values({ city_code: set.cityCode, approval_number: set.approvalNumber, source: set.source, imported_at: now })
    .execute();
  await db
    .insertInto('division_outlines')
    .values(set.outlines.map((o) => ({ division_code: o.code, city_code: set.cityCode, geometry: JSON.stringify(o.geometry) })))
    .execute();
}

/** Every imported district outline with the district's name on `date`, and each city's approval number. */
export async function findOutlines(db: Db, date: string) {
  const sets = await db.selectFrom('division_outline_sets').select(['city_code', 'approval_number']).orderBy('city_code').execute();
  const outlines = await db
    .selectFrom('division_outlines as o')
    .innerJoin('divisions as d', 'd.code', 'o.division_code')
    .select(['o.division_code as code', 'd.name', 'o.geometry'])
    .where('d.valid_from', '<=', date)
    .where((eb) => eb.or([eb('d.valid_to', 'is', null), eb('d.valid_to', '>', date)]))
    .orderBy('o.division_code')
    .execute();
  return { sets, outlines: outlines.map((o) => ({ ...o, geometry: o.geometry as OutlineGeometry })) };
}
