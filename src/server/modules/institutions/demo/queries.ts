import type { Insertable } from 'kysely';
import type { Prng } from '../../../../domain/random/prng.ts';
import type { Db } from '../../../db/executor.ts';
import type { FieldCipher } from '../../../db/fieldCipher.ts';
import { inChunks } from '../../../db/inChunks.ts';
import type { DB } from '../../../db/schema.ts';
import { pinyinOf } from '../../geography/index.ts';
import { feesToColumns } from '../common/fees.ts';
import { recordOperation } from '../filing/queries.ts';
import type { DemoInstitution } from './generate.ts';
import { residentIdColumns } from './residentIds.ts';

/** A version 4 UUID drawn from the PRNG, so demo ids are the same on every run. */
export function uuidFrom(prng: Prng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(prng.next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The registry columns of a demo institution. */
export function factColumns(d: DemoInstitution) {
  return {
    name: d.name,
    ...pinyinOf(d.name),
    division_code: d.divisionCode,
    credit_code: d.creditCode,
    operator_type: d.operatorType,
    service_forms: d.serviceForms,
    address: d.address,
    lat: d.location.lat,
    lng: d.location.lng,
    indoor_area_m2: d.indoorAreaM2,
    outdoor_area_m2: d.outdoorAreaM2,
    opens_at: d.opensAt,
    closes_at: d.closesAt,
    open_weekdays: d.weekdays,
    ...feesToColumns(d.feesFen),
    serves_meals: d.servesMeals,
    facilities: d.facilities,
    description: d.description,
    contact_phone: d.contactPhone,
  };
}

export type Inserted = { id: string; demo: DemoInstitution; classIds: string[] };

/** Inserts institutions in batches (a few statements for hundreds of rows). */
export async function insertInstitutions(db: Db, prng: Prng, list: DemoInstitution[], createdAt: (i: number) => Date): Promise<Inserted[]> {
  const inserted = list.map((demo) => ({ id: uuidFrom(prng), demo, classIds: [] as string[] }));
  const rows = inserted.map((x, i) => ({ id: x.id, ...factColumns(x.demo), created_at: createdAt(i), updated_at: createdAt(i) }));
  await inChunks(rows, 400, (chunk) => db.insertInto('institutions').values(chunk).execute());
  return inserted;
}

/**
 * Inserts the class plans, and with `staff` the rosters, certificates and class assignments; with
 * `cipher`, the staff's resident ID numbers stored as the roster's writer stores them.
 */
export async function insertClassesAndStaff(db: Db, prng: Prng, entries: Inserted[], options: { staff: boolean; cipher?: FieldCipher }) {
  const classes: Insertable<DB['institution_classes']>[] = [];
  const staff: Insertable<DB['institution_staff']>[] = [];
  const certificates: Insertable<DB['staff_certificates']>[] = [];
  const assignments: Insertable<DB['class_caregivers']>[] = [];
  for (const entry of entries) {
    entry.classIds = entry.demo.classes.map((c) => {
      const id = uuidFrom(prng);
      classes.push({ id, institution_id: entry.id, class_type: c.classType, name: c.name, capacity: c.capacity });
      return id;
    });
    if (!options.staff) continue;
    for (const person of entry.demo.staff) {
      const id = uuidFrom(prng);
      staff.push({
        id,
        institution_id: entry.id,
        name: person.name,
        role: person.role,
        hired_on: person.hiredOn,
        ...(person.residentId && options.cipher ? residentIdColumns(options.cipher, person.residentId) : {}),
      });
      for (const c of person.certificates) {
        certificates.push({ staff_id: id, kind: c.kind, number: c.number, issued_on: c.issuedOn, expires_on: c.expiresOn });
      }
      if (person.classIndex !== null) assignments.push({ class_id: entry.classIds[person.classIndex] as string, staff_id: id });
    }
  }
  await inChunks(classes, 1000, (chunk) => db.insertInto('institution_classes').values(chunk).execute());
  await inChunks(staff, 1000, (chunk) => db.insertInto('institution_staff').values(chunk).execute());
  await inChunks(certificates, 1000, (chunk) => db.insertInto('staff_certificates').values(chunk).execute());
  await inChunks(assignments, 1000, (chunk) => db.insertInto('class_caregivers').values(chunk).execute());
}

/** Filing rows, 200 to a statement (each carries its snapshot). */
export async function insertFilings(db: Db, filings: Insertable<DB['institution_filings']>[]) {
  await inChunks(filings, 200, (chunk) => db.insertInto('institution_filings').values(chunk).execute());
}

export async function insertReceiptCounters(db: Db, counters: Insertable<DB['filing_receipt_counters']>[]) {
  await db.insertInto('filing_receipt_counters').values(counters).execute();
}

export async function insertDesignations(db: Db, rows: Insertable<DB['institution_designations']>[]) {
  await db.insertInto('institution_designations').values(rows).execute();
}

/** Puts institutions straight into a status (the demo skips the workflow). */
export async function setDemoStatus(
  db: Db,
  ids: string[],
  values: { status: string; status_reason: string | null; status_changed_at: Date },
) {
  await db.updateTable('institutions').set(values).where('id', 'in', ids).execute();
}

/** Takes the filed versions off the public search (suspended and closed institutions). */
export async function hideFiledVersions(db: Db, ids: string[], date: string) {
  await db.updateTable('filed_institutions').set({ active: false }).where('institution_id', 'in', ids).execute();
  await recordOperation(
    db,
    ids.map((institutionId) => ({ institutionId, date, active: false })),
  );
}

/** The demo's first institution, bare (the guidance centre its demo staff accounts belong to); seedInstitutionDemo completes it. */
export async function createDemoInstitution(db: Db, institution: { name: string; divisionCode: string }): Promise<string> {
  const row = await db
    .insertInto('institutions')
    .values({ name: institution.name, division_code: institution.divisionCode })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
