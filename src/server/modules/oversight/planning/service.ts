import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { cityCodeOf, divisionPrefix, isWithinDivision } from '../../../../domain/geography/divisionCode.ts';
import { type AccessMethod, catchmentKmOf, computeAccess, type Weighting } from '../../../../domain/oversight/access.ts';
import { greatCircle } from '../../../../domain/oversight/distance.ts';
import { computeGridAccess, type GridCell } from '../../../../domain/oversight/gridAccess.ts';
import { placesPer1000, round2 } from '../../../../domain/oversight/indicators.ts';
import { resolveDivision } from '../../../../domain/oversight/rollup.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { findGridCells, hasGrid } from '../../geography/index.ts';
import { type CityOn, loadCityOn } from '../common/cityOn.ts';
import { type AccessSettings, findAccessSettings } from '../common/settings.ts';

export type AccessParams = { method: AccessMethod; catchmentKm?: number; decay: 'stepped' | 'gaussian' };

/** The weighting a request asks for; E2SFCA's stepped bands stretch with the catchment asked for. */
export function weightingOf(params: AccessParams, settings: AccessSettings): Weighting {
  if (params.method === '2sfca') return { kind: 'flat', catchmentKm: params.catchmentKm ?? settings.catchmentKm };
  const settingsEdge = Math.max(...settings.steps.map((s) => s.upToKm));
  const catchmentKm = params.catchmentKm ?? settingsEdge;
  if (params.decay === 'gaussian') return { kind: 'gaussian', catchmentKm };
  const scale = catchmentKm / settingsEdge;
  return { kind: 'stepped', steps: settings.steps.map((s) => ({ upToKm: s.upToKm * scale, weight: s.weight })) };
}

/**
 * Two-step floating catchment accessibility (src/domain/oversight/access.ts) over the townships
 * of X valid today, each weighted by its under-3 population at its reference point, or over the
 * cells of the city's population grid that belong to X's townships; and the institutions
 * operating in X. Institutions beyond X's border are not counted: X's answer then shares out
 * exactly X's places, and Σ under3 × accessPer100 / 100 = supplyCounted holds.
 */
export async function getAccess(deps: Deps, scope: Scope, code: string, params: AccessParams & { demand: 'townships' | 'grid' }) {
  const today = todayInShanghai(deps.clock.now());
  const cityCode = cityCodeOf(code);
  // The whole city's tree: a grid cell belongs to the nearest of all the city's townships.
  const [city, settings] = await Promise.all([
    loadCityOn(deps.db, today, code, scope, divisionPrefix(cityCode)),
    findAccessSettings(deps.db),
  ]);
  const cells = params.demand === 'grid' ? await findGridCells(deps.db, cityCode) : undefined;
  // A grid has at least one cell, so its cells say whether it exists.
  if (cells?.length === 0) throw new AppError('POPULATION_GRID_MISSING');
  return {
    ...accessOf(city, code, weightingOf(params, settings), settings.desertThresholdPer100, params.method, cells),
    gridAvailable: cells !== undefined || (await hasGrid(deps.db, cityCode)),
  };
}

type Located = CityOn['divisions'][number] & { lat: number; lng: number };
const isLocated = (d: CityOn['divisions'][number]): d is Located => d.lat !== null && d.lng !== null;

/**
 * X's accessibility; with `cells`, the grid's cells are the demand points and each township gets
 * the under-3-weighted mean of its cells, while its places in reach and nearest institutions stay
 * those of its reference point.
 */
export function accessOf(
  city: CityOn,
  code: string,
  weighting: Weighting,
  desertThresholdPer100: number,
  method: AccessParams['method'],
  cells?: GridCell[],
) {
  const townships = city.divisions.filter((d) => d.level === 'township' && isWithinDivision(d.code, code));
  const located = townships.filter(isLocated);
  // Where the indicators count it: an institution filed under a merged code counts in its successor.
  const countsIn = (divisionCode: string) => resolveDivision(divisionCode, (c) => city.byCode.has(c), city.successors);
  const institutions = city.institutions.filter((i) => {
    const home = countsIn(i.divisionCode);
    return i.places > 0 && Number.isFinite(i.lat) && Number.isFinite(i.lng) && home !== null && isWithinDivision(home, code);
  });
  const supply = institutions.map((i) => ({ id: i.id, lat: i.lat, lng: i.lng, places: i.places }));
  const result = computeAccess({
    demand: located.map((d) => ({ id: d.code, lat: d.lat, lng: d.lng, under3: city.counts.get(d.code)?.under3Population ?? 0 })),
    supply,
    weighting,
    distance: greatCircle,
    desertThresholdPer100,
  });
  const cityCode = cityCodeOf(code);
  const byGrid =
    cells &&
    computeGridAccess({
      cells,
      cityTownships: city.divisions
        .filter((d) => d.level === 'township' && isWithinDivision(d.code, cityCode))
        .filter(isLocated)
        .map((d) => ({ id: d.code, lat: d.lat, lng: d.lng })),
      inArea: (id) => isWithinDivision(id, code),
      supply,
      weighting,
      distance: greatCircle,
      desertThresholdPer100,
    });
  const gridTownships = new Map(byGrid?.townships.map((t) => [t.id, t]));
  const names = new Map(institutions.map((i) => [i.id, i.name]));
  const points = result.points.map((p, i) => {
    const township = located[i] as Located;
    const graded = gridTownships.get(p.id) ?? p;
    const counts = city.counts.get(p.id);
    return {
      divisionCode: p.id,
      name: township.name,
      lat: township.lat,
      lng: township.lng,
      places: counts?.places ?? 0,
      placesPer1000: placesPer1000(counts?.places ?? 0, counts?.population ?? 0),
      coveredByInclusive: (counts?.townshipsWithInclusive ?? 0) > 0,
      under3: graded.under3,
      accessPer100: round2(graded.accessPer100),
      placesInReach: p.placesInReach,
      nearestInstitutions: p.nearest.map((n) => ({ id: n.id, name: names.get(n.id) ?? '', km: round2(n.km) })),
    };
  });
  const deserts = byGrid?.deserts ?? result.deserts;
  return {
    method,
    demand: byGrid ? ('grid' as const) : ('townships' as const),
    catchmentKm: catchmentKmOf(weighting),
    weights: weighting.kind === 'stepped' ? { kind: weighting.kind, steps: weighting.steps } : { kind: weighting.kind },
    desertThresholdPer100,
    points,
    supplyCounted: byGrid?.supplyCounted ?? result.supplyCounted,
    deserts,
    childrenInDeserts:
      byGrid?.childrenInDeserts ?? points.filter((p) => deserts.includes(p.divisionCode)).reduce((sum, p) => sum + p.under3, 0),
    ...(byGrid && { cells: byGrid.cells.map((c) => ({ lat: c.lat, lng: c.lng, under3: c.under3, accessPer100: round2(c.accessPer100) })) }),
    unlocated: townships.filter((d) => !isLocated(d)).map((d) => d.code),
  };
}
