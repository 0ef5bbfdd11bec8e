import { divisionPrefix, isWithinDivision } from '../../../../domain/geography/divisionCode.ts';
import type { IndicatorCounts } from '../../../../domain/oversight/indicators.ts';
import { type Figure, resolveDivision, rollUp, type TreeDivision } from '../../../../domain/oversight/rollup.ts';
import type { Db } from '../../../db/executor.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { divisionInScope } from '../../../platform/access/visibility.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { countEnrolledOn } from '../../enrollment/index.ts';
import { findDivisionPointsBetween, findPopulationUpTo, findSuccessors } from '../../geography/index.ts';
import { findOperatingInstitutions, type OperatingInstitution } from '../../institutions/index.ts';

export type Division = TreeDivision & { name: string; lat: number | null; lng: number | null };

/**
 * Everything indicators and accessibility need about one division X as it stood on one date:
 * the whole tree, but only the institutions (and their children) that count inside X, so
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
 * What the answers for X on several dates share: the mergers, the tree's rows in force at some
 * time in the range (each date takes those in force that day), and X's population by year.
 */
type Backdrop = {
  rows: Awaited<ReturnType<typeof findDivisionPointsBetween>>;
  successors: Map<string, string>;
  populationOf: (year: number) => Promise<Population>;
};

async function readBackdrop(db: Db, code: string, from: string, to: string): Promise<Backdrop> {
  const [rows, successors] = await Promise.all([findDivisionPointsBetween(db, from, to), findSuccessors(db)]);
  const years = new Map<number, Promise<Population>>();
  const populationOf = (year: number) => {
    const read = years.get(year) ?? findPopulationUpTo(db, year, divisionPrefix(code));
    years.set(year, read);
    return read;
  };
  return { rows, successors, populationOf };
}

/**
 * Reads the tree valid on `date`, the population of X's subtree of its year (or the latest
 * earlier one), the institutions of X operating that day and the children enrolled in them, and rolls them up.
 * Set-wise reads through the owners' index.ts: nothing is pre-aggregated, so a write shows in the
 * next answer. X's institutions are those filed under a code inside X, and under an ended code
 * whose successor lies inside X; a province-sized database is then read a city (or a township)
 * at a time. Undefined when X is not in the tree that day, known from the tree alone.
 */
export async function findCityOn(db: Db, date: string, code: string): Promise<CityOn | undefined> {
  return cityOn(db, date, code, await readBackdrop(db, code, date, date));
}

/** X on each of `dates` (ascending), as `findCityOn` answers for each, reading the tree, mergers and population once. */
export async function findCityOnEach(db: Db, dates: readonly string[], code: string): Promise<(CityOn | undefined)[]> {
  const first = dates[0];
  const last = dates.at(-1);
  if (first === undefined || last === undefined) return [];
  const backdrop = await readBackdrop(db, code, first, last);
  const cities: (CityOn | undefined)[] = [];
  // A few dates at a time: one answer's reads overlap the next's without taking the whole pool.
  for (let i = 0; i < dates.length; i += SERIES_READS_AT_ONCE) {
    cities.push(...(await Promise.all(dates.slice(i, i + SERIES_READS_AT_ONCE).map((date) => cityOn(db, date, code, backdrop)))));
  }
  return cities;
}

const SERIES_READS_AT_ONCE = 4;

async function cityOn(db: Db, date: string, code: string, backdrop: Backdrop): Promise<CityOn | undefined> {
  const { successors } = backdrop;
  const rows = backdrop.rows.filter((r) => r.valid_from <= date && (r.valid_to === null || r.valid_to > date));
  const inTree = new Set(rows.map((r) => r.code));
  if (!inTree.has(code)) return undefined;
  const mergedInto = [...successors.keys()].filter((ended) => {
    const home = resolveDivision(ended, (c) => inTree.has(c), successors);
    return home !== null && isWithinDivision(home, code);
  });
  const [population, institutions] = await Promise.all([
    backdrop.populationOf(Number(date.slice(0, 4))),
    findOperatingInstitutions(db, date, { prefix: divisionPrefix(code), codes: mergedInto }),
  ]);
  const enrolled = await countEnrolledOn(
    db,
    date,
    institutions.map((i) => i.id),
  );
  const divisions: Division[] = rows.map((r) => ({
    code: r.code,
    name: r.name,
    parentCode: r.parent_code,
    level: r.level as Division['level'],
    lat: r.lat,
    lng: r.lng,
  }));
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  return withInstitutions(
    {
      date,
      division: byCode.get(code) as Division,
      divisions,
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
export async function loadCityOn(db: Db, date: string, code: string, scope: Scope | null): Promise<CityOn> {
  if (scope !== null && !divisionInScope(scope, code)) throw new AppError('NOT_FOUND');
  const city = await findCityOn(db, date, code);
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
