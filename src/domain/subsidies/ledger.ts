import type { Fen } from '../money/fen.ts';

/**
 * A voucher program's double-entry ledger (托育服务消费补贴券台账). Value only moves between the
 * program's accounts, so for every program at every moment
 *
 *   budget = unissued + outstanding + redeemed + expired
 *
 * where `redeemed` (what institutions were paid for) is the sum of `redeemed` (reversible, not yet
 * settled), `payable` (settled, owed to the institution) and `paid`. `funding` is the source the
 * budget comes from; it is the only account that is credited below zero.
 */
export const BALANCE_ACCOUNTS = ['unissued', 'outstanding', 'redeemed', 'payable', 'paid', 'expired'] as const;
export type BalanceAccount = (typeof BALANCE_ACCOUNTS)[number];
export type Account = 'funding' | BalanceAccount;

export type Balances = Record<BalanceAccount, Fen>;

/** One movement of value from one account to another; becomes a debit and a credit entry. */
export type Transfer = { from: Account; to: Account; amountFen: Fen };

/** A ledger entry: debits are positive, credits negative; a transaction's entries sum to 0. */
export type Posting = { account: Account; amountFen: number };

export type LedgerKind = 'fund' | 'issue' | 'redeem' | 'reverse' | 'expire' | 'settle' | 'pay';

export const EMPTY_BALANCES: Balances = { unissued: 0, outstanding: 0, redeemed: 0, payable: 0, paid: 0, expired: 0 };

function positive(amountFen: Fen): Fen {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
    throw new RangeError(`an amount must be a positive whole number of fen: ${amountFen}`);
  return amountFen;
}

function transfer(from: Account, to: Account, amountFen: Fen): Transfer[] {
  return amountFen === 0 ? [] : [{ from, to, amountFen: positive(amountFen) }];
}

/** The budget comes into the program, all of it unissued. */
export const fund = (budgetFen: Fen) => transfer('funding', 'unissued', positive(budgetFen));

/** A draft's budget is lowered before anything was issued: the difference goes back. */
export const defund = (amountFen: Fen) => transfer('unissued', 'funding', positive(amountFen));

/** A voucher is issued: its face value is reserved out of what is left of the budget. */
export const issue = (faceValueFen: Fen) => transfer('unissued', 'outstanding', positive(faceValueFen));

/**
 * A voucher is redeemed once, for at most its face value. What the statement did not need goes
 * back to the unissued budget, so no money is stranded on a used voucher.
 */
export function redeem(amountFen: Fen, faceValueFen: Fen): Transfer[] {
  if (positive(amountFen) > positive(faceValueFen)) throw new RangeError('a redemption cannot exceed the face value');
  return [...transfer('outstanding', 'redeemed', amountFen), ...transfer('outstanding', 'unissued', faceValueFen - amountFen)];
}

/** Undoes `redeem`: the voucher is whole again (the returned part is taken back from the budget). */
export function reverse(amountFen: Fen, faceValueFen: Fen): Transfer[] {
  if (positive(amountFen) > positive(faceValueFen)) throw new RangeError('a redemption cannot exceed the face value');
  return [...transfer('redeemed', 'outstanding', amountFen), ...transfer('unissued', 'outstanding', faceValueFen - amountFen)];
}

/** An unused voucher passes its expiry: its face value leaves circulation. */
export const expire = (faceValueFen: Fen) => transfer('outstanding', 'expired', positive(faceValueFen));

/** The monthly settlement turns reversible redemptions into what the city owes the institution. */
export const settle = (amountFen: Fen) => transfer('redeemed', 'payable', positive(amountFen));

/** The city pays a settlement. */
export const pay = (amountFen: Fen) => transfer('payable', 'paid', positive(amountFen));

export function postingsOf(transfers: Transfer[]): Posting[] {
  return transfers.flatMap((t) => [
    { account: t.to, amountFen: t.amountFen },
    { account: t.from, amountFen: -t.amountFen },
  ]);
}

/** Net change per balance account (funding left out: it mirrors the budget). */
export function deltasOf(transfers: Transfer[]): Balances {
  const deltas = { ...EMPTY_BALANCES };
  for (const p of postingsOf(transfers)) {
    if (p.account !== 'funding') deltas[p.account] += p.amountFen;
  }
  return deltas;
}

export type Applied = { ok: true; balances: Balances } | { ok: false; account: BalanceAccount; shortFen: Fen };

/** The balances after the transfers, or the first account that would go below zero. */
export function applyTransfers(balances: Balances, transfers: Transfer[]): Applied {
  const deltas = deltasOf(transfers);
  const next = { ...balances };
  for (const account of BALANCE_ACCOUNTS) {
    next[account] = balances[account] + deltas[account];
    if (next[account] < 0) return { ok: false, account, shortFen: -next[account] };
  }
  return { ok: true, balances: next };
}

export function totalOf(balances: Balances): Fen {
  return BALANCE_ACCOUNTS.reduce((sum, a) => sum + balances[a], 0);
}

/** What the contract's summary shows (redeemed includes settled and paid). */
export type ProgramSummary = { budgetFen: Fen; unissuedFen: Fen; outstandingFen: Fen; redeemedFen: Fen; expiredFen: Fen };

export function summaryOf(budgetFen: Fen, b: Balances): ProgramSummary {
  return {
    budgetFen,
    unissuedFen: b.unissued,
    outstandingFen: b.outstanding,
    redeemedFen: b.redeemed + b.payable + b.paid,
    expiredFen: b.expired,
  };
}

/** The ledger equation and non-negativity; false means a bug, never a user error. */
export function balances(budgetFen: Fen, b: Balances): boolean {
  return totalOf(b) === budgetFen && BALANCE_ACCOUNTS.every((a) => Number.isSafeInteger(b[a]) && b[a] >= 0);
}
