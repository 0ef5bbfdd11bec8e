import type { Selectable } from 'kysely';
import type { IsoDate } from '../../../../domain/dates/shanghai.ts';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';
import { findStateRows } from './queries.ts';

export type InstitutionRow = Selectable<DB['institutions']>;
export type ClassRow = Selectable<DB['institution_classes']> & {
  caregiverIds: string[];
  enrolled: number;
  /** Offers standing in the class, each holding a place. */
  openOffers: number;
};
export type CertificateRow = Selectable<DB['staff_certificates']>;
export type StaffRow = Selectable<DB['institution_staff']> & { certificates: CertificateRow[]; classId: string | null };
export type FileRow = Selectable<DB['institution_files']>;
export type DesignationRow = Selectable<DB['institution_designations']>;
export type FiledRow = Selectable<DB['filed_institutions']>;
export type FilingSummaryRow = Omit<Selectable<DB['institution_filings']>, 'snapshot'>;

/** Everything known about one institution, read in a few set-wise queries. */
export type InstitutionState = {
  institution: InstitutionRow;
  /** Classes in the plan and classes archived from it (archived_at set). */
  classes: ClassRow[];
  /** Staff employed on `today`. */
  staff: StaffRow[];
  designations: DesignationRow[];
  filed: FiledRow | null;
  files: FileRow[];
  filings: FilingSummaryRow[];
};

/**
 * Loads the state of many institutions at once: the record page loads one, the registry list
 * a page, the compliance counts a whole district. Files and filing history only when asked.
 */
export async function loadStates(
  db: Db,
  institutionIds: string[],
  today: IsoDate,
  include: { files?: boolean; filings?: boolean } = {},
): Promise<Map<string, InstitutionState>> {
  const states = new Map<string, InstitutionState>();
  if (institutionIds.length === 0) return states;
  const { institutions, classes, caregivers, staff, designations, filed, enrolledPerClass, certificates, files, filings } =
    await findStateRows(db, institutionIds, today, include);
  const counts = new Map(enrolledPerClass.map((e) => [e.class_id, e]));
  const classOfStaff = new Map(caregivers.map((c) => [c.staff_id, c.class_id]));
  const caregiversOf = group(caregivers, (c) => c.class_id);
  const certificatesOf = group(certificates, (c) => c.staff_id);
  for (const institution of institutions) {
    states.set(institution.id, { institution, classes: [], staff: [], designations: [], filed: null, files: [], filings: [] });
  }
  const stateOf = (id: string) => states.get(id) as InstitutionState;
  for (const c of classes) {
    stateOf(c.institution_id).classes.push({
      ...c,
      caregiverIds: (caregiversOf.get(c.id) ?? []).map((x) => x.staff_id),
      enrolled: counts.get(c.id)?.enrolled ?? 0,
      openOffers: counts.get(c.id)?.open_offers ?? 0,
    });
  }
  for (const s of staff) {
    stateOf(s.institution_id).staff.push({ ...s, certificates: certificatesOf.get(s.id) ?? [], classId: classOfStaff.get(s.id) ?? null });
  }
  for (const d of designations) stateOf(d.institution_id).designations.push(d);
  for (const f of filed) stateOf(f.institution_id).filed = f;
  for (const f of files) stateOf(f.institution_id).files.push(f);
  for (const f of filings) stateOf(f.institution_id).filings.push(f);
  return states;
}

function group<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** Classes in the working plan (not archived). */
export function planClasses(state: InstitutionState): ClassRow[] {
  return state.classes.filter((c) => c.archived_at === null);
}
