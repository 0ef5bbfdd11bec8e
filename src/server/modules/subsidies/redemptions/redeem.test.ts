import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createEnrolledChild, type EnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { claimVoucher, createOpenProgram, createStatement } from '../../../../../test/harness/factories/subsidies.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { createRoleWorld, type RoleWorld } from '../../../../../test/harness/roles.ts';

describe.each(DIALECTS)('voucher redemption on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let city: string;
  let director: string;
  let parent: string;
  let child: EnrolledChild;
  let programId: string;
  let seq = 0;

  const as = (cookie: string) => ({ cookie });
  const summary = async () => (await t.app.inject({ url: `/api/v1/voucher-programs/${programId}/summary`, headers: as(city) })).json();
  const redeem = (body: Record<string, unknown>, cookie = director) =>
    t.app.inject({ method: 'POST', url: '/api/v1/vouchers/redeem', payload: body, headers: as(cookie) });
  const freshChildWithVoucher = async (subtotalFen = 180_000) => {
    const c = await createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      classId: child.classId,
      guardianUserId: world.actors.parent.userId,
    });
    const voucher = await claimVoucher(t, parent, programId, c.childId);
    const statementId = await createStatement(t.deps.db, {
      childId: c.childId,
      institutionId: world.institutionId,
      classId: c.classId,
      subtotalFen,
    });
    return { child: c, voucher, statementId };
  };
  const key = () => `key-${++seq}`;

  beforeAll(async () => {
    // Sessions must outlive the clock moves below (to the next month).
    t = await buildTestApp(dialect, { sessionTtlHours: 24 * 60 });
    world = await createRoleWorld(t);
    city = world.actors.city_official.cookie as string;
    director = world.actors.institution_admin.cookie as string;
    parent = world.actors.parent.cookie as string;
    child = await createEnrolledChild(t.deps.db, { institutionId: world.institutionId, guardianUserId: world.actors.parent.userId });
    programId = (await createOpenProgram(t, city)).id;
  });
  afterAll(() => t.close());

  it('redeems against the statement: 200, the statement shows the deduction, and the summary moves', async () => {
    const { voucher, statementId } = await freshChildWithVoucher();
    expect(await summary()).toEqual({ budgetFen: 1_000_000, unissuedFen: 950_000, outstandingFen: 50_000, redeemedFen: 0, expiredFen: 0 });
    const res = await redeem({ code: voucher.code, statementId, amountFen: 50_000, idempotencyKey: key() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      voucherId: voucher.id,
      statementId,
      amountFen: 50_000,
      releasedFen: 0,
      status: 'redeemed',
      reversible: true,
    });
    const statement = (await t.app.inject({ url: `/api/v1/statements/${statementId}`, headers: as(director) })).json();
    expect(statement.deductions).toEqual([expect.objectContaining({ kind: 'voucher', amountFen: 50_000, appliedFen: 50_000 })]);
    expect(statement.totalDueFen).toBe(130_000);
    expect(await summary()).toEqual({ budgetFen: 1_000_000, unissuedFen: 950_000, outstandingFen: 0, redeemedFen: 50_000, expiredFen: 0 });
    const mine = (await t.app.inject({ url: '/api/v1/vouchers', headers: as(parent) }))
      .json()
      .items.find((v: { id: string }) => v.id === voucher.id);
    expect(mine).toMatchObject({ status: 'spent', balanceFen: 0, redemption: { statementId, amountFen: 50_000 } });
  });

  it('a redemption below face value returns the rest to the budget', async () => {
    const before = await summary();
    const { voucher, statementId } = await freshChildWithVoucher(30_000);
    const res = await redeem({
      code: voucher.code.toLowerCase().replace(/(.{4})/g, '$1-'),
      statementId,
      amountFen: 30_000,
      idempotencyKey: key(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ amountFen: 30_000, releasedFen: 20_000 });
    expect(await summary()).toEqual({ ...before, unissuedFen: before.unissuedFen - 30_000, redeemedFen: before.redeemedFen + 30_000 });
  });

  it('is idempotent: a retry returns the first result and moves no money; the key reused for another request is 409', async () => {
    const { voucher, statementId } = await freshChildWithVoucher();
    const body = { code: voucher.code, statementId, amountFen: 40_000, idempotencyKey: key() };
    const first = await redeem(body);
    const entries = async () =>
      (
        await t.deps.db
          .selectFrom('voucher_ledger_entries')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = [await summary(), Number(await entries())];
    const again = await redeem(body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect([await summary(), Number(await entries())]).toEqual(before);
    expect((await redeem({ ...body, amountFen: 30_000 })).json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const spent = await redeem({ ...body, idempotencyKey: key() });
    expect(spent.statusCode).toBe(409);
    expect(spent.json().error.code).toBe('VOUCHER_SPENT');
  });

  it('404 for an unknown or malformed code, and for a statement of another institution', async () => {
    const { statementId } = await freshChildWithVoucher();
    expect((await redeem({ code: '0000-0000-0000', statementId, amountFen: 100, idempotencyKey: key() })).statusCode).toBe(404);
    expect((await redeem({ code: 'nonsense', statementId, amountFen: 100, idempotencyKey: key() })).statusCode).toBe(404);
    const otherInstitution = await createInstitution(t.deps.db, world.townshipCodes[1] as string, '别家托育园');
    const otherDirector = await createUser(t.deps.db, { role: 'institution_admin', institutionId: otherInstitution.id });
    const cookie = await signIn(t.app, otherDirector.phone);
    const { voucher } = await freshChildWithVoucher();
    const res = await redeem({ code: voucher.code, statementId, amountFen: 100, idempotencyKey: key() }, cookie);
    expect(res.statusCode).toBe(404);
  });

  it('an institution cannot redeem for a child not enrolled with it, even on its own statement', async () => {
    const otherInstitution = await createInstitution(t.deps.db, world.townshipCodes[1] as string, '第二托育园');
    const otherDirector = await createUser(t.deps.db, { role: 'institution_admin', institutionId: otherInstitution.id });
    const cookie = await signIn(t.app, otherDirector.phone);
    const theirChild = await createEnrolledChild(t.deps.db, { institutionId: otherInstitution.id });
    const theirStatement = await createStatement(t.deps.db, {
      childId: theirChild.childId,
      institutionId: otherInstitution.id,
      classId: theirChild.classId,
    });
    const { voucher } = await freshChildWithVoucher();
    const res = await redeem({ code: voucher.code, statementId: theirStatement, amountFen: 50_000, idempotencyKey: key() }, cookie);
    expect(res.statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/vouchers/lookup', payload: { code: voucher.code }, headers: as(cookie) }))
        .statusCode,
    ).toBe(404);
    const lookup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/vouchers/lookup',
      payload: { code: voucher.code },
      headers: as(director),
    });
    expect(lookup.json()).toMatchObject({ id: voucher.id, usable: true, acceptedHere: true, status: 'active' });
  });

  it('refuses another child’s voucher and amounts over the face value or the amount due', async () => {
    const a = await freshChildWithVoucher(60_000);
    const b = await freshChildWithVoucher();
    const other = await redeem({ code: b.voucher.code, statementId: a.statementId, amountFen: 100, idempotencyKey: key() });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details[0].path).toBe('body.code');
    expect(
      (await redeem({ code: b.voucher.code, statementId: b.statementId, amountFen: 50_001, idempotencyKey: key() })).json().error.details[0]
        .path,
    ).toBe('body.amountFen');
    expect((await redeem({ code: a.voucher.code, statementId: a.statementId, amountFen: 10_000, idempotencyKey: key() })).statusCode).toBe(
      200,
    );
    const c = await freshChildWithVoucher(30_000);
    const overDue = await redeem({ code: c.voucher.code, statementId: c.statementId, amountFen: 40_000, idempotencyKey: key() });
    expect(overDue.statusCode).toBe(400);
    expect(overDue.json().error.details[0].path).toBe('body.amountFen');
  });

  it('reverses within the month: the deduction goes, the voucher is whole; twice is 409; another institution gets 404', async () => {
    const before = await summary();
    const { voucher, statementId } = await freshChildWithVoucher(40_000);
    const redemption = (await redeem({ code: voucher.code, statementId, amountFen: 40_000, idempotencyKey: key() })).json();
    const reverse = (cookie = director) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/voucher-redemptions/${redemption.id}/reverse`,
        payload: { reason: '录入错误' },
        headers: as(cookie),
      });
    const otherInstitution = await createInstitution(t.deps.db, world.townshipCodes[1] as string, '第三托育园');
    const otherDirector = await createUser(t.deps.db, { role: 'institution_admin', institutionId: otherInstitution.id });
    expect((await reverse(await signIn(t.app, otherDirector.phone))).statusCode).toBe(404);
    const res = await reverse();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'reversed', reversalReason: '录入错误', reversible: false });
    const statement = (await t.app.inject({ url: `/api/v1/statements/${statementId}`, headers: as(director) })).json();
    expect(statement.deductions).toEqual([]);
    expect(statement.totalDueFen).toBe(40_000);
    expect(await summary()).toEqual({
      ...before,
      unissuedFen: before.unissuedFen - 50_000,
      outstandingFen: before.outstandingFen + 50_000,
    });
    expect((await reverse()).json().error.code).toBe('REDEMPTION_ALREADY_REVERSED');
    // The voucher can be used again.
    expect((await redeem({ code: voucher.code, statementId, amountFen: 40_000, idempotencyKey: key() })).statusCode).toBe(200);
  });

  it('after settlement a redemption cannot be reversed; the settlement is paid once and exports to Excel', async () => {
    const { voucher, statementId } = await freshChildWithVoucher();
    const redemption = (await redeem({ code: voucher.code, statementId, amountFen: 50_000, idempotencyKey: key() })).json();
    const run = await t.app.inject({
      method: 'POST',
      url: '/api/v1/voucher-settlements',
      payload: { month: '2026-11' },
      headers: as(city),
    });
    expect(run.statusCode).toBe(200);
    const settlement = run.json().created.find((s: { institutionId: string }) => s.institutionId === world.institutionId);
    expect(settlement).toMatchObject({ month: '2026-11', status: 'settled' });
    expect(settlement.totalFen).toBeGreaterThanOrEqual(50_000);
    const reverse = await t.app.inject({
      method: 'POST',
      url: `/api/v1/voucher-redemptions/${redemption.id}/reverse`,
      payload: { reason: '错误' },
      headers: as(director),
    });
    expect(reverse.statusCode).toBe(409);
    expect(reverse.json().error.code).toBe('REDEMPTION_SETTLED');
    const s = await summary();
    const program = (await t.app.inject({ url: `/api/v1/voucher-programs/${programId}`, headers: as(city) })).json();
    expect(program.accounts.redeemedFen).toBe(0);
    expect(program.accounts.payableFen).toBe(s.redeemedFen);
    const pay = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/voucher-settlements/${settlement.id}/pay`,
        payload: { reference: 'LYG-2026-11-001' },
        headers: as(city),
      });
    expect((await pay()).json()).toMatchObject({ status: 'paid', paymentReference: 'LYG-2026-11-001' });
    expect((await pay()).json().error.code).toBe('SETTLEMENT_ALREADY_PAID');
    expect(await summary()).toEqual(s);
    const own = (await t.app.inject({ url: `/api/v1/voucher-settlements/${settlement.id}`, headers: as(director) })).json();
    expect(own.items.find((i: { redemptionId: string }) => i.redemptionId === redemption.id)).toMatchObject({
      amountFen: 50_000,
      childName: expect.any(String),
    });
    const theirs = (await t.app.inject({ url: `/api/v1/voucher-settlements/${settlement.id}`, headers: as(city) })).json();
    expect(theirs.items.every((i: { childName: string | null }) => i.childName === null)).toBe(true);
    const xlsx = await t.app.inject({ url: '/api/v1/voucher-settlements.xlsx?month=2026-11', headers: as(city) });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(2).value).toBe('机构名称');
    expect(sheet?.getRow(sheet.rowCount).getCell(2).value).toBe('合计');
    expect(sheet?.getRow(sheet.rowCount).getCell(6).value).toBe(Number((settlement.totalFen / 100).toFixed(2)));
  });

  it('reversal is refused once the month is over', async () => {
    const { voucher, statementId } = await freshChildWithVoucher();
    const redemption = (await redeem({ code: voucher.code, statementId, amountFen: 50_000, idempotencyKey: key() })).json();
    t.clock.set(new Date('2026-12-01T02:00:00Z'));
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/voucher-redemptions/${redemption.id}/reverse`,
        payload: { reason: '晚了' },
        headers: as(director),
      });
      expect(res.json().error).toMatchObject({ code: 'REVERSAL_WINDOW_CLOSED' });
    } finally {
      t.clock.set(new Date('2026-11-29T02:00:00Z'));
    }
  });

  it('an expired voucher is 409 VOUCHER_EXPIRED, and the summary counts it expired', async () => {
    const short = await createOpenProgram(t, city, { name: '短期券', voucherValidDays: 1, budgetFen: 100_000 });
    const c = await createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      classId: child.classId,
      guardianUserId: world.actors.parent.userId,
    });
    const voucher = await claimVoucher(t, parent, short.id, c.childId);
    const statementId = await createStatement(t.deps.db, {
      childId: c.childId,
      institutionId: world.institutionId,
      classId: c.classId,
      month: '2026-11',
    });
    t.clock.set(new Date('2026-11-30T02:00:00Z'));
    try {
      const res = await redeem({ code: voucher.code, statementId, amountFen: 50_000, idempotencyKey: key() });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('VOUCHER_EXPIRED');
      const s = (await t.app.inject({ url: `/api/v1/voucher-programs/${short.id}/summary`, headers: as(city) })).json();
      expect(s).toEqual({ budgetFen: 100_000, unissuedFen: 50_000, outstandingFen: 0, redeemedFen: 0, expiredFen: 50_000 });
    } finally {
      t.clock.set(new Date('2026-11-29T02:00:00Z'));
    }
  });

  it('every money movement is in the audit log, and the ledger agrees with the balances', async () => {
    const actions = (
      await t.deps.db.selectFrom('audit_log').select('action').where('action', 'like', 'voucher%').groupBy('action').execute()
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'voucher_program.create',
        'voucher.issue',
        'voucher.redeem',
        'voucher.reverse',
        'voucher.expire',
        'voucher_settlement.create',
        'voucher_settlement.pay',
      ]),
    );
    const ledger = (await t.app.inject({ url: `/api/v1/voucher-programs/${programId}/ledger?limit=1000`, headers: as(city) })).json();
    expect(ledger.balanced).toBe(true);
    const redeemTxns = new Set(ledger.items.filter((e: { kind: string }) => e.kind === 'redeem').map((e: { txnId: string }) => e.txnId));
    const audited = await t.deps.db.selectFrom('audit_log').select('detail').where('action', '=', 'voucher.redeem').execute();
    const auditedTxns = new Set(audited.map((a) => (typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail).txnId));
    for (const txn of redeemTxns) expect(auditedTxns.has(txn)).toBe(true);
  });
});
