import type { Kysely } from 'kysely';
import type { DB } from '../../../src/server/db/schema.ts';

type ClassSpec = { classType: 'infant' | 'toddler' | 'older_toddler' | 'mixed'; capacity: number; caregivers: number; name?: string };

/**
 * A filed institution in a township with filed classes and caregivers assigned, written
 * straight to the tables so enrollment tests do not depend on the filing workflow.
 */
export async function createFiledInstitution(db: Kysely<DB>, townshipCode: string, classes: ClassSpec[], name = '测试托育中心') {
  const institution = await db
    .insertInto('institutions')
    .values({
      name,
      division_code: townshipCode,
      status: 'filed',
      fee_infant_fen: 250_000,
      fee_toddler_fen: 220_000,
      fee_older_toddler_fen: 200_000,
      fee_mixed_fen: 210_000,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const classIds: string[] = [];
  for (const [i, spec] of classes.entries()) {
    const className = spec.name ?? `${spec.classType}-${i + 1}`;
    const cls = await db
      .insertInto('institution_classes')
      .values({
        institution_id: institution.id,
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
        .values({ institution_id: institution.id, name: `保育员${i}-${c}`, role: 'caregiver' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('class_caregivers').values({ class_id: cls.id, staff_id: staff.id }).execute();
    }
    classIds.push(cls.id);
  }
  return { institutionId: institution.id, classIds };
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
