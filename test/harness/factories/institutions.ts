import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ClassType } from '../../../src/domain/classes/classTypes.ts';
import { creditCodeCheckChar } from '../../../src/domain/identity/creditCode.ts';
import { residentIdCheckChar } from '../../../src/domain/identity/residentId.ts';
import { DEFAULT_COMPLIANCE_SETTINGS } from '../../../src/domain/institutions/compliance.ts';
import type { DB } from '../../../src/server/db/schema.ts';
import { pinyinOf } from '../../../src/server/modules/geography/index.ts';
import { loadStates } from '../../../src/server/modules/institutions/common/state.ts';
import { issueReceiptNumber, publishFiledVersion } from '../../../src/server/modules/institutions/filing/queries.ts';
import { snapshotOf } from '../../../src/server/modules/institutions/filing/snapshot.ts';

/** A valid resident ID number of an adult born in 1990, distinct for each serial (0–999). */
export function staffResidentId(serial: number): string {
  const first17 = `32070619900101${String(serial).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

export async function createInstitution(db: Kysely<DB>, divisionCode: string, name = '测试托育园') {
  return db
    .insertInto('institutions')
    .values({ name, division_code: divisionCode, ...pinyinOf(name) })
    .returning(['id', 'name', 'division_code'])
    .executeTakeFirstOrThrow();
}

let codes = 0;

/** A valid unified social credit code, different on every call. */
export function nextCreditCode(): string {
  codes += 1;
  const first17 = `523299${String(process.pid % 1000).padStart(3, '0')}${String(codes).padStart(8, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

export type ClassPlan = { classType: ClassType; capacity: number; name?: string; caregivers?: number };

export type CompleteOptions = {
  location?: { lat: number; lng: number };
  classes?: ClassPlan[];
  feesFen?: Partial<Record<ClassType, number>>;
  serviceForms?: string[];
  indoorAreaM2?: number;
  outdoorAreaM2?: number;
  /** Leave documents out, to test an incomplete filing. */
  withoutDocuments?: boolean;
  /** When the filing was decided (default now): indicators count institutions from that day. */
  filedAt?: Date;
};

const FEE_COLUMNS = {
  infant: 'fee_infant_fen',
  toddler: 'fee_toddler_fen',
  older_toddler: 'fee_older_toddler_fen',
  mixed: 'fee_mixed_fen',
} as const;

/**
 * Fills in everything a filing needs: facts, a class plan with qualified caregivers at the
 * national ratio, a health worker, and the required document rows (no bytes behind them).
 */
export async function completeInstitution(db: Kysely<DB>, institutionId: string, options: CompleteOptions = {}) {
  const classes = options.classes ?? [{ classType: 'toddler', capacity: 15 }];
  const fees: Partial<Record<ClassType, number>> = options.feesFen ?? Object.fromEntries(classes.map((c) => [c.classType, 200_000]));
  await db
    .updateTable('institutions')
    .set({
      credit_code: nextCreditCode(),
      operator_type: 'private_nonprofit',
      service_forms: options.serviceForms ?? ['full_day'],
      address: '测试路1号',
      lat: options.location?.lat ?? 34.6,
      lng: options.location?.lng ?? 119.2,
      indoor_area_m2: options.indoorAreaM2 ?? 400,
      outdoor_area_m2: options.outdoorAreaM2 ?? 200,
      opens_at: '07:30',
      closes_at: '17:30',
      ...Object.fromEntries(Object.entries(FEE_COLUMNS).map(([type, column]) => [column, fees[type as ClassType] ?? null])),
    })
    .where('id', '=', institutionId)
    .execute();
  const classIds: string[] = [];
  for (const [i, plan] of classes.entries()) {
    const created = await db
      .insertInto('institution_classes')
      .values({
        institution_id: institutionId,
        class_type: plan.classType,
        name: plan.name ?? `${plan.classType}${i + 1}班`,
        capacity: plan.capacity,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    classIds.push(created.id);
    const ratio = { infant: 3, toddler: 5, older_toddler: 7, mixed: 5 }[plan.classType];
    const caregivers = plan.caregivers ?? Math.ceil(plan.capacity / ratio);
    for (let k = 0; k < caregivers; k++) {
      const staff = await db
        .insertInto('institution_staff')
        .values({ institution_id: institutionId, name: `保育员${i}-${k}`, role: 'caregiver' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('staff_certificates')
        .values([
          { staff_id: staff.id, kind: 'health', expires_on: '2099-12-31' },
          { staff_id: staff.id, kind: 'caregiver_qualification', expires_on: null },
        ])
        .execute();
      await db.insertInto('class_caregivers').values({ class_id: created.id, staff_id: staff.id }).execute();
    }
  }
  const healthWorker = await db
    .insertInto('institution_staff')
    .values({ institution_id: institutionId, name: '保健医生', role: 'health_worker' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('staff_certificates').values({ staff_id: healthWorker.id, kind: 'health', expires_on: '2099-12-31' }).execute();
  if (!options.withoutDocuments) {
    const documents = ['registration_certificate', 'premises_proof', 'health_evaluation', 'fire_safety'];
    await db
      .insertInto('institution_files')
      .values(
        documents.map((documentType) => {
          const id = randomUUID();
          return {
            id,
            institution_id: institutionId,
            kind: 'document',
            document_type: documentType,
            filename: `${documentType}.pdf`,
            content_type: 'application/pdf',
            size_bytes: 1000,
            sha256: '0'.repeat(64),
            storage_key: `test/${id}`,
          };
        }),
      )
      .execute();
  }
  return { classIds };
}

/** Files an institution directly: a filed filing with a receipt number, and its filed version published. */
export async function markFiled(db: Kysely<DB>, institutionId: string, townshipCode: string, now = new Date()) {
  const today = now.toISOString().slice(0, 10);
  const state = (await loadStates(db, [institutionId], today, { files: true })).get(institutionId);
  if (!state) throw new Error(`no institution ${institutionId}`);
  const snapshot = snapshotOf(state, today, DEFAULT_COMPLIANCE_SETTINGS);
  return db.transaction().execute(async (trx) => {
    const receipt = await issueReceiptNumber(trx, townshipCode.slice(0, 6), now.getFullYear());
    const filing = await trx
      .insertInto('institution_filings')
      .values({
        institution_id: institutionId,
        kind: 'initial',
        district_code: townshipCode.slice(0, 6),
        snapshot: JSON.stringify(snapshot),
        submitted_at: now,
        outcome: 'filed',
        decided_at: now,
        receipt_number: receipt.number,
        receipt_year: receipt.year,
        receipt_seq: receipt.sequence,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('institutions').set({ status: 'filed', status_changed_at: now }).where('id', '=', institutionId).execute();
    await publishFiledVersion(trx, institutionId, receipt.number, now);
    return { receiptNumber: receipt.number, filingId: filing.id };
  });
}

/** A filed institution in operation, as the public search sees it. */
export async function createFiledInstitution(db: Kysely<DB>, townshipCode: string, name = '测试托育园', options: CompleteOptions = {}) {
  const institution = await createInstitution(db, townshipCode, name);
  const { classIds } = await completeInstitution(db, institution.id, options);
  const { receiptNumber } = await markFiled(db, institution.id, townshipCode, options.filedAt);
  return { ...institution, classIds, receiptNumber };
}

/** Grants an inclusive designation in force from 2020 to 2099 with these caps (fen). */
export async function designateInclusive(
  db: Kysely<DB>,
  institutionId: string,
  capsFen: Partial<Record<ClassType, number>> = { toddler: 250_000 },
) {
  await db
    .insertInto('institution_designations')
    .values({
      institution_id: institutionId,
      kind: 'inclusive',
      granted_on: '2020-01-01',
      document: '测试〔2020〕1号',
      valid_from: '2020-01-01',
      valid_to: '2099-12-31',
      cap_infant_fen: capsFen.infant ?? null,
      cap_toddler_fen: capsFen.toddler ?? null,
      cap_older_toddler_fen: capsFen.older_toddler ?? null,
      cap_mixed_fen: capsFen.mixed ?? null,
    })
    .execute();
}
