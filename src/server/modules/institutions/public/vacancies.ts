import type { ClassType } from '../../../../domain/classes/classTypes.ts';
import { placesLeft } from '../../../../domain/enrollment/placement.ts';

/** A filed class as the public pages read it, with its counts (null where the view has no row). */
export type FiledClassLoad = {
  filed_class_type: string | null;
  filed_capacity: number | null;
  archived_at: Date | null;
  caregivers: number;
  enrolled: number | null;
  open_offers: number | null;
};

/**
 * What the profile and the search advertise for a filed class: the places it can offer by the
 * one vacancy rule, so a family never sees a place the director cannot offer. A class removed
 * from the plan stays listed until the change is filed but offers nothing.
 */
export function filedClassVacancies(c: FiledClassLoad): number {
  if (c.archived_at !== null || c.filed_capacity === null) return 0;
  return placesLeft({
    classType: c.filed_class_type as ClassType,
    capacity: c.filed_capacity,
    caregivers: c.caregivers,
    enrolled: c.enrolled ?? 0,
    openOffers: c.open_offers ?? 0,
  });
}
