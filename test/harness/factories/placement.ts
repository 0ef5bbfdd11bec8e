import type { Kysely } from 'kysely';
import type { DB } from '../../../src/server/db/schema.ts';
import { markFiled, nextCreditCode } from './institutions.ts';

type ClassSpec = { classType: 'infant' | 'toddler' | 'older_toddler' | 'mixed'; capacity: number; caregivers: number; name?: string };

/**
 * A filed institution in a township with filed classes and caregivers assigned, written
 * straight to the tables so enrollment tests do not depend on the filing workflow.
 */
export async function createFiledInstitution(db: Kysely<DB>, townshipCode: string, classes: ClassSpec[], name = '测试托育中心') {
  const institution = await db
    .insertInto('institutions')
    .values({ name, division_code: townshipCode })
    .returning('id')
    .executeTakeFirstOrThrow();
  return fileWithClasses(db, institution.id, townshipCode, classes);
}

/**
 * Makes an institution (a role world's, say) filed with these classes and their caregivers; its
 * filed version is published as a filing would, so families find it and may apply.
 */
export async function fileWithClasses(db: Kysely<DB>, institutionId: string, townshipCode: string, classes: ClassSpec[]) {
  await db
    .updateTable('institutions')
    .set({
      credit_code: nextCreditCode(),
      operator_type: 'private_nonprofit',
      address: '测试路2号',
      lat: 34.6,
      lng: 119.2,
      indoor_area_m2: 400,
      outdoor_area_m2: 200,
      fee_infant_fen: 250_000,
      fee_toddler_fen: 220_000,
      fee_older_toddler_fen: 200_000,
      fee_mixed_fen: 210_000,
    })
    .where('id', '=', institutionId)
    .execute();
  const classIds: string[] = [];
  for (const [i, spec] of classes.entries()) {
    const className = spec.name ?? `${spec.classType}-${i + 1}`;
    const cls = await db
      .insertInto('institution_classes')
      .values({
        institution_id: institutionId,
        class_type: spec.classType,
        name: className,
        capacity: spec.capacity,
        filed_class_type: spec.classType,
        filed_name: className,
        filed_capacity: spec.capacity,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let c = 0; c < spec.caregivers; c++) {
      const staff = await db
        .insertInto('institution_staff')
        .values({ institution_id: institutionId, name: `保育员${i}-${c}`, role: 'caregiver' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('class_caregivers').values({ class_id: cls.id, staff_id: staff.id }).execute();
    }
    classIds.push(cls.id);
  }
  await markFiled(db, institutionId, townshipCode);
  return { institutionId, classIds };
}

/** Children already holding places in a class (guardian: `guardianId`). */
export async function fillClass(
  db: Kysely<DB>,
  classId: string,
  institutionId: string,
  count: number,
  birthDate: string,
  guardianId: string,
  townshipCode: string,
) {
  for (let i = 0; i < count; i++) {
    const child = await db
      .insertInto('children')
      .values({
        name: `在托${i}`,
        sex: i % 2 ? 'male' : 'female',
        birth_date: birthDate,
        residence_division_code: townshipCode,
        created_by: guardianId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('enrolments')
      .values({ child_id: child.id, institution_id: institutionId, class_id: classId, start_date: '2026-09-01' })
      .execute();
  }
}
