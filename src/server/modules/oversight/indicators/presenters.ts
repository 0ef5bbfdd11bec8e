import { computeIndicators, type IndicatorTargets } from '../../../../domain/oversight/indicators.ts';
import type { CityOn, Division } from '../common/cityOn.ts';
import type { DivisionIndicators } from './schemas.ts';

/** Shares to 4 decimals: a percentage with two, without float tails like 0.30000000000000004. */
const share = (r: number | null) => (r === null ? null : Math.round(r * 10_000) / 10_000);

export function presentIndicators(city: CityOn, division: Division, targets: IndicatorTargets): DivisionIndicators {
  const counts = city.counts.get(division.code);
  if (!counts) throw new Error(`division ${division.code} is not in the tree of ${city.date}`);
  const all = computeIndicators(counts, targets);
  return {
    divisionCode: division.code,
    name: division.name,
    level: division.level,
    population: all.population,
    under3Population: all.under3Population,
    places: all.places,
    placesPer1000: all.placesPer1000,
    inclusivePlaces: all.inclusivePlaces,
    inclusiveShare: share(all.inclusiveShare),
    enrolled: all.enrolled,
    occupancy: share(all.occupancy),
    enrolmentRate: share(all.enrolmentRate),
    townships: all.townships,
    townshipsWithInclusive: all.townshipsWithInclusive,
    townshipCoverage: share(all.townshipCoverage),
    placesNeeded: all.placesNeeded,
  };
}
