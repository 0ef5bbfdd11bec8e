import { type ClassSettings, type ClassType, classRule } from '../classes/classTypes.ts';

export type ClassLoad = {
  classType: ClassType;
  /** Places the institution set for the class. */
  capacity: number;
  /** Qualified caregivers assigned to the class. */
  caregivers: number;
  /** Children enrolled now. */
  enrolled: number;
  /** Offers standing in the class (made, not yet accepted, declined or expired); each holds a place. */
  openOffers?: number;
};

/**
 * The one vacancy rule (余位): places that can still be offered in a class — the least of its own
 * capacity, the national maximum class size and what its caregivers may look after at the
 * national ratio (托育机构设置标准（试行）2019), less the children enrolled and the offers
 * standing. Never negative. The server refuses offers by it and every page that shows vacancies
 * (the board, the offer picker, the public profile, the search) counts with it, so what a page
 * advertises can be offered.
 */
export function placesLeft(load: ClassLoad, settings?: ClassSettings): number {
  const rule = classRule(load.classType, settings);
  const limit = Math.min(load.capacity, rule.maxChildren, load.caregivers * rule.childrenPerCaregiver);
  return Math.max(0, limit - load.enrolled - (load.openOffers ?? 0));
}

/** Why a class cannot take one more child, or null when it can. */
export function placementBlocker(load: ClassLoad, settings?: ClassSettings): 'capacity' | 'ratio' | null {
  if (placesLeft(load, settings) > 0) return null;
  const rule = classRule(load.classType, settings);
  return load.caregivers * rule.childrenPerCaregiver < Math.min(load.capacity, rule.maxChildren) ? 'ratio' : 'capacity';
}
