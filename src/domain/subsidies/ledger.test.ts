import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  applyTransfers,
  type Balances,
  balances,
  EMPTY_BALANCES,
  expire,
  fund,
  issue,
  pay,
  postingsOf,
  redeem,
  reverse,
  settle,
  summaryOf,
  type Transfer,
} from './ledger.ts';

describe('ledger transfers', () => {
  test('every transfer is a balanced pair of entries', () => {
    const all = [...fund(100), ...issue(50), ...redeem(30, 50), ...reverse(30, 50), ...expire(50), ...settle(30), ...pay(30)];
    const postings = postingsOf(all);
    expect(postings.reduce((s, p) => s + p.amountFen, 0)).toBe(0);
  });

  test('a redemption below face value returns the rest to the budget', () => {
    expect(redeem(30, 50)).toEqual([
      { from: 'outstanding', to: 'redeemed', amountFen: 30 },
      { from: 'outstanding', to: 'unissued', amountFen: 20 },
    ]);
    expect(redeem(50, 50)).toEqual([{ from: 'outstanding', to: 'redeemed', amountFen: 50 }]);
  });

  test('refuses amounts that are not positive whole fen or exceed the face value', () => {
    expect(() => issue(0)).toThrow(RangeError);
    expect(() => issue(1.5)).toThrow(RangeError);
    expect(() => redeem(60, 50)).toThrow(RangeError);
    expect(() => fund(-1)).toThrow(RangeError);
  });

  test('applyTransfers names the account that would go below zero', () => {
    const b = applyTransfers(EMPTY_BALANCES, fund(100));
    expect(b).toEqual({ ok: true, balances: { ...EMPTY_BALANCES, unissued: 100 } });
    expect(applyTransfers((b as { balances: Balances }).balances, issue(150))).toEqual({ ok: false, account: 'unissued', shortFen: 50 });
  });

  test('the summary counts settled and paid money as redeemed', () => {
    expect(summaryOf(100, { unissued: 10, outstanding: 20, redeemed: 5, payable: 15, paid: 30, expired: 20 })).toEqual({
      budgetFen: 100,
      unissuedFen: 10,
      outstandingFen: 20,
      redeemedFen: 50,
      expiredFen: 20,
    });
  });
});

// A model of a program: vouchers and their redemptions, driven by random operations. Each
// operation is refused (as the service refuses it) when its preconditions do not hold.
type Voucher = { face: number; state: 'active' | 'spent' | 'expired' };
type Redemption = { voucher: number; amount: number; state: 'live' | 'reversed' | 'settled' | 'paid' };
type Model = { budget: number; balances: Balances; vouchers: Voucher[]; redemptions: Redemption[] };

type Op =
  | { op: 'issue'; face: number }
  | { op: 'redeem'; pick: number; share: number }
  | { op: 'reverse'; pick: number }
  | { op: 'expire'; pick: number }
  | { op: 'settle' }
  | { op: 'pay' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('issue' as const), face: fc.integer({ min: 1, max: 60_000 }) }),
  fc.record({ op: fc.constant('redeem' as const), pick: fc.nat(), share: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('expire' as const), pick: fc.nat() }),
  fc.constant({ op: 'settle' as const }),
  fc.constant({ op: 'pay' as const }),
);

function post(m: Model, transfers: Transfer[]): boolean {
  const applied = applyTransfers(m.balances, transfers);
  if (!applied.ok) return false;
  m.balances = applied.balances;
  return true;
}

function step(m: Model, o: Op) {
  const pickOf = <T>(items: T[], n: number) => (items.length === 0 ? undefined : items[n % items.length]);
  switch (o.op) {
    case 'issue':
      if (post(m, issue(o.face))) m.vouchers.push({ face: o.face, state: 'active' });
      return;
    case 'redeem': {
      const v = pickOf(m.vouchers, o.pick);
      if (v?.state !== 'active') return;
      const amount = Math.max(1, Math.floor((v.face * o.share) / 100));
      if (post(m, redeem(amount, v.face))) {
        v.state = 'spent';
        m.redemptions.push({ voucher: m.vouchers.indexOf(v), amount, state: 'live' });
      }
      return;
    }
    case 'reverse': {
      const r = pickOf(m.redemptions, o.pick);
      const v = r && m.vouchers[r.voucher];
      if (!r || !v || r.state !== 'live') return;
      if (post(m, reverse(r.amount, v.face))) {
        r.state = 'reversed';
        v.state = 'active';
      }
      return;
    }
    case 'expire': {
      const v = pickOf(m.vouchers, o.pick);
      if (v?.state === 'active' && post(m, expire(v.face))) v.state = 'expired';
      return;
    }
    case 'settle': {
      const live = m.redemptions.filter((r) => r.state === 'live');
      const total = live.reduce((s, r) => s + r.amount, 0);
      if (total > 0 && post(m, settle(total))) for (const r of live) r.state = 'settled';
      return;
    }
    case 'pay': {
      const settled = m.redemptions.filter((r) => r.state === 'settled');
      const total = settled.reduce((s, r) => s + r.amount, 0);
      if (total > 0 && post(m, pay(total))) for (const r of settled) r.state = 'paid';
      return;
    }
  }
}

describe('ledger invariant', () => {
  test('after any sequence of operations: budget = unissued + outstanding + redeemed + expired, nothing negative, and the accounts agree with the vouchers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500_000 }), fc.array(opArb, { maxLength: 80 }), (budget, ops) => {
        const m: Model = { budget, balances: { ...EMPTY_BALANCES }, vouchers: [], redemptions: [] };
        expect(post(m, fund(budget))).toBe(true);
        for (const o of ops) {
          step(m, o);
          expect(balances(m.budget, m.balances)).toBe(true);
          const s = summaryOf(m.budget, m.balances);
          expect(s.unissuedFen + s.outstandingFen + s.redeemedFen + s.expiredFen).toBe(s.budgetFen);
          const faceOf = (state: Voucher['state']) => m.vouchers.filter((v) => v.state === state).reduce((x, v) => x + v.face, 0);
          const amountOf = (state: Redemption['state']) => m.redemptions.filter((r) => r.state === state).reduce((x, r) => x + r.amount, 0);
          expect(m.balances.outstanding).toBe(faceOf('active'));
          expect(m.balances.expired).toBe(faceOf('expired'));
          expect(m.balances.redeemed).toBe(amountOf('live'));
          expect(m.balances.payable).toBe(amountOf('settled'));
          expect(m.balances.paid).toBe(amountOf('paid'));
        }
      }),
      { numRuns: 300 },
    );
  });
});
