import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createEnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { claimVoucher, createOpenProgram, createStatement, programBalances } from '../../../../../test/harness/factories/subsidies.ts';
import { createRoleWorld, type RoleWorld } from '../../../../../test/harness/roles.ts';
import { buildApp } from '../../../app.ts';
import { openPostgres } from '../../../db/connect.ts';

describe.each(DIALECTS)('voucher races on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let city: string;
  let director: string;
  let parent: string;
  let classId: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    city = world.actors.city_official.cookie as string;
    director = world.actors.institution_admin.cookie as string;
    parent = world.actors.parent.cookie as string;
    classId = (await createEnrolledChild(t.deps.db, { institutionId: world.institutionId, guardianUserId: world.actors.parent.userId }))
      .classId;
  });
  afterAll(() => t.close());

  /** A voucher and a statement big enough for it, for a new child of the world's parent. */
  async function voucherAndStatement(programId: string) {
    const c = await createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      classId,
      guardianUserId: world.actors.parent.userId,
    });
    const voucher = await claimVoucher(t, parent, programId, c.childId);
    const statementId = await createStatement(t.deps.db, { childId: c.childId, institutionId: world.institutionId, classId });
    return { voucher, statementId };
  }

  /** `n` children of the world's parent, eligible for the test programs, written in two statements. */
  async function manyChildren(n: number): Promise<string[]> {
    const parentId = world.actors.parent.userId as string;
    const rows = await t.deps.db
      .insertInto('children')
      .values(
        Array.from({ length: n }, (_, i) => ({
          name: `并发${i}`,
          sex: i % 2 ? 'male' : 'female',
          birth_date: '2025-03-01',
          residence_division_code: world.townshipCodes[0] as string,
          created_by: parentId,
        })),
      )
      .returning('id')
      .execute();
    await t.deps.db
      .insertInto('child_guardians')
      .values(
        rows.map((r) => ({ child_id: r.id, user_id: parentId, relation: 'mother', consent_version: 'test', consented_at: new Date() })),
      )
      .execute();
    return rows.map((r) => r.id);
  }

  async function redeemRace(apps: FastifyInstance[]) {
    const program = await createOpenProgram(t, city, { budgetFen: 200_000 });
    const { voucher, statementId } = await voucherAndStatement(program.id);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        (apps[i % apps.length] as FastifyInstance).inject({
          method: 'POST',
          url: '/api/v1/vouchers/redeem',
          payload: { code: voucher.code, statementId, amountFen: 50_000, idempotencyKey: `race-${program.id}-${i}` },
          headers: { cookie: director },
        }),
      ),
    );
    const odd = results.filter((r) => r.statusCode !== 200 && r.json().error?.code !== 'VOUCHER_SPENT');
    expect(odd.map((r) => r.body)).toEqual([]);
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409 && r.json().error.code === 'VOUCHER_SPENT')).toHaveLength(99);
    const deductions = await t.deps.db.selectFrom('statement_deductions').selectAll().where('statement_id', '=', statementId).execute();
    expect(deductions).toHaveLength(1);
    const p = await programBalances(t.deps.db, program.id);
    expect([p.unissued_fen, p.outstanding_fen, p.redeemed_fen]).toEqual([150_000, 0, 50_000]);
  }

  async function claimRace(apps: FastifyInstance[]) {
    const program = await createOpenProgram(t, city, { budgetFen: 200 * 50_000, faceValueFen: 50_000 });
    const children = await manyChildren(500);
    const results = await Promise.all(
      children.map((childId, i) =>
        (apps[i % apps.length] as FastifyInstance).inject({
          method: 'POST',
          url: `/api/v1/voucher-programs/${program.id}/claims`,
          payload: { childId },
          headers: { cookie: parent },
        }),
      ),
    );
    const codes = results.map((r) => (r.statusCode === 201 ? 'issued' : r.json().error.code));
    expect(codes.filter((c) => c === 'issued')).toHaveLength(200);
    expect(codes.filter((c) => c === 'BUDGET_EXHAUSTED')).toHaveLength(300);
    const vouchers = await t.deps.db.selectFrom('vouchers').select('child_id').where('program_id', '=', program.id).execute();
    expect(vouchers).toHaveLength(200);
    expect(new Set(vouchers.map((v) => v.child_id)).size).toBe(200);
    const p = await programBalances(t.deps.db, program.id);
    expect([p.budget_fen, p.unissued_fen, p.outstanding_fen]).toEqual([10_000_000, 0, 10_000_000]);
  }

  it('100 concurrent redemptions of one voucher: exactly one succeeds', async () => {
    await redeemRace([t.app]);
  }, 120_000);

  it('concurrent retries with one idempotency key all get the one redemption', async () => {
    const program = await createOpenProgram(t, city, { budgetFen: 100_000 });
    const { voucher, statementId } = await voucherAndStatement(program.id);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/vouchers/redeem',
          payload: { code: voucher.code, statementId, amountFen: 45_000, idempotencyKey: 'same-key' },
          headers: { cookie: director },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    const p = await programBalances(t.deps.db, program.id);
    expect([p.unissued_fen, p.outstanding_fen, p.redeemed_fen]).toEqual([55_000, 0, 45_000]);
  }, 120_000);

  it('500 concurrent claims on a budget for 200: exactly 200 vouchers, never over budget', async () => {
    await claimRace([t.app]);
  }, 180_000);

  // PostgreSQL only: PGlite is one process's embedded database.
  if (dialect === 'postgres')
    it('holds with two servers on one database', async () => {
      const second = await openPostgres(t.database.postgres as NonNullable<typeof t.database.postgres>);
      const other = await buildApp({ ...t.deps, database: second, db: second.db });
      try {
        await redeemRace([t.app, other]);
        await claimRace([t.app, other]);
      } finally {
        await other.close();
        await second.close();
      }
    }, 240_000);
});
