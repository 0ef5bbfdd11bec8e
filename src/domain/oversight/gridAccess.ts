import { type AccessInput, computeAccess, DEFAULT_DESERT_THRESHOLD_PER100 } from './access.ts';
import type { DistanceSource, GeoPoint } from './distance.ts';

/** 人口网格单元 — one cell of a city's population grid: the under-3s counted at a point. */
export interface GridCell extends GeoPoint {
  under3: number;
}

/** A township of the city at its reference point. */
export interface TownshipPoint<TId> extends GeoPoint {
  id: TId;
}

export interface GridAccessInput<TId, SId> extends Omit<AccessInput<number, SId>, 'demand' | 'nearestCount'> {
  cells: readonly GridCell[];
  /** Every township of the city with a reference point: a cell belongs to the nearest of them. */
  cityTownships: readonly TownshipPoint<TId>[];
  /** The townships of the area asked about; cells of other townships are left out. */
  inArea: (id: TId) => boolean;
}

export interface GridAccessResult<TId> {
  /** One per township of the area, in the order given; a township with no cell has no children and 0. */
  townships: { id: TId; under3: number; accessPer100: number }[];
  cells: (GridCell & { township: TId; accessPer100: number })[];
  supplyCounted: number;
  deserts: TId[];
  /** Under-3s in cells below the threshold. */
  childrenInDeserts: number;
}

/**
 * The township a cell belongs to. Divisions have no boundaries in tuoyu, so the nearest
 * reference point stands in for "inside": an approximation that is close for compact townships
 * and may give a cell near a border to the neighbour.
 */
export function nearestTownship<TId>(cell: GeoPoint, townships: readonly TownshipPoint<TId>[], distance: DistanceSource): TId | undefined {
  let best: TId | undefined;
  let bestKm = Number.POSITIVE_INFINITY;
  for (const t of townships) {
    const km = distance.km(cell, t);
    if (km < bestKm) {
      best = t.id;
      bestKm = km;
    }
  }
  return best;
}

/**
 * 2SFCA over the cells of a population grid that belong to the area's townships; each
 * township's access is the under-3-weighted mean of its cells', so Σ under3 × accessPer100 / 100
 * over the townships still equals the places counted.
 */
export function computeGridAccess<TId, SId>(input: GridAccessInput<TId, SId>): GridAccessResult<TId> {
  const { cells, cityTownships, inArea, ...access } = input;
  const threshold = input.desertThresholdPer100 ?? DEFAULT_DESERT_THRESHOLD_PER100;
  const mine = cells.flatMap((cell) => {
    const township = nearestTownship(cell, cityTownships, input.distance);
    return township !== undefined && inArea(township) ? [{ ...cell, township }] : [];
  });
  const result = computeAccess({
    ...access,
    demand: mine.map((c, k) => ({ id: k, lat: c.lat, lng: c.lng, under3: c.under3 })),
    nearestCount: 0,
  });

  const sums = new Map<TId, { under3: number; shared: number }>();
  const graded = mine.map((cell, k) => {
    const accessPer100 = result.points[k]?.accessPer100 ?? 0;
    const sum = sums.get(cell.township) ?? { under3: 0, shared: 0 };
    sums.set(cell.township, { under3: sum.under3 + cell.under3, shared: sum.shared + cell.under3 * accessPer100 });
    return { ...cell, accessPer100 };
  });
  const townships = cityTownships
    .filter((t) => inArea(t.id))
    .map((t) => {
      const sum = sums.get(t.id) ?? { under3: 0, shared: 0 };
      return { id: t.id, under3: sum.under3, accessPer100: sum.under3 > 0 ? sum.shared / sum.under3 : 0 };
    });
  const desertCells = new Set(result.deserts);
  return {
    townships,
    cells: graded,
    supplyCounted: result.supplyCounted,
    deserts: townships.filter((t) => t.under3 > 0 && t.accessPer100 < threshold).map((t) => t.id),
    childrenInDeserts: graded.reduce((sum, c, k) => sum + (desertCells.has(k) ? c.under3 : 0), 0),
  };
}
