import { monthRange, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import type { IndicatorTargets } from '../../../../domain/oversight/indicators.ts';
import { childrenOf } from '../../../../domain/oversight/rollup.ts';
import type { Db } from '../../../db/executor.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { divisionInScope } from '../../../platform/access/visibility.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { geographyDataVersion } from '../../geography/index.ts';
import { institutionsDataVersion } from '../../institutions/index.ts';
import { type CityOn, type Division, findCityOnEach, loadCityOn } from '../common/cityOn.ts';
import { findTargets } from '../common/settings.ts';
import type { AnswerCache } from './answerCache.ts';
import { type ExportRow, indicatorsWorkbook } from './excel.ts';
import { presentIndicators } from './presenters.ts';

/** A series longer than this is refused: five years of months is what a progress chart shows. */
export const MAX_SERIES_MONTHS = 60;

/** X's indicators as of a date and those of each of its children, over the tree valid that day. */
export async function getIndicators(deps: Deps, cache: IndicatorsCache, scope: Scope, code: string, date?: string) {
  const asOf = date ?? todayInShanghai(deps.clock.now());
  if (!divisionInScope(scope, code)) throw new AppError('NOT_FOUND');
  return cached(deps.db, cache, `${code}@${asOf}`, async (targets) => indicatorsOf(await loadCityOn(deps.db, asOf, code, scope), targets));
}

function indicatorsOf(city: CityOn, targets: IndicatorTargets) {
  return {
    ...presentIndicators(city, city.division, targets),
    asOf: city.date,
    children: childrenOf(city.divisions, city.division.code).map((child) => presentIndicators(city, child, targets)),
    targets,
  };
}

/**
 * The indicators workbook of X as of a date: X, then each child followed by its own subtree, so a
 * district's townships sit under it. Same scope as `getIndicators`.
 */
export async function exportIndicators(deps: Deps, scope: Scope, code: string, date?: string) {
  const asOf = date ?? todayInShanghai(deps.clock.now());
  const [city, targets] = await Promise.all([loadCityOn(deps.db, asOf, code, scope), findTargets(deps.db)]);
  const rows: ExportRow[] = [];
  const visit = (d: Division) => {
    rows.push({ ...presentIndicators(city, d, targets), ...levelNames(city, d) });
    for (const child of childrenOf(city.divisions, d.code)) visit(child);
  };
  visit(city.division);
  return { filename: `indicators-${code}-${asOf}.xlsx`, data: await indicatorsWorkbook(asOf, rows, targets) };
}

/** The names of the division and its ancestors, one per level; blank below the division's own. */
function levelNames(city: CityOn, division: Division) {
  const names = { city: '', district: '', township: '' };
  for (let d: Division | undefined = division; d; d = d.parentCode ? city.byCode.get(d.parentCode) : undefined) names[d.level] = d.name;
  return names;
}

export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const m = `${year}-${String(month).padStart(2, '0')}`;
    if (m > to) return months;
    months.push(m);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

/** Monthly values as of each month's last day; months when X was not in force carry null. */
export async function getIndicatorSeries(deps: Deps, scope: Scope, code: string, from: string, to: string) {
  const months = monthsBetween(from, to);
  if (months.length > MAX_SERIES_MONTHS) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'querystring.to', messageKey: 'months.span' }]);
  }
  if (!divisionInScope(scope, code)) throw new AppError('NOT_FOUND');
  const asOf = months.map((month) => monthRange(month).last);
  const [targets, cities] = await Promise.all([findTargets(deps.db), findCityOnEach(deps.db, asOf, code)]);
  const points = months.map((month, i) => {
    const city = cities[i];
    return { month, asOf: asOf[i] as string, values: city ? presentIndicators(city, city.division, targets) : null };
  });
  if (!points.some((p) => p.values !== null)) throw new AppError('NOT_FOUND');
  return { divisionCode: code, from, to, points, targets };
}

/**
 * Public transparency: the city's and its districts' places, places per 1,000, inclusive share
 * and township coverage today. Aggregates only; a township asks for nothing public here.
 */
export async function getPublicIndicators(deps: Deps, cache: PublicIndicatorsCache, code: string) {
  const asOf = todayInShanghai(deps.clock.now());
  return cached(deps.db, cache, `${code}@${asOf}`, async (targets) =>
    publicIndicatorsOf(await loadCityOn(deps.db, asOf, code, null), targets),
  );
}

function publicIndicatorsOf(city: CityOn, targets: IndicatorTargets) {
  const division = city.division;
  if (division.level === 'township') throw new AppError('NOT_FOUND');
  const pick = (d: Division) => {
    const all = presentIndicators(city, d, targets);
    return {
      divisionCode: all.divisionCode,
      name: all.name,
      level: all.level,
      places: all.places,
      placesPer1000: all.placesPer1000,
      inclusiveShare: all.inclusiveShare,
      townshipCoverage: all.townshipCoverage,
    };
  };
  const children = division.level === 'city' ? childrenOf(city.divisions, division.code).map(pick) : [];
  return {
    ...pick(division),
    asOf: city.date,
    children,
    targets: { placesPer1000: targets.placesPer1000, townshipCoverage: targets.townshipCoverage },
  };
}

export type IndicatorsCache = AnswerCache<ReturnType<typeof indicatorsOf>>;
export type PublicIndicatorsCache = AnswerCache<ReturnType<typeof publicIndicatorsOf>>;

/**
 * The answer for `key` (division and date) from the cache while every input it was computed from
 * reads the same version, else computed afresh. The versions are read before computing, so a
 * commit landing meanwhile leaves a stale stamp and the next answer computes again.
 */
async function cached<T>(db: Db, cache: AnswerCache<T>, key: string, compute: (targets: IndicatorTargets) => Promise<T>): Promise<T> {
  const [institutions, geography, targets] = await Promise.all([institutionsDataVersion(db), geographyDataVersion(db), findTargets(db)]);
  const stamp = `${institutions}:${geography}:${JSON.stringify(targets)}`;
  const hit = cache.get(key, stamp);
  if (hit !== undefined) return hit;
  const answer = await compute(targets);
  cache.set(key, stamp, answer);
  return answer;
}
