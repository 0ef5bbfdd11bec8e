import { ClassType } from '../../../../domain/classes/classTypes.ts';
import { type Fen, fenToYuanString, yuanToFen } from '../../../../domain/money/fen.ts';

/** Per class type amounts. The database keeps integer fen; the API speaks yuan. */
export type FenByType = Partial<Record<ClassType, Fen>>;
export type YuanByType = Partial<Record<ClassType, number>>;

type FeeColumns = { fee_infant_fen: Fen | null; fee_toddler_fen: Fen | null; fee_older_toddler_fen: Fen | null; fee_mixed_fen: Fen | null };
type CapColumns = { cap_infant_fen: Fen | null; cap_toddler_fen: Fen | null; cap_older_toddler_fen: Fen | null; cap_mixed_fen: Fen | null };

export function feesFromColumns(row: FeeColumns): FenByType {
  return pick({
    infant: row.fee_infant_fen,
    toddler: row.fee_toddler_fen,
    older_toddler: row.fee_older_toddler_fen,
    mixed: row.fee_mixed_fen,
  });
}

export function feesToColumns(fees: FenByType): FeeColumns {
  return {
    fee_infant_fen: fees.infant ?? null,
    fee_toddler_fen: fees.toddler ?? null,
    fee_older_toddler_fen: fees.older_toddler ?? null,
    fee_mixed_fen: fees.mixed ?? null,
  };
}

export function capsFromColumns(row: CapColumns): FenByType {
  return pick({
    infant: row.cap_infant_fen,
    toddler: row.cap_toddler_fen,
    older_toddler: row.cap_older_toddler_fen,
    mixed: row.cap_mixed_fen,
  });
}

export function capsToColumns(caps: FenByType): CapColumns {
  return {
    cap_infant_fen: caps.infant ?? null,
    cap_toddler_fen: caps.toddler ?? null,
    cap_older_toddler_fen: caps.older_toddler ?? null,
    cap_mixed_fen: caps.mixed ?? null,
  };
}

function pick(values: Record<ClassType, Fen | null>): FenByType {
  const out: FenByType = {};
  for (const type of ClassType) {
    const v = values[type];
    if (v !== null) out[type] = v;
  }
  return out;
}

export function fenToYuan(fen: Fen): number {
  return Number(fenToYuanString(fen));
}

export function toYuan(fees: FenByType): YuanByType {
  const out: YuanByType = {};
  for (const [type, fen] of Object.entries(fees) as [ClassType, Fen][]) out[type] = fenToYuan(fen);
  return out;
}

export function toFen(yuan: YuanByType): FenByType {
  const out: FenByType = {};
  for (const [type, amount] of Object.entries(yuan) as [ClassType, number | undefined][]) {
    if (amount !== undefined) out[type] = yuanToFen(amount);
  }
  return out;
}

/** A yuan amount with at most two decimals. */
export function isYuanAmount(value: number): boolean {
  try {
    yuanToFen(value);
    return true;
  } catch {
    return false;
  }
}
