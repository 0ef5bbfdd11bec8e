import type { IsoDate } from '../dates/shanghai.ts';

/** `children` who held a place at an institution from `startDate` to `endDate` (its last day; null while they still do). */
export type PlacePeriod = { institutionId: string; startDate: IsoDate; endDate: IsoDate | null; children: number };

/**
 * Children holding a place on each of `dates` (ascending), per institution: started on or before
 * the day, not ended before it. Each period adds its children to the run of dates it covers.
 */
export function countHeldOnEach(periods: readonly PlacePeriod[], dates: readonly IsoDate[]): Map<string, number>[] {
  const steps = new Map<string, number[]>();
  for (const p of periods) {
    const first = firstIndexFrom(dates, p.startDate);
    const end = p.endDate === null ? dates.length : firstIndexAfter(dates, p.endDate);
    if (first >= end) continue;
    let step = steps.get(p.institutionId);
    if (!step) {
      step = new Array<number>(dates.length + 1).fill(0);
      steps.set(p.institutionId, step);
    }
    step[first] = (step[first] as number) + p.children;
    step[end] = (step[end] as number) - p.children;
  }
  const counts = dates.map(() => new Map<string, number>());
  for (const [id, step] of steps) {
    let held = 0;
    for (let i = 0; i < dates.length; i++) {
      held += step[i] as number;
      if (held > 0) counts[i]?.set(id, held);
    }
  }
  return counts;
}

/** The first index whose date is on or after `day` (dates.length when none). */
function firstIndexFrom(dates: readonly IsoDate[], day: IsoDate): number {
  let [lo, hi] = [0, dates.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((dates[mid] as IsoDate) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose date is after `day`. */
function firstIndexAfter(dates: readonly IsoDate[], day: IsoDate): number {
  let [lo, hi] = [0, dates.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((dates[mid] as IsoDate) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
