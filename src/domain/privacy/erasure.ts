/**
 * What an approved deletion request did to each kind of record (PIPL art. 47), as stored on the
 * request and shown to the parent. Kinds and reasons are codes, so the web words them in the
 * reader's language.
 */
export const ERASURE_KINDS = [
  'account',
  'sessions_and_roles',
  'notifications',
  'child_record',
  'guardians',
  'pickup_persons',
  'applications',
  'enrolments',
  'attendance',
  'morning_checks',
  'incidents',
  'fee_statements',
  'growth_measurements',
  'vouchers',
  'voucher_applications',
  'childcare_subsidy_claims',
  'tax_deduction_shares',
  'audit_log',
] as const;
export type ErasureKind = (typeof ERASURE_KINDS)[number];

export const ERASURE_RESULTS = ['erased', 'anonymised', 'kept'] as const;
export type ErasureResult = (typeof ERASURE_RESULTS)[number];

export const ERASURE_REASONS = [
  /** Erased as asked: nothing requires it. */
  'on_request',
  /** Records kept by law point at it: it stays, without what identifies the person. */
  'referenced_by_kept_records',
  /** Accounting records (会计档案): fee statements and their lines and deductions. */
  'accounting_law',
  /** The voucher ledger, its vouchers and redemptions: public money accounted for. */
  'voucher_ledger',
  /** Subsidies decided and paid from public funds. */
  'subsidy_payments',
  /** Declared to the tax authority for the special additional deduction. */
  'tax_records',
  /** A place held: fee statements and the city's figures rest on its dates. */
  'place_history',
  /** The days of care that fee statements were charged on; notes and health reasons removed. */
  'charged_days',
  /** The institution's own safety record; the child is no longer named in it. */
  'institution_safety_record',
  /** An application that led to a place: the place refers to it. */
  'led_to_place',
  /** A past check-out names the person: the row stays without name, number or ID. */
  'named_in_handovers',
  /** The audit log is append-only and tamper-evident; it is never changed. */
  'audit_law',
] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

export type ErasureItem = { kind: ErasureKind; result: ErasureResult; reason: ErasureReason; count: number };

/** The name an erased child or account carries from then on. */
export const ERASED_NAME = '已删除';

/** The first day of the birth month: kept records need the child's age in months, not the day. */
export function birthMonthOnly(birthDate: string): string {
  return `${birthDate.slice(0, 7)}-01`;
}
