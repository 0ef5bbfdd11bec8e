import type { ClassType } from '../classes/classTypes.ts';
import type { IsoDate } from '../dates/shanghai.ts';
import type { Fen } from '../money/fen.ts';
import type { DesignationKind, DesignationLevel } from './vocabulary.ts';

export type DesignationTerm = {
  kind: DesignationKind;
  level: DesignationLevel | null;
  validFrom: IsoDate;
  /** Last day in force; null until revoked. */
  validTo: IsoDate | null;
  revokedOn: IsoDate | null;
  priceCaps?: Partial<Record<ClassType, Fen>>;
};

/** In force on `today`: started, not past its last day, not revoked on or before today. */
export function isCurrent(d: DesignationTerm, today: IsoDate): boolean {
  return d.validFrom <= today && (d.validTo === null || today <= d.validTo) && (d.revokedOn === null || d.revokedOn > today);
}

/** The inclusive (普惠) agreement in force, whose price caps apply; the latest one if several overlap. */
export function currentInclusive<T extends DesignationTerm>(designations: T[], today: IsoDate): T | undefined {
  return designations.filter((d) => d.kind === 'inclusive' && isCurrent(d, today)).sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
}
