import type { ClassType } from '../classes/classTypes.ts';
import { ageUpDate } from '../dates/childAge.ts';
import { compareIso, type IsoMonth, monthRange } from '../dates/shanghai.ts';

export type AgeMove = { kind: 'move_up'; months: 12 | 24; on: string; toClassType: ClassType } | { kind: 'leave'; on: string };

/**
 * The moves a child's age asks for in a month: at 12 months an infant class child moves to a
 * toddler class, at 24 months a toddler class child to an older-toddler class, and at 36 months
 * every child leaves (or moves to a kindergarten-attached class). Mixed classes take 18–36.
 */
export function ageMovesInMonth(birthDate: string, classType: ClassType, month: IsoMonth): AgeMove[] {
  const { first, last } = monthRange(month);
  const within = (d: string) => compareIso(d, first) >= 0 && compareIso(d, last) <= 0;
  const moves: AgeMove[] = [];
  const at12 = ageUpDate(birthDate, 12);
  const at24 = ageUpDate(birthDate, 24);
  const at36 = ageUpDate(birthDate, 36);
  if (classType === 'infant' && within(at12)) moves.push({ kind: 'move_up', months: 12, on: at12, toClassType: 'toddler' });
  if (classType === 'toddler' && within(at24)) moves.push({ kind: 'move_up', months: 24, on: at24, toClassType: 'older_toddler' });
  if (within(at36)) moves.push({ kind: 'leave', on: at36 });
  return moves;
}
