import type { DistanceSource, GeoPoint } from './distance.ts';

/**
 * Spatial accessibility by the two-step floating catchment area method (Luo & Wang 2003) and its
 * enhanced form with distance-decay weights (Luo & Qi 2009; Gaussian: Dai 2010):
 *   R_j = S_j / Σ_k P_k·W(d_kj),   A_i = Σ_j R_j·W(d_ij),
 * with A reported per 100 under-3s. Because every place of a counted institution is shared out to
 * the points that reach it, Σ P_i·A_i / 100 equals the places counted.
 */
export type AccessMethod = '2sfca' | 'e2sfca';

export interface WeightStep {
  /** Upper bound of the band, inclusive, in the distance source's unit. */
  upToKm: number;
  weight: number;
}

export type Weighting =
  | { kind: 'flat'; catchmentKm: number }
  | { kind: 'stepped'; steps: WeightStep[] }
  | { kind: 'gaussian'; catchmentKm: number };

/** Luo & Qi's bands scaled to a 3 km walk-and-drive catchment; the city can change them. */
export const DEFAULT_E2SFCA_STEPS: WeightStep[] = [
  { upToKm: 1, weight: 1 },
  { upToKm: 2, weight: 0.68 },
  { upToKm: 3, weight: 0.22 },
];

/** Fewer than one place per three children: the measure England uses for childcare deserts. */
export const DEFAULT_DESERT_THRESHOLD_PER100 = 33;

export function catchmentKmOf(w: Weighting): number {
  return w.kind === 'stepped' ? Math.max(0, ...w.steps.map((s) => s.upToKm)) : w.catchmentKm;
}

const GAUSS_EDGE = Math.exp(-0.5);

export function weightAt(w: Weighting, km: number): number {
  return weigher(w)(km);
}

/** The weight function of a weighting, its steps sorted once: a grid asks it millions of times. */
function weigher(w: Weighting): (km: number) => number {
  const steps = w.kind === 'stepped' ? [...w.steps].sort((a, b) => a.upToKm - b.upToKm) : [];
  return (km) => {
    if (km < 0) return 0;
    switch (w.kind) {
      case 'flat':
        return km <= w.catchmentKm ? 1 : 0;
      case 'stepped':
        return steps.find((s) => km <= s.upToKm)?.weight ?? 0;
      case 'gaussian':
        if (km > w.catchmentKm || w.catchmentKm <= 0) return 0;
        // Rescaled so the weight is 1 at the point and falls to exactly 0 at the catchment edge.
        return (Math.exp(-0.5 * (km / w.catchmentKm) ** 2) - GAUSS_EDGE) / (1 - GAUSS_EDGE);
    }
  };
}

export interface DemandPoint<Id = string> extends GeoPoint {
  id: Id;
  under3: number;
}

export interface SupplyPoint<Id = string> extends GeoPoint {
  id: Id;
  places: number;
}

export interface PointAccess<DId, SId> {
  id: DId;
  under3: number;
  /** Unrounded; presenters round. */
  accessPer100: number;
  /** Places of institutions within the catchment of this point, unweighted. */
  placesInReach: number;
  /** The nearest institutions whether in reach or not, so a desert links to where care is. */
  nearest: { id: SId; km: number }[];
}

export interface AccessResult<DId, SId> {
  points: PointAccess<DId, SId>[];
  /** Places of institutions that at least one demand point with children reaches. */
  supplyCounted: number;
  deserts: DId[];
}

export interface AccessInput<DId, SId> {
  demand: readonly DemandPoint<DId>[];
  supply: readonly SupplyPoint<SId>[];
  weighting: Weighting;
  distance: DistanceSource;
  desertThresholdPer100?: number;
  nearestCount?: number;
}

export function computeAccess<DId, SId>(input: AccessInput<DId, SId>): AccessResult<DId, SId> {
  const { demand, supply, distance } = input;
  const threshold = input.desertThresholdPer100 ?? DEFAULT_DESERT_THRESHOLD_PER100;
  const nearestCount = input.nearestCount ?? 3;
  const weight = weigher(input.weighting);

  // Only the pairs within reach are kept, not a full matrix: a city's grid has tens of
  // thousands of cells.
  const reach = demand.map((d) => {
    const pairs: { j: number; weight: number }[] = [];
    const nearest: { id: SId; km: number }[] = [];
    supply.forEach((s, j) => {
      const km = distance.km(d, s);
      const w = weight(km);
      if (w > 0) pairs.push({ j, weight: w });
      keepNearest(nearest, { id: s.id, km }, nearestCount);
    });
    return { pairs, nearest };
  });

  // Step 1: each institution's places over the weighted children who can reach it.
  const weightedDemand = supply.map(() => 0);
  demand.forEach((d, i) => {
    for (const { j, weight: w } of reach[i]?.pairs ?? []) weightedDemand[j] = (weightedDemand[j] ?? 0) + d.under3 * w;
  });
  const ratios = supply.map((s, j) => ((weightedDemand[j] ?? 0) > 0 ? s.places / (weightedDemand[j] as number) : 0));
  const supplyCounted = supply.reduce((sum, s, j) => sum + ((ratios[j] ?? 0) > 0 ? s.places : 0), 0);

  // Step 2: each point sums the ratios of the institutions it reaches.
  const points = demand.map((d, i) => {
    let access = 0;
    let placesInReach = 0;
    for (const { j, weight: w } of reach[i]?.pairs ?? []) {
      access += (ratios[j] ?? 0) * w;
      placesInReach += supply[j]?.places ?? 0;
    }
    return { id: d.id, under3: d.under3, accessPer100: access * 100, placesInReach, nearest: reach[i]?.nearest ?? [] };
  });

  const deserts = points.filter((p) => p.under3 > 0 && p.accessPer100 < threshold).map((p) => p.id);
  return { points, supplyCounted, deserts };
}

/** Keeps the `count` nearest seen so far, nearest first; of equal distances the one seen first. */
function keepNearest<SId>(nearest: { id: SId; km: number }[], candidate: { id: SId; km: number }, count: number) {
  if (count <= 0) return;
  if (nearest.length === count && candidate.km >= (nearest[count - 1] as { km: number }).km) return;
  let at = nearest.length;
  while (at > 0 && (nearest[at - 1] as { km: number }).km > candidate.km) at -= 1;
  nearest.splice(at, 0, candidate);
  if (nearest.length > count) nearest.pop();
}
