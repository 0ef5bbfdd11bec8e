import { monthRange, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { childrenOf } from '../../../../domain/oversight/rollup.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { divisionInScope } from '../../../platform/access/visibility.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { type CityOn, type Division, findCityOnEach, loadCityOn } from '../common/cityOn.ts';
import { findTargets } from '../common/settings.ts';
import { type ExportRow, indicatorsWorkbook } from './excel.ts';
import { presentIndicators } from './presenters.ts';

/** A series longer than this is refused: five years of months is what a progress chart shows. */
export const MAX_SERIES_MONTHS = 60;

/** X's indicators as of a date and those of each of its children, over the tree valid that day. */
export async function getIndicators(deps: Deps, scope: Scope | null, code: string, date?: string) {
  const asOf = date ?? todayInShanghai(deps.clock.now());
  const [city, targets] = await Promise.all([loadCityOn(deps.db, asOf, code, scope), findTargets(deps.db)]);
  const division = city.division;
  return {
    ...presentIndicators(city, division, targets),
    asOf,
    children: childrenOf(city.divisions, code).map((child) => presentIndicators(city, child, targets)),
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
export async function getPublicIndicators(deps: Deps, code: string) {
  const asOf = todayInShanghai(deps.clock.now());
  const [city, targets] = await Promise.all([loadCityOn(deps.db, asOf, code, null), findTargets(deps.db)]);
  const division = city.division;
  if (division.level === 'township') throw new AppError('NOT_FOUND');
  const pick = (d: typeof division) => {
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
  const children = division.level === 'city' ? childrenOf(city.divisions, code).map(pick) : [];
  return {
    ...pick(division),
    asOf,
    children,
    targets: { placesPer1000: targets.placesPer1000, townshipCoverage: targets.townshipCoverage },
  };
}
