import type { Kysely } from 'kysely';
import type { ClassType } from '../../../src/domain/classes/classTypes.ts';
import type { DB } from '../../../src/server/db/schema.ts';
import { createUser } from './users.ts';

/** A birth date that puts a child in the class type on the test clock's day (2026-11-29). */
export const BIRTH_DATE_FOR: Record<ClassType, string> = {
  infant: '2026-02-10',
  toddler: '2025-05-10',
  older_toddler: '2024-05-10',
  mixed: '2024-11-10',
};

let classes = 0;
let children = 0;

/**
 * A class as filed (so placement and vacancies count it), with caregivers on the roster and
 * assigned to it, inserted directly: tests of daily care do not go through the filing workflow.
 */
export async function createClass(
  db: Kysely<DB>,
  institutionId: string,
  options: { classType?: ClassType; capacity?: number; caregivers?: number; name?: string } = {},
) {
  classes += 1;
  const classType = options.classType ?? 'toddler';
  const name = options.name ?? `测试${classes}班`;
  const capacity = options.capacity ?? 15;
  const cls = await db
    .insertInto('institution_classes')
    .values({
      institution_id: institutionId,
      class_type: classType,
      name,
      capacity,
      filed_class_type: classType,
      filed_name: name,
      filed_capacity: capacity,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const caregivers = options.caregivers ?? 3;
  if (caregivers > 0) {
    const staff = await db
      .insertInto('institution_staff')
      .values(
        Array.from({ length: caregivers }, (_, i) => ({
          institution_id: institutionId,
          name: `保育员${classes}-${i + 1}`,
          role: 'caregiver',
        })),
      )
      .returning('id')
      .execute();
    await db
      .insertInto('class_caregivers')
      .values(staff.map((s) => ({ class_id: cls.id, staff_id: s.id })))
      .execute();
  }
  return { id: cls.id, classType, name, institutionId };
}

export type EnrolledChild = {
  childId: string;
  classId: string;
  enrolmentId: string;
  guardianUserId: string;
  name: string;
  birthDate: string;
};

/**
 * A child with a guardian (consent recorded) and an active enrollment, inserted directly rather
 * than through applications, so care tests depend only on the tables.
 */
export async function createEnrolledChild(
  db: Kysely<DB>,
  options: {
    institutionId: string;
    classId?: string;
    classType?: ClassType;
    guardianUserId?: string;
    name?: string;
    birthDate?: string;
    startDate?: string;
    endDate?: string | null;
  },
): Promise<EnrolledChild> {
  children += 1;
  const classType = options.classType ?? 'toddler';
  const classId = options.classId ?? (await createClass(db, options.institutionId, { classType })).id;
  const guardianUserId = options.guardianUserId ?? (await createUser(db, { role: 'parent' })).id;
  const institution = await db
    .selectFrom('institutions')
    .select('division_code')
    .where('id', '=', options.institutionId)
    .executeTakeFirstOrThrow();
  const name = options.name ?? `幼儿${children}`;
  const birthDate = options.birthDate ?? BIRTH_DATE_FOR[classType];
  const child = await db
    .insertInto('children')
    .values({
      name,
      sex: children % 2 ? 'male' : 'female',
      birth_date: birthDate,
      residence_division_code: institution.division_code,
      created_by: guardianUserId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('child_guardians')
    .values({
      child_id: child.id,
      user_id: guardianUserId,
      relation: 'mother',
      consent_version: 'test',
      consented_at: new Date('2026-01-01T00:00:00Z'),
    })
    .execute();
  const enrolment = await db
    .insertInto('enrolments')
    .values({
      child_id: child.id,
      institution_id: options.institutionId,
      class_id: classId,
      start_date: options.startDate ?? '2026-09-01',
      end_date: options.endDate ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { childId: child.id, classId, enrolmentId: enrolment.id, guardianUserId, name, birthDate };
}
