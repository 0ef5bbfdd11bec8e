import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { ageInMonths, turnsThreeOn } from '../../../../domain/dates/childAge.ts';
import { addDaysIso, addMonthsIso, compareIso, monthRange } from '../../../../domain/dates/shanghai.ts';
import type { Prng } from '../../../../domain/random/prng.ts';
import { fund } from '../../../../domain/subsidies/ledger.ts';
import type { DB } from '../../../db/schema.ts';
import { createAccounts } from '../../../platform/auth/accounts.ts';
import { insertDemoChildren } from '../../children/index.ts';
import { adultName, childName, insertDemoEnrollments, surnameOf } from '../../enrollment/index.ts';
import { appendEntries } from '../common/ledger.ts';
import { DemoBook, type DemoClass, shanghai } from './book.ts';
import { type DemoInstitution, insertDemoProgram } from './queries.ts';

export const PROGRAM_2023 = {
  name: '2023年连云港市托育服务消费补贴券',
  // The city reported 1,000,000 yuan of childcare vouchers in 2023; the face value is the demo's.
  budgetFen: 100_000_000,
  faceValueFen: 100_000,
  vouchers: 1_000,
  redeemedShare: 0.72,
};

const MONTHS = ['2023-03', '2023-04', '2023-05', '2023-06', '2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12'];
const typeFor = (months: number) => (months < 12 ? 'infant' : months < 24 ? 'toddler' : 'older_toddler');
/** Demo guardians of the 2023 cohort: 137 0519 xxxx, a block no other demo uses. */
const guardianPhone = (n: number) => `1370519${String(n).padStart(4, '0')}`;

function randomDay(prng: Prng, from: string, to: string) {
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDaysIso(from, prng.int(0, days));
}

/**
 * The 2023 program as it ran: 1,000 families each claimed a 1,000-yuan voucher between March
 * and June for a child then in care; 72% were redeemed against a monthly fee statement; March to
 * November were settled with the institutions (paid through October); December was never
 * settled; the rest expired on 1 January 2024 and the program is closed.
 */
export async function seedProgram2023(
  trx: Transaction<DB>,
  prng: Prng,
  options: { now: Date; passwordHash: string; officialId: string | null; institutions: DemoInstitution[] },
) {
  const { now, institutions } = options;
  const program = { id: randomUUID(), faceValueFen: PROGRAM_2023.faceValueFen, budgetFen: PROGRAM_2023.budgetFen };
  await insertDemoProgram(trx, {
    id: program.id,
    name: PROGRAM_2023.name,
    description: '面向本市3周岁以下婴幼儿家庭，每名幼儿限领一张，可在本市已备案托育机构抵扣当月托育费用。',
    division_code: '320700',
    status: 'closed',
    budget_fen: program.budgetFen,
    face_value_fen: program.faceValueFen,
    valid_from: '2023-03-01',
    valid_to: '2023-12-31',
    issuance: 'claim',
    residence_division_codes: ['320700'],
    unissued_fen: program.budgetFen,
    created_by: options.officialId,
    created_at: shanghai('2023-02-20'),
    updated_at: shanghai('2024-01-05'),
    opened_at: shanghai('2023-03-01', 9),
    closed_at: shanghai('2024-01-05'),
  });
  await appendEntries(trx, program.id, 'fund', [{ transfers: fund(program.budgetFen), refs: {} }], shanghai('2023-02-20'));
  const book = new DemoBook(program, prng);
  const users = [];
  const children = [];
  const guardians = [];
  const enrollments = [];
  for (let n = 0; n < PROGRAM_2023.vouchers && institutions.length > 0; n++) {
    const claimedOn = randomDay(prng, '2023-03-01', '2023-06-30');
    const birth = addDaysIso(addMonthsIso(claimedOn, -prng.int(8, 34)), -prng.int(0, 27));
    const type = typeFor(ageInMonths(birth, claimedOn));
    const withType = institutions.filter((i) => i.classes.some((c) => c.classType === type));
    const institution = prng.pick(withType.length ? withType : institutions);
    const cls = (institution.classes.find((c) => c.classType === type) ?? institution.classes[0]) as DemoClass;
    const lastDay = addDaysIso(turnsThreeOn(birth), -1);
    const start = `${claimedOn.slice(0, 7)}-01`;
    const end = compareIso(lastDay, '2023-12-31') < 0 ? lastDay : '2023-12-31';
    const userId = randomUUID();
    const childId = randomUUID();
    const name = childName(prng);
    users.push({
      id: userId,
      phone: guardianPhone(n),
      name: adultName(prng, surnameOf(name)),
      password_hash: options.passwordHash,
    });
    children.push({
      id: childId,
      name,
      sex: n % 2 ? 'male' : 'female',
      birth_date: birth,
      residence_division_code: '320700',
      created_by: userId,
      created_at: shanghai(start),
    });
    guardians.push({
      child_id: childId,
      user_id: userId,
      relation: n % 3 ? 'mother' : 'father',
      consent_version: 'demo-2023',
      consented_at: shanghai(start),
    });
    enrollments.push({
      id: randomUUID(),
      child_id: childId,
      institution_id: institution.id,
      class_id: cls.id,
      start_date: start,
      end_date: end,
      end_reason: end === lastDay ? '满3周岁' : '年度结束',
    });
    const voucher = book.issue(childId, userId, shanghai(claimedOn, 9 + (n % 8)), '2023-03-01', '2023-12-31');
    if (prng.next() >= PROGRAM_2023.redeemedShare) continue;
    const months = MONTHS.filter((m) => m >= claimedOn.slice(0, 7) && m <= end.slice(0, 7));
    const month = prng.pick(months);
    const day = [`${month}-26`, end, monthRange(month).last].filter((d) => d >= claimedOn).sort()[0] as string;
    const statement = book.statement(childId, institution.id, cls, month, shanghai(`${month}-01`, 8));
    book.redeem(voucher, statement, institution.id, shanghai(day, 15), month, institution.directorId);
  }
  for (const month of MONTHS.slice(0, -1)) {
    const next = addMonthsIso(`${month}-01`, 1);
    book.settleMonth(month, shanghai(addDaysIso(next, 7)), month <= '2023-10' ? shanghai(addDaysIso(next, 19)) : null, options.officialId);
  }
  book.expireUnused(shanghai('2024-01-01', 0));
  await createAccounts(trx, users);
  await insertDemoChildren(trx, { children, guardians, pickupPersons: [] });
  await insertDemoEnrollments(trx, enrollments);
  await book.flush(trx, now);
  return {
    programId: program.id,
    issued: book.rows.vouchers.length,
    redeemed: book.rows.voucher_redemptions.length,
    balances: book.balances,
  };
}
