import type { Kysely } from 'kysely';
import type { DB } from '../../../src/server/db/schema.ts';
import type { TestApp } from '../app.ts';

/**
 * A valid voucher-program body: first come, first served, 10,000 yuan of 500-yuan vouchers,
 * valid through 2026 (the test clock stands at 2026-11-29). Override anything.
 */
export function programBody(overrides: Record<string, unknown> = {}) {
  return {
    name: '测试托育服务消费补贴券',
    budgetFen: 1_000_000,
    faceValueFen: 50_000,
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    issuance: 'claim',
    ...overrides,
  };
}

/** Creates a program through the API as a city official and opens it; returns its view. */
export async function createOpenProgram(t: TestApp, cityCookie: string, overrides: Record<string, unknown> = {}) {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/voucher-programs',
    payload: programBody(overrides),
    headers: { cookie: cityCookie },
  });
  if (created.statusCode !== 201) throw new Error(`create program: ${created.statusCode} ${created.body}`);
  const id = created.json().id as string;
  const opened = await t.app.inject({ method: 'POST', url: `/api/v1/voucher-programs/${id}/open`, headers: { cookie: cityCookie } });
  if (opened.statusCode !== 200) throw new Error(`open program: ${opened.statusCode} ${opened.body}`);
  return opened.json() as { id: string; faceValueFen: number; budgetFen: number };
}

/** A guardian claims a voucher for their child through the API; returns the voucher. */
export async function claimVoucher(t: TestApp, parentCookie: string, programId: string, childId: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/voucher-programs/${programId}/claims`,
    payload: { childId },
    headers: { cookie: parentCookie },
  });
  if (res.statusCode !== 201) throw new Error(`claim: ${res.statusCode} ${res.body}`);
  return res.json().voucher as { id: string; code: string; faceValueFen: number };
}

/**
 * A monthly fee statement written straight to the table, as the fee module would generate it,
 * so voucher tests do not depend on fees and attendance.
 */
export async function createStatement(
  db: Kysely<DB>,
  s: { childId: string; institutionId: string; classId: string; month?: string; subtotalFen?: number },
) {
  const subtotal = s.subtotalFen ?? 180_000;
  const row = await db
    .insertInto('fee_statements')
    .values({
      child_id: s.childId,
      institution_id: s.institutionId,
      month: s.month ?? '2026-11',
      class_id: s.classId,
      class_type: 'toddler',
      monthly_fee_fen: subtotal,
      service_days: 21,
      charged_days: 21,
      absent_days: 0,
      refund_after_days: 0,
      refund_percent: 0,
      subtotal_fen: subtotal,
      generated_at: new Date('2026-11-01T00:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('fee_statement_lines')
    .values({ statement_id: row.id, position: 1, kind: 'fee', class_type: 'toddler', days: 21, amount_fen: subtotal })
    .execute();
  return row.id;
}

/** The program's five summary figures straight from the ledger's balance columns. */
export async function programBalances(db: Kysely<DB>, programId: string) {
  return db.selectFrom('voucher_programs').selectAll().where('id', '=', programId).executeTakeFirstOrThrow();
}
