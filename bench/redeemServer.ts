// The server of the voucher redemption bench: a filed institution, VOUCHERS enrolled children
// (BENCH_VOUCHERS, 6,000 by default), each with a claimed voucher and this month's statement. With
// BENCH_ATTACH it only serves a database another bench server has filled.
import { sql } from 'kysely';
import { todayInShanghai } from '../src/domain/dates/shanghai.ts';
import { fund } from '../src/domain/subsidies/ledger.ts';
import { appendEntries } from '../src/server/modules/subsidies/common/ledger.ts';
import { lockProgram } from '../src/server/modules/subsidies/programs/queries.ts';
import { issueVouchers } from '../src/server/modules/subsidies/vouchers/issue.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { openBench, serveBench, signIn } from './serve.ts';

export type RedeemReady = {
  seedMs: number;
  director: string;
  city: string;
  programId: string;
  items: { code: string; statementId: string }[];
};

/** Redemptions standing after the runs, and vouchers that stand redeemed more than once (double spends). */
export type Redemptions = { redeemed: number; doubleSpends: number };

const VOUCHERS = Number(process.env.BENCH_VOUCHERS ?? 6_000);
const PASSWORD = 'bench-pass-2026';
const deps = await openBench();

async function seed() {
  const started = Date.now();
  const now = new Date();
  const today = todayInShanghai(now);
  const db = deps.db;
  const township = '320706006';
  const password = await hashPassword(PASSWORD);
  const institution = await db
    .insertInto('institutions')
    .values({ name: '压测托育园', division_code: township, status: 'filed' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cls = await db
    .insertInto('institution_classes')
    .values({
      institution_id: institution.id,
      class_type: 'toddler',
      name: '托小班',
      capacity: 15,
      filed_class_type: 'toddler',
      filed_name: '托小班',
      filed_capacity: 15,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = async (phone: string, role: 'institution_admin' | 'city_official' | 'parent') => {
    const u = await db.insertInto('users').values({ phone, name: role, password_hash: password }).returning('id').executeTakeFirstOrThrow();
    await db
      .insertInto('user_roles')
      .values({
        user_id: u.id,
        role,
        institution_id: role === 'institution_admin' ? institution.id : null,
        division_code: role === 'city_official' ? '320700' : null,
      })
      .execute();
    return { id: u.id, phone };
  };
  const director = await user('13800000001', 'institution_admin');
  const city = await user('13800000002', 'city_official');
  const parent = await user('13800000003', 'parent');
  const year = today.slice(0, 4);
  const face = 50_000;
  const program = await db.transaction().execute(async (trx) => {
    const p = await trx
      .insertInto('voucher_programs')
      .values({
        name: '压测补贴券',
        division_code: '320700',
        status: 'open',
        budget_fen: VOUCHERS * face,
        face_value_fen: face,
        valid_from: `${year}-01-01`,
        valid_to: `${year}-12-31`,
        issuance: 'claim',
        residence_division_codes: ['320700'],
        unissued_fen: VOUCHERS * face,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendEntries(trx, p.id, 'fund', [{ transfers: fund(VOUCHERS * face), refs: {} }], now);
    return p;
  });
  const items: { code: string; statementId: string }[] = [];
  for (let done = 0; done < VOUCHERS; done += 1_000) {
    const n = Math.min(1_000, VOUCHERS - done);
    const children = await db
      .insertInto('children')
      .values(
        Array.from({ length: n }, (_, i) => ({
          name: `压测${done + i}`,
          sex: 'female',
          birth_date: '2025-03-01',
          residence_division_code: township,
          created_by: parent.id,
        })),
      )
      .returning('id')
      .execute();
    await db
      .insertInto('child_guardians')
      .values(
        children.map((c) => ({ child_id: c.id, user_id: parent.id, relation: 'mother', consent_version: 'bench', consented_at: now })),
      )
      .execute();
    await db
      .insertInto('enrolments')
      .values(children.map((c) => ({ child_id: c.id, institution_id: institution.id, class_id: cls.id, start_date: '2025-09-01' })))
      .execute();
    const statements = await db
      .insertInto('fee_statements')
      .values(
        children.map((c) => ({
          child_id: c.id,
          institution_id: institution.id,
          month: today.slice(0, 7),
          class_id: cls.id,
          class_type: 'toddler',
          monthly_fee_fen: 200_000,
          service_days: 21,
          charged_days: 21,
          absent_days: 0,
          refund_after_days: 0,
          refund_percent: 0,
          subtotal_fen: 200_000,
          generated_at: now,
        })),
      )
      .returning(['id', 'child_id'])
      .execute();
    await db.transaction().execute(async (trx) => {
      const locked = await lockProgram(trx, program.id);
      if (!locked) throw new Error('no program');
      await issueVouchers(
        trx,
        locked,
        children.map((c) => ({ childId: c.id, claimedBy: parent.id })),
        'claim',
        now,
      );
    });
    const vouchers = await db
      .selectFrom('vouchers')
      .select(['code', 'child_id'])
      .where(
        'child_id',
        'in',
        children.map((c) => c.id),
      )
      .execute();
    const statementOf = new Map(statements.map((s) => [s.child_id, s.id]));
    for (const v of vouchers) items.push({ code: v.code, statementId: statementOf.get(v.child_id) as string });
  }
  return { seedMs: Date.now() - started, director, city, programId: program.id, items };
}

async function redemptions(): Promise<Redemptions> {
  const { rows } = await sql<Redemptions>`
    select count(*)::int as redeemed,
      (select count(*)::int from (select voucher_id from voucher_redemptions where reversed_at is null
        group by voucher_id having count(*) > 1) as twice) as "doubleSpends"
    from voucher_redemptions where reversed_at is null`.execute(deps.db);
  return rows[0] as Redemptions;
}

if (process.env.BENCH_ATTACH) await serveBench(deps);
else {
  const seeded = await seed();
  await serveBench(
    deps,
    async (app) =>
      ({
        ...seeded,
        director: await signIn(app, seeded.director.phone, PASSWORD),
        city: await signIn(app, seeded.city.phone, PASSWORD),
      }) satisfies RedeemReady,
    async (message) => (message.type === 'redemptions' ? redemptions() : undefined),
  );
}
