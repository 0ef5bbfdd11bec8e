import type { ClassType } from '../classes/classTypes.ts';

/**
 * Key facts: a change to any of them on a filed institution is filed again and reviewed
 * before the public sees it (托育机构登记和备案办法（试行）: name, address, operator and
 * capacity, widened to what the filing proves — the credit code, the premises and their
 * areas, meals, and the class plan), and the public text (facilities, description): a director
 * account must not be able to publish words to every family in the city unreviewed. Fees,
 * hours, service forms, contact phone and photos are published at once.
 */
export const KeyFact = [
  'name',
  'creditCode',
  'operatorType',
  'address',
  'divisionCode',
  'location',
  'indoorAreaM2',
  'outdoorAreaM2',
  'servesMeals',
  'facilities',
  'description',
  'classes',
] as const;
export type KeyFact = (typeof KeyFact)[number];

export type KeyFactValues = {
  name: string;
  creditCode: string | null;
  operatorType: string | null;
  address: string | null;
  divisionCode: string;
  location: { lat: number; lng: number } | null;
  indoorAreaM2: number | null;
  outdoorAreaM2: number | null;
  servesMeals: boolean;
  facilities: string[];
  description: string;
  /** Classes in the plan, in any order. */
  classes: { id: string; classType: ClassType; name: string; capacity: number }[];
};

function sameClasses(a: KeyFactValues['classes'], b: KeyFactValues['classes']): boolean {
  const key = (c: KeyFactValues['classes'][number]) => `${c.id}|${c.classType}|${c.name}|${c.capacity}`;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((k, i) => k === right[i]);
}

/** Key facts whose working value differs from the filed one. */
export function changedKeyFacts(working: KeyFactValues, filed: KeyFactValues): KeyFact[] {
  return KeyFact.filter((fact) => {
    if (fact === 'classes') return !sameClasses(working.classes, filed.classes);
    if (fact === 'facilities') return working.facilities.join('\n') !== filed.facilities.join('\n');
    if (fact === 'location') return working.location?.lat !== filed.location?.lat || working.location?.lng !== filed.location?.lng;
    return working[fact] !== filed[fact];
  });
}
