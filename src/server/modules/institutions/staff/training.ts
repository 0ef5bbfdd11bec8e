import type { Expression, SqlBool } from 'kysely';
import type { IsoDate } from '../../../../domain/dates/shanghai.ts';
import type { Db } from '../../../db/executor.ts';

/**
 * What guidance's staff training needs of the roster: a member of staff with their institution,
 * and the expiry of each childcare qualification (`caregiver_qualification`) they hold.
 */
export type TrainingStaffMember = {
  id: string;
  name: string;
  role: string;
  institutionId: string;
  institutionName: string;
  divisionCode: string;
  /** Employed on the day asked (not left). */
  current: boolean;
  qualifications: { expiresOn: IsoDate | null; title: string | null; level: number | null }[];
};

async function withQualifications(
  db: Db,
  rows: {
    id: string;
    name: string;
    role: string;
    institution_id: string;
    institution_name: string;
    division_code: string;
    left_on: string | null;
  }[],
  today: IsoDate,
): Promise<TrainingStaffMember[]> {
  const ids = rows.map((r) => r.id);
  const certificates =
    ids.length === 0
      ? []
      : await db
          .selectFrom('staff_certificates')
          .select(['staff_id', 'expires_on', 'qualification_title', 'qualification_level'])
          .where('staff_id', 'in', ids)
          .where('kind', '=', 'caregiver_qualification')
          .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    divisionCode: r.division_code,
    current: r.left_on === null || r.left_on > today,
    qualifications: certificates
      .filter((c) => c.staff_id === r.id)
      .map((c) => ({
        expiresOn: c.expires_on as IsoDate | null,
        title: c.qualification_title,
        level: c.qualification_level,
      })),
  }));
}

function staffQuery(db: Db) {
  return db
    .selectFrom('institution_staff as s')
    .innerJoin('institutions as i', 'i.id', 's.institution_id')
    .select(['s.id', 's.name', 's.role', 's.institution_id', 'i.name as institution_name', 'i.division_code', 's.left_on']);
}

/** One member of staff, whether or not they are still employed; undefined when there is none. */
export async function findTrainingStaffMember(db: Db, staffId: string, today: IsoDate): Promise<TrainingStaffMember | undefined> {
  const rows = await staffQuery(db).where('s.id', '=', staffId).execute();
  return (await withQualifications(db, rows, today))[0];
}

/**
 * The staff employed on `today` of the institutions asked: by id (a director's own), or filed
 * institutions whose division code the caller's condition accepts (an official's district).
 */
export async function findCurrentTrainingStaff(
  db: Db,
  filter: { institutionIds: string[] } | { division: (column: string) => Expression<SqlBool> },
  today: IsoDate,
): Promise<TrainingStaffMember[]> {
  let query = staffQuery(db).where((eb) => eb.or([eb('s.left_on', 'is', null), eb('s.left_on', '>', today)]));
  if ('institutionIds' in filter) {
    if (filter.institutionIds.length === 0) return [];
    query = query.where('s.institution_id', 'in', filter.institutionIds);
  } else {
    query = query.where('i.status', '=', 'filed').where(filter.division('i.division_code'));
  }
  const rows = await query.orderBy('i.name').orderBy('s.name').limit(20_000).execute();
  return withQualifications(db, rows, today);
}
