import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createEnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createOpenProgram, createStatement, programBalances } from '../../../../../test/harness/factories/subsidies.ts';
import { createRoleWorld, type RoleWorld } from '../../../../../test/harness/roles.ts';

type Op =
  | { op: 'claim'; child: number }
  | { op: 'redeem'; pick: number; share: number }
  | { op: 'reverse'; pick: number }
  | { op: 'expire'; pick: number }
  | { op: 'settle' }
  | { op: 'pay'; pick: number };

const ops: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('claim' as const), child: fc.nat(7) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('redeem' as const), pick: fc.nat(), share: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('expire' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ op: 'settle' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('pay' as const), pick: fc.nat() }) },
);

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Random sequences of issue (claim), redeem, reverse, expire, settle and pay through the HTTP
 * API on a real database. After every step: budget = unissued + outstanding + redeemed + expired,
 * no account is negative, the ledger entries add up to the balances (and every transaction to
 * zero), and each account equals what the voucher and redemption rows say it should.
 */
describe.each(DIALECTS)('ledger property on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let city: string;
  let director: string;
  let parent: string;
  let children: { childId: string; statementId: string }[];
  let keys = 0;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    city = world.actors.city_official.cookie as string;
    director = world.actors.institution_admin.cookie as string;
    parent = world.actors.parent.cookie as string;
    const first = await createEnrolledChild(t.deps.db, { institutionId: world.institutionId, guardianUserId: world.actors.parent.userId });
    children = [];
    for (let i = 0; i < 8; i++) {
      const c =
        i === 0
          ? first
          : await createEnrolledChild(t.deps.db, {
              institutionId: world.institutionId,
              classId: first.classId,
              guardianUserId: world.actors.parent.userId,
            });
      const statementId = await createStatement(t.deps.db, {
        childId: c.childId,
        institutionId: world.institutionId,
        classId: first.classId,
        subtotalFen: 100_000_000,
      });
      children.push({ childId: c.childId, statementId });
    }
  });
  afterAll(() => t.close());

  const post = (url: string, payload: unknown, cookie: string) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie } });

  async function step(programId: string, o: Op) {
    const db = t.deps.db;
    const pick = <T>(items: T[], n: number) => items[n % Math.max(1, items.length)];
    switch (o.op) {
      case 'claim': {
        const res = await post(`/api/v1/voucher-programs/${programId}/claims`, { childId: children[o.child]?.childId }, parent);
        expect([201, 409]).toContain(res.statusCode);
        return;
      }
      case 'redeem': {
        const v = pick(await db.selectFrom('vouchers').selectAll().where('program_id', '=', programId).orderBy('id').execute(), o.pick);
        if (!v) return;
        const statementId = children.find((c) => c.childId === v.child_id)?.statementId;
        const amountFen = Math.max(1, Math.floor((v.face_value_fen * o.share) / 100));
        const res = await post(
          '/api/v1/vouchers/redeem',
          { code: v.code, statementId, amountFen, idempotencyKey: `p-${++keys}` },
          director,
        );
        expect(res.statusCode, res.body).toBe(v.status === 'active' ? 200 : 409);
        return;
      }
      case 'reverse': {
        const r = pick(
          await db
            .selectFrom('voucher_redemptions')
            .select(['id', 'reversed_at', 'settlement_id'])
            .where('program_id', '=', programId)
            .orderBy('id')
            .execute(),
          o.pick,
        );
        if (!r) return;
        const res = await post(`/api/v1/voucher-redemptions/${r.id}/reverse`, { reason: '测试' }, director);
        const expected = r.reversed_at || r.settlement_id ? 409 : [200, 409];
        expect(Array.isArray(expected) ? expected : [expected], res.body).toContain(res.statusCode);
        return;
      }
      case 'expire': {
        const v = pick(
          await db.selectFrom('vouchers').select(['id', 'status']).where('program_id', '=', programId).orderBy('id').execute(),
          o.pick,
        );
        if (v?.status === 'active') await db.updateTable('vouchers').set({ expires_on: '2026-11-28' }).where('id', '=', v.id).execute();
        expect((await post(`/api/v1/voucher-programs/${programId}/expire`, undefined, city)).statusCode).toBe(200);
        return;
      }
      case 'settle':
        expect((await post('/api/v1/voucher-settlements', { month: '2026-11' }, city)).statusCode).toBe(200);
        return;
      case 'pay': {
        const s = pick(await db.selectFrom('voucher_settlements').select(['id', 'status']).orderBy('id').execute(), o.pick);
        if (!s) return;
        const res = await post(`/api/v1/voucher-settlements/${s.id}/pay`, { reference: `PAY-${keys}` }, city);
        expect(res.statusCode).toBe(s.status === 'paid' ? 409 : 200);
        return;
      }
    }
  }

  async function checkInvariant(programId: string) {
    const db = t.deps.db;
    const p = await programBalances(db, programId);
    const summary = (await t.app.inject({ url: `/api/v1/voucher-programs/${programId}/summary`, headers: { cookie: city } })).json();
    expect(summary.budgetFen).toBe(summary.unissuedFen + summary.outstandingFen + summary.redeemedFen + summary.expiredFen);
    for (const value of [p.unissued_fen, p.outstanding_fen, p.redeemed_fen, p.payable_fen, p.paid_fen, p.expired_fen])
      expect(value).toBeGreaterThanOrEqual(0);
    const ledger = (await t.app.inject({ url: `/api/v1/voucher-programs/${programId}/ledger?limit=1`, headers: { cookie: city } })).json();
    expect(ledger.balanced).toBe(true);
    const vouchers = await db.selectFrom('vouchers').select(['status', 'face_value_fen']).where('program_id', '=', programId).execute();
    const live = await db
      .selectFrom('voucher_redemptions as r')
      .leftJoin('voucher_settlements as s', 's.id', 'r.settlement_id')
      .select(['r.amount_fen', 'r.released_fen', 'r.settlement_id', 's.status'])
      .where('r.program_id', '=', programId)
      .where('r.reversed_at', 'is', null)
      .execute();
    const face = (status: string) => sum(vouchers.filter((v) => v.status === status).map((v) => v.face_value_fen));
    expect(p.outstanding_fen).toBe(face('active'));
    expect(p.expired_fen).toBe(face('expired'));
    expect(p.redeemed_fen).toBe(sum(live.filter((r) => !r.settlement_id).map((r) => r.amount_fen)));
    expect(p.payable_fen).toBe(sum(live.filter((r) => r.status === 'settled').map((r) => r.amount_fen)));
    expect(p.paid_fen).toBe(sum(live.filter((r) => r.status === 'paid').map((r) => r.amount_fen)));
    expect(p.unissued_fen).toBe(p.budget_fen - sum(vouchers.map((v) => v.face_value_fen)) + sum(live.map((r) => r.released_fen)));
  }

  it('budget = unissued + outstanding + redeemed + expired after every operation', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 90_000 }),
        fc.array(ops, { minLength: 1, maxLength: 25 }),
        async (vouchers, face, sequence) => {
          const program = await createOpenProgram(t, city, { budgetFen: vouchers * face + (face % 7), faceValueFen: face });
          await checkInvariant(program.id);
          for (const o of sequence) {
            await step(program.id, o);
            await checkInvariant(program.id);
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 300_000);
});
