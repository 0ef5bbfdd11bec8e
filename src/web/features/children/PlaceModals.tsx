import type { InstitutionPlace } from '../enrollment/api';
import { EndPlaceModal } from './EndPlaceModal';
import { TransferPlaceModal } from './TransferPlaceModal';

/** What the director is doing to a place; `reason` and `endDate` prefill leaving at 3 from the age-move list. */
export type PlaceAction =
  | { kind: 'transfer'; place: InstitutionPlace }
  | { kind: 'end'; place: InstitutionPlace; reason?: string; endDate?: string };

/** Mounted only while acting, so each opening starts from a fresh form. */
export function PlaceModals({
  institutionId,
  acting,
  onClose,
}: {
  institutionId: string;
  acting: PlaceAction | null;
  onClose: () => void;
}) {
  if (!acting) return null;
  if (acting.kind === 'transfer') return <TransferPlaceModal institutionId={institutionId} place={acting.place} onClose={onClose} />;
  return (
    <EndPlaceModal
      institutionId={institutionId}
      place={acting.place}
      defaults={{ reason: acting.reason, endDate: acting.endDate }}
      onClose={onClose}
    />
  );
}
