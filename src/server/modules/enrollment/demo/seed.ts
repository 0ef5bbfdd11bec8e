import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { ClassType } from '../../../../domain/classes/classTypes.ts';
import { addMonthsIso, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { placesLeft } from '../../../../domain/enrollment/placement.ts';
import { createPrng, type Prng } from '../../../../domain/random/prng.ts';
import type { DB } from '../../../db/schema.ts';
import { appendAudit, SYSTEM_CONTEXT } from '../../../platform/audit/auditLog.ts';
import { createAccounts } from '../../../platform/auth/accounts.ts';
import { findUserByPhone } from '../../../platform/auth/queries.ts';
import { CONSENT_VERSION, type DemoChildren, insertDemoChildren } from '../../children/index.ts';
import { findFeeRule } from '../statements/queries.ts';
import { writeStatements } from '../statements/writer.ts';
import { type CareChild, careDays } from './care.ts';
import { adultName, birthDateFor, childName, familyPhone, startDateFor, surnameOf } from './families.ts';
import { findDemoClasses, findStaffUser, insertDemoCare, insertDemoEnrollments } from './queries.ts';

export const GUIDANCE_CENTRE_NAME = '连云港市婴幼儿照护服务指导中心';
export const DEMO_PARENT_PHONE = '13900000005';

type DemoClass = Awaited<ReturnType<typeof findDemoClasses>>[number];

/**
 * How many children the demo puts in a class, never more than it may take (capacity, class size,
 * caregiver ratio: `placesLeft`). The guidance centre is full; about 4 in 10 town classes are
 * full and the rest 70–95%; township classes (镇, 乡) are a third to 60% full, the urban–rural
 * gap the city's 一乡镇一普惠 target is about.
 */
function childrenFor(prng: Prng, cls: DemoClass): number {
  const places = placesOf(cls);
  if (cls.institution_name === GUIDANCE_CENTRE_NAME) return places;
  const rural = /[镇乡]$/.test(cls.township_name ?? '');
  const share = rural ? prng.between(0.33, 0.6) : prng.next() < 0.4 ? 1 : prng.between(0.7, 0.95);
  return Math.min(places, Math.round(places * share));
}

function placesOf(cls: DemoClass): number {
  return placesLeft({
    classType: cls.filed_class_type as ClassType,
    capacity: cls.filed_capacity as number,
    caregivers: Number(cls.caregivers),
    enrolled: Number(cls.enrolled),
  });
}

/** The demo parent's child goes to the guidance centre's walking class (走走班) when it has room, else another. */
function demoParentClass(classes: DemoClass[]): string | undefined {
  const open = classes.filter((c) => c.institution_name === GUIDANCE_CENTRE_NAME && placesOf(c) > 0);
  const order: ClassType[] = ['toddler', 'older_toddler', 'mixed', 'infant'];
  return open.sort((a, b) => order.indexOf(a.filed_class_type as ClassType) - order.indexOf(b.filed_class_type as ClassType))[0]?.id;
}

export type EnrollmentDemo = { families: number; children: number; careDays: number; morningChecks: number; statements: number };

/**
 * The enrollment demo on top of the seeded institutions and classes: families with children
 * holding places at varying occupancy, the demo parent's child at the guidance centre, the
 * guidance centre's attendance and morning checks from the start of last month to yesterday,
 * and last month's fee statements. Runs inside the seed's transaction; rows go in by batch.
 */
export async function seedEnrollmentDemo(
  trx: Transaction<DB>,
  options: { now: Date; passwordHash: string; seed?: number },
): Promise<EnrollmentDemo> {
  const prng = createPrng(options.seed ?? 20_261_129);
  const today = todayInShanghai(options.now);
  const lastMonth = addMonthsIso(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const classes = await findDemoClasses(trx);
  const demoParent = await findUserByPhone(trx, DEMO_PARENT_PHONE);

  const users: { id: string; phone: string; name: string; password_hash: string }[] = [];
  const families: DemoChildren = { children: [], guardians: [], pickupPersons: [] };
  const { children, guardians, pickupPersons: pickup } = families;
  const enrollments = [];
  const careChildren: CareChild[] = [];
  const demoClassId = demoParent ? demoParentClass(classes) : undefined;
  let demoParentPlaced = false;
  for (const cls of classes) {
    const classType = cls.filed_class_type as ClassType;
    const guidance = cls.institution_name === GUIDANCE_CENTRE_NAME;
    for (let n = childrenFor(prng, cls); n > 0; n -= 1) {
      const ownChild = cls.id === demoClassId && !demoParentPlaced;
      if (ownChild) demoParentPlaced = true;
      const guardianId = ownChild && demoParent ? demoParent.id : randomUUID();
      const surname = ownChild && demoParent ? surnameOf(demoParent.name) : undefined;
      const name = childName(prng, surname);
      if (!ownChild) {
        users.push({
          id: guardianId,
          phone: familyPhone(users.length + 1),
          name: adultName(prng, surnameOf(name)),
          password_hash: options.passwordHash,
        });
      }
      const childId = randomUUID();
      const birthDate = birthDateFor(prng, classType, today);
      const startDate = startDateFor(prng, birthDate, today, ownChild ? 3 : undefined);
      children.push({
        id: childId,
        name,
        sex: prng.next() < 0.5 ? 'male' : 'female',
        birth_date: birthDate,
        residence_division_code: cls.division_code,
        created_by: guardianId,
      });
      guardians.push({
        child_id: childId,
        user_id: guardianId,
        relation: prng.next() < 0.7 ? 'mother' : 'father',
        consent_version: CONSENT_VERSION,
        consented_at: options.now,
      });
      enrollments.push({ child_id: childId, institution_id: cls.institution_id, class_id: cls.id, start_date: startDate });
      let pickupPersonId: string | null = null;
      if (guidance && prng.next() < 0.5) {
        pickupPersonId = randomUUID();
        const grandparent = adultName(prng, surnameOf(name));
        pickup.push({
          id: pickupPersonId,
          child_id: childId,
          name: grandparent,
          relation: 'grandparent',
          phone: familyPhone(9_000 + pickup.length),
          authorised_by: guardianId,
          authorised_at: new Date(`${startDate}T07:00:00+08:00`),
        });
      }
      if (guidance)
        careChildren.push({
          childId,
          classId: cls.id,
          institutionId: cls.institution_id,
          startDate,
          guardianUserId: guardianId,
          pickupPersonId,
        });
    }
  }
  await createAccounts(trx, users, [{ role: 'parent' }]);
  await insertDemoChildren(trx, families);
  await insertDemoEnrollments(trx, enrollments);

  const guidanceId = careChildren[0]?.institutionId;
  const staff = guidanceId ? await findStaffUser(trx, guidanceId) : undefined;
  const care = staff ? careDays(prng, careChildren, `${lastMonth}-01`, today, staff.user_id) : { attendance: [], checks: [] };
  await insertDemoCare(trx, care);

  let statements = 0;
  for (const institutionId of new Set(enrollments.map((e) => e.institution_id))) {
    const rule = await findFeeRule(trx, institutionId);
    if (rule) statements += (await writeStatements(trx, rule, lastMonth, { at: options.now, userId: null })).written.length;
  }
  const summary = {
    families: users.length,
    children: children.length,
    careDays: care.attendance.length,
    morningChecks: care.checks.length,
    statements,
  };
  await appendAudit(trx, SYSTEM_CONTEXT, { action: 'demo.enrolment_seed', entityType: 'system', detail: summary }, options.now);
  return summary;
}
