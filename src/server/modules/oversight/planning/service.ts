import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { isWithinDivision } from '../../../../domain/geography/divisionCode.ts';
import { computeAccess, type Weighting } from '../../../../domain/oversight/access.ts';
import { greatCircle } from '../../../../domain/oversight/distance.ts';
import { placesPer1000, round2 } from '../../../../domain/oversight/indicators.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type CityOn, type Division, getDivisionInScope, loadCityOn } from '../common/cityOn.ts';
import { type AccessSettings, findAccessSettings } from '../common/settings.ts';

export type AccessParams = { method: '2sfca' | 'e2sfca'; catchmentKm?: number; decay: 'stepped' | 'gaussian' };

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
 * of X valid today, each weighted by its under-3 population at its reference point, and the
 * institutions operating in X. Institutions beyond X's border are not counted: X's answer then
 * shares out exactly X's places, and Σ under3 × accessPer100 / 100 = supplyCounted holds.
 */
export async function getAccess(deps: Deps, scope: Scope, code: string, params: AccessParams) {
  const today = todayInShanghai(deps.clock.now());
  const [city, settings] = await Promise.all([loadCityOn(deps.db, today), findAccessSettings(deps.db)]);
  getDivisionInScope(city, scope, code);
  return accessOf(city, code, weightingOf(params, settings), settings.desertThresholdPer100, params.method);
}

type LocatedDivision = Division & { lat: number; lng: number };

export function accessOf(city: CityOn, code: string, weighting: Weighting, desertThresholdPer100: number, method: AccessParams['method']) {
  const townships = city.divisions.filter((d) => d.level === 'township' && isWithinDivision(d.code, code));
  const located = townships.filter((d): d is LocatedDivision => d.lat !== null && d.lng !== null);
  const locatedByCode = new Map(located.map((d) => [d.code, d]));
  const institutions = city.institutions.filter(
    (i) => i.places > 0 && Number.isFinite(i.lat) && Number.isFinite(i.lng) && isWithinDivision(i.divisionCode, code),
  );
  const result = computeAccess({
    demand: located.map((d) => ({
      id: d.code,
      lat: d.lat,
      lng: d.lng,
      under3: city.counts.get(d.code)?.under3Population ?? 0,
    })),
    supply: institutions.map((i) => ({ id: i.id, lat: i.lat, lng: i.lng, places: i.places })),
    weighting,
    distance: greatCircle,
    desertThresholdPer100,
  });
  const names = new Map(institutions.map((i) => [i.id, i.name]));
  return {
    method,
    catchmentKm: weighting.kind === 'stepped' ? Math.max(...weighting.steps.map((s) => s.upToKm)) : weighting.catchmentKm,
    weights: weighting.kind === 'stepped' ? { kind: weighting.kind, steps: weighting.steps } : { kind: weighting.kind },
    desertThresholdPer100,
    points: result.points.map((p) => {
      const township = locatedByCode.get(p.id) as LocatedDivision;
      const counts = city.counts.get(p.id);
      return {
        divisionCode: p.id,
        name: township.name,
        lat: township.lat,
        lng: township.lng,
        places: counts?.places ?? 0,
        placesPer1000: placesPer1000(counts?.places ?? 0, counts?.population ?? 0),
        coveredByInclusive: (counts?.townshipsWithInclusive ?? 0) > 0,
        under3: p.under3,
        accessPer100: round2(p.accessPer100),
        placesInReach: p.placesInReach,
        nearestInstitutions: p.nearest.map((n) => ({ id: n.id, name: names.get(n.id) ?? '', km: round2(n.km) })),
      };
    }),
    supplyCounted: result.supplyCounted,
    deserts: result.deserts,
    unlocated: townships.filter((d) => d.lat === null || d.lng === null).map((d) => d.code),
  };
}
