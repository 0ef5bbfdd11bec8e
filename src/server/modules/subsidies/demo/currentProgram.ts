import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { ageInMonths } from '../../../../domain/dates/childAge.ts';
import { addDaysIso, addMonthsIso, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import type { Prng } from '../../../../domain/random/prng.ts';
import { fund } from '../../../../domain/subsidies/ledger.ts';
import type { DB } from '../../../db/schema.ts';
import { appendEntries } from '../common/ledger.ts';
import { DemoBook, shanghai } from './book.ts';
import { findDirectors, findPlacedChildren, findStatementsOfMonth, insertDemoProgram } from './queries.ts';

/**
 * This year's program, open for claims, so every screen has something live: about 4 in 10
 * children in care have claimed (never the demo parent's child, whose family claims in the
 * walkthrough); half of those with last month's statement had it redeemed last month (settled,
 * awaiting payment), and a few were redeemed today and can still be reversed.
 */
export async function seedCurrentProgram(
  trx: Transaction<DB>,
  prng: Prng,
  options: { now: Date; officialId: string | null; demoParentId: string | null },
) {
  const { now } = options;
  const today = todayInShanghai(now);
  const year = today.slice(0, 4);
  const thisMonth = today.slice(0, 7);
  const lastMonth = addMonthsIso(`${thisMonth}-01`, -1).slice(0, 7);
  const program = { id: randomUUID(), faceValueFen: 50_000, budgetFen: 50_000_000 };
  await insertDemoProgram(trx, {
    id: program.id,
    name: `${year}年连云港市托育服务消费补贴券`,
    description: '演示数据：本市3周岁以下婴幼儿每人可领取一张500元补贴券，在已备案托育机构抵扣托育费用，先到先得，领完为止。',
    division_code: '320700',
    status: 'open',
    budget_fen: program.budgetFen,
    face_value_fen: program.faceValueFen,
    valid_from: `${year}-01-01`,
    valid_to: `${year}-12-31`,
    issuance: 'claim',
    residence_division_codes: ['320700'],
    unissued_fen: program.budgetFen,
    created_by: options.officialId,
    created_at: shanghai(`${year}-01-02`, 9),
    updated_at: shanghai(`${year}-01-02`, 9),
    opened_at: shanghai(`${year}-01-02`, 10),
  });
  await appendEntries(trx, program.id, 'fund', [{ transfers: fund(program.budgetFen), refs: {} }], shanghai(`${year}-01-02`, 9));
  const book = new DemoBook(program, prng);
  const placed = await findPlacedChildren(trx);
  const statements = new Map((await findStatementsOfMonth(trx, lastMonth)).map((s) => [`${s.child_id}/${s.institution_id}`, s]));
  const directors = new Map((await findDirectors(trx)).map((d) => [d.institution_id, d.user_id]));
  const lastMonthInYear = lastMonth.startsWith(year);
  const latestClaim = lastMonthInYear ? `${lastMonth}-10` : addDaysIso(today, -1);
  const seen = new Set<string>();
  let today_ = 0;
  // Part of the budget stays unclaimed so the walkthrough's families can still claim today.
  const keptForWalkthrough = 100 * program.faceValueFen;
  for (const c of placed) {
    if (book.balances.unissued - keptForWalkthrough < program.faceValueFen) break;
    if (seen.has(c.id) || c.user_id === options.demoParentId || ageInMonths(c.birth_date, today) >= 36 || prng.next() > 0.4) continue;
    seen.add(c.id);
    const days = Math.max(0, Math.round((Date.parse(latestClaim) - Date.parse(`${year}-01-05`)) / 86_400_000));
    const claimedOn = addDaysIso(`${year}-01-05`, prng.int(0, days));
    const voucher = book.issue(c.id, c.user_id, shanghai(claimedOn, 20), `${year}-01-01`, `${year}-12-31`);
    const statement = statements.get(`${c.id}/${c.institution_id}`);
    if (!statement || statement.subtotal_fen <= 0 || prng.next() > 0.5) continue;
    const s = { id: statement.id, subtotalFen: statement.subtotal_fen };
    const director = directors.get(c.institution_id) ?? null;
    if (today_ < 8) {
      today_ += 1;
      book.redeem(voucher, s, c.institution_id, shanghai(today, 9), thisMonth, director);
    } else if (lastMonthInYear) {
      book.redeem(voucher, s, c.institution_id, shanghai(`${lastMonth}-20`, 16), lastMonth, director);
    }
  }
  // Last month was settled on the 3rd; payment is still to come.
  const settledOn = `${thisMonth}-03`;
  if (lastMonthInYear && today >= settledOn) book.settleMonth(lastMonth, shanghai(settledOn), null, options.officialId);
  await book.flush(trx, now);
  return {
    programId: program.id,
    issued: book.rows.vouchers.length,
    redeemed: book.rows.voucher_redemptions.length,
    balances: book.balances,
  };
}
