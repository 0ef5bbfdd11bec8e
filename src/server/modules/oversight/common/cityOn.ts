import { countHeldOnEach } from '../../../../domain/enrollment/placesHeld.ts';
import { cityCodeOf, divisionPrefix, isWithinDivision } from '../../../../domain/geography/divisionCode.ts';
import { isCurrent } from '../../../../domain/institutions/designations.ts';
import { isOperatingOn } from '../../../../domain/institutions/operation.ts';
import type { IndicatorCounts } from '../../../../domain/oversight/indicators.ts';
import { type Figure, resolveDivision, rollUp, type TreeDivision } from '../../../../domain/oversight/rollup.ts';
import type { Db } from '../../../db/executor.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { divisionInScope } from '../../../platform/access/visibility.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { countEnrolledOn, findPlacePeriods } from '../../enrollment/index.ts';
import { findDivisionPart, findPopulationUpTo } from '../../geography/index.ts';
import { findInstitutionPeriods, findOperatingInstitutions, type OperatingInstitution } from '../../institutions/index.ts';

export type Division = TreeDivision & { name: string; lat: number | null; lng: number | null };

/**
 * Everything indicators and accessibility need about one division X as it stood on one date:
 * X's part of the tree (its subtree, or its city's for accessibility) with its ancestors and the
 * divisions mergers name, and only the institutions (and their children) that count inside X, so
 * `counts` are exact for X's subtree and partial elsewhere.
 */
export type CityOn = {
  date: string;
  /** X itself. */
  division: Division;
  divisions: Division[];
  byCode: Map<string, Division>;
  successors: Map<string, string>;
  institutions: OperatingInstitution[];
  population: Map<string, Figure>;
  enrolled: Map<string, number>;
  counts: Map<string, IndicatorCounts>;
};

type Population = Map<string, Figure>;

/**
 * What the answers for X on several dates share: the mergers, the rows of X's part of the tree in
 * force at some time in the range (each date takes those in force that day), and X's population by year.
 */
type Backdrop = {
  rows: Awaited<ReturnType<typeof findDivisionPart>>['rows'];
  successors: Map<string, string>;
  populationOf: (year: number) => Promise<Population>;
};

/**
 * The tree is read under `treePrefix` (X's own by default), with X's ancestors and every division a
 * merger names; codes nest, so X's subtree lies under its prefix.
 */
async function readBackdrop(db: Db, code: string, from: string, to: string, treePrefix: string): Promise<Backdrop> {
  const ancestors = [code.slice(0, 6), cityCodeOf(code)].filter((c) => c !== code);
  const { rows, successors } = await findDivisionPart(db, from, to, { prefix: treePrefix, codes: ancestors });
  const years = new Map<number, Promise<Population>>();
  const populationOf = (year: number) => {
    const read = years.get(year) ?? findPopulationUpTo(db, year, divisionPrefix(code));
    years.set(year, read);
    return read;
  };
  return { rows, successors, populationOf };
}

/** The tree on `date` and the ended codes whose area then lies inside X; undefined when X is not in that tree. */
type TreeOn = { divisions: Division[]; mergedInto: string[] };

function treeOn(backdrop: Backdrop, date: string, code: string): TreeOn | undefined {
  const { successors } = backdrop;
  const rows = backdrop.rows.filter((r) => r.valid_from <= date && (r.valid_to === null || r.valid_to > date));
  const inTree = new Set(rows.map((r) => r.code));
  if (!inTree.has(code)) return undefined;
  const mergedInto = [...successors.keys()].filter((ended) => {
    const home = resolveDivision(ended, (c) => inTree.has(c), successors);
    return home !== null && isWithinDivision(home, code);
  });
  const divisions: Division[] = rows.map((r) => ({
    code: r.code,
    name: r.name,
    parentCode: r.parent_code,
    level: r.level as Division['level'],
    lat: r.lat,
    lng: r.lng,
  }));
  return { divisions, mergedInto };
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * Reads the tree valid on `date`, the population of X's subtree of its year (or the latest
 * earlier one), the institutions of X operating that day and the children enrolled in them, and rolls them up.
 * Set-wise reads through the owners' index.ts: nothing is pre-aggregated, so a write shows in the
 * next answer. X's institutions are those filed under a code inside X, and under an ended code
 * whose successor lies inside X; a province-sized database is then read a city (or a township)
 * at a time. Undefined when X is not in the tree that day, known from the tree alone.
 */
export async function findCityOn(db: Db, date: string, code: string, treePrefix = divisionPrefix(code)): Promise<CityOn | undefined> {
  const backdrop = await readBackdrop(db, code, date, date, treePrefix);
  const tree = treeOn(backdrop, date, code);
  if (!tree) return undefined;
  const [population, institutions] = await Promise.all([
    backdrop.populationOf(yearOf(date)),
    findOperatingInstitutions(db, date, { prefix: divisionPrefix(code), codes: tree.mergedInto }),
  ]);
  const enrolled = await countEnrolledOn(
    db,
    date,
    institutions.map((i) => i.id),
  );
  return assemble(date, code, tree, backdrop.successors, population, institutions, enrolled);
}

/**
 * X on each of `dates` (ascending), as `findCityOn` answers for each, from one read of each
 * source over the whole range: the tree, mergers and population by year, the institutions with
 * their operation changes and inclusive designations, and the places held; each date is then
 * taken from them in memory. The institutions read are those of X on any of the dates; on a
 * date when one of them lies elsewhere, the roll-up does not count it in X.
 */
export async function findCityOnEach(db: Db, dates: readonly string[], code: string): Promise<(CityOn | undefined)[]> {
  const first = dates[0];
  const last = dates.at(-1);
  if (first === undefined || last === undefined) return [];
  const backdrop = await readBackdrop(db, code, first, last, divisionPrefix(code));
  const trees = dates.map((date) => treeOn(backdrop, date, code));
  if (trees.every((tree) => tree === undefined)) return trees.map(() => undefined);
  const mergedInto = [...new Set(trees.flatMap((tree) => tree?.mergedInto ?? []))];
  const periods = await findInstitutionPeriods(db, first, last, { prefix: divisionPrefix(code), codes: mergedInto });
  const [held, populations] = await Promise.all([
    findPlacePeriods(
      db,
      first,
      last,
      periods.map((p) => p.id),
    ).then((places) => countHeldOnEach(places, dates)),
    Promise.all(dates.map((date) => backdrop.populationOf(yearOf(date)))),
  ]);
  return dates.map((date, i) => {
    const tree = trees[i];
    if (!tree) return undefined;
    const institutions = periods
      .filter((p) => isOperatingOn(p.operation, date))
      .map(({ operation, inclusive, ...p }) => ({ ...p, inclusive: inclusive.some((d) => isCurrent(d, date)) }));
    return assemble(date, code, tree, backdrop.successors, populations[i] as Population, institutions, held[i] as Map<string, number>);
  });
}

function assemble(
  date: string,
  code: string,
  tree: TreeOn,
  successors: Map<string, string>,
  population: Population,
  institutions: OperatingInstitution[],
  enrolled: Map<string, number>,
): CityOn {
  const byCode = new Map(tree.divisions.map((d) => [d.code, d]));
  return withInstitutions(
    {
      date,
      division: byCode.get(code) as Division,
      divisions: tree.divisions,
      byCode,
      successors,
      institutions: [],
      population,
      enrolled,
      counts: new Map(),
    },
    institutions,
  );
}

/**
 * X as it stood on `date` for a caller: 404, whether X exists or not, when the caller may not
 * see it or it was not in force that day, before anything of X's subtree is read.
 */
export async function loadCityOn(
  db: Db,
  date: string,
  code: string,
  scope: Scope | null,
  treePrefix = divisionPrefix(code),
): Promise<CityOn> {
  if (scope !== null && !divisionInScope(scope, code)) throw new AppError('NOT_FOUND');
  const city = await findCityOn(db, date, code, treePrefix);
  if (!city) throw new AppError('NOT_FOUND');
  return city;
}

/** The same city with these institutions operating, rolled up again (a scenario adds hypothetical ones). */
export function withInstitutions(city: CityOn, institutions: OperatingInstitution[]): CityOn {
  const counts = rollUp({
    divisions: city.divisions,
    successors: city.successors,
    population: city.population,
    institutions: institutions.map((i) => ({
      divisionCode: i.divisionCode,
      places: i.places,
      inclusive: i.inclusive,
      enrolled: city.enrolled.get(i.id) ?? 0,
    })),
  });
  return { ...city, institutions, counts };
}
