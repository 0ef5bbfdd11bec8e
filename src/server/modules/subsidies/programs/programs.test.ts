import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createEnrolledChild, type EnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createInstitution, designateInclusive } from '../../../../../test/harness/factories/institutions.ts';
import { claimVoucher, createOpenProgram, createStatement, programBody } from '../../../../../test/harness/factories/subsidies.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { createRoleWorld, type RoleWorld } from '../../../../../test/harness/roles.ts';
import { drawLottery } from '../../../../domain/subsidies/lottery.ts';

describe.each(DIALECTS)('voucher programs and issuance on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let city: string;
  let parent: string;
  let director: string;
  let child: EnrolledChild;

  const as = (cookie: string) => ({ cookie });
  const post = (url: string, payload: unknown, cookie: string) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: as(cookie) });
  const newChild = (overrides: Partial<Parameters<typeof createEnrolledChild>[1]> = {}) =>
    createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      classId: child.classId,
      guardianUserId: world.actors.parent.userId,
      ...overrides,
    });

  beforeAll(async () => {
    t = await buildTestApp(dialect, { sessionTtlHours: 24 * 60 });
    world = await createRoleWorld(t);
    city = world.actors.city_official.cookie as string;
    parent = world.actors.parent.cookie as string;
    director = world.actors.institution_admin.cookie as string;
    child = await createEnrolledChild(t.deps.db, { institutionId: world.institutionId, guardianUserId: world.actors.parent.userId });
  });
  afterAll(() => t.close());

  it('checks the rules: face value within budget, dates in order, a lottery date only for lotteries', async () => {
    const codes = async (body: Record<string, unknown>) => {
      const res = await post('/api/v1/voucher-programs', programBody(body), city);
      return res.statusCode === 400 ? res.json().error.details.map((d: { path: string }) => d.path) : res.statusCode;
    };
    expect(await codes({ faceValueFen: 2_000_000 })).toEqual(['body.faceValueFen']);
    expect(await codes({ validTo: '2025-12-31' })).toEqual(['body.validTo']);
    expect(await codes({ issuance: 'lottery' })).toEqual(['body.lotteryAt']);
    expect(await codes({ residenceDivisionCodes: ['320706'] })).toEqual(['body.residenceDivisionCodes']);
    expect(await codes({ budgetFen: 100.5 })).toEqual(['body.budgetFen']);
  });

  it('a draft is the officials’ own: families cannot see or claim it; its rules and budget can change, and the ledger follows', async () => {
    const draft = (await post('/api/v1/voucher-programs', programBody({ name: '草稿项目' }), city)).json();
    expect(draft).toMatchObject({
      status: 'draft',
      allowedActions: ['open', 'close'],
      summary: { budgetFen: 1_000_000, unissuedFen: 1_000_000 },
    });
    expect((await t.app.inject({ url: `/api/v1/voucher-programs/${draft.id}`, headers: as(parent) })).statusCode).toBe(404);
    expect((await post(`/api/v1/voucher-programs/${draft.id}/claims`, { childId: child.childId }, parent)).statusCode).toBe(404);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/voucher-programs/${draft.id}`,
      payload: { rules: programBody({ budgetFen: 600_000 }) },
      headers: as(city),
    });
    expect(patched.json().summary).toEqual({ budgetFen: 600_000, unissuedFen: 600_000, outstandingFen: 0, redeemedFen: 0, expiredFen: 0 });
    const ledger = (await t.app.inject({ url: `/api/v1/voucher-programs/${draft.id}/ledger`, headers: as(city) })).json();
    expect(ledger.balanced).toBe(true);
    expect(ledger.items.filter((e: { account: string }) => e.account === 'funding').map((e: { amountFen: number }) => e.amountFen)).toEqual(
      [-1_000_000, 400_000],
    );
    expect((await post(`/api/v1/voucher-programs/${draft.id}/open`, {}, city)).json().status).toBe('open');
    const again = await post(`/api/v1/voucher-programs/${draft.id}/open`, {}, city);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'SUBSIDY_ACTION_NOT_ALLOWED', details: { allowed: ['pause', 'close'] } });
    const lateRules = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/voucher-programs/${draft.id}`,
      payload: { rules: programBody() },
      headers: as(city),
    });
    expect(lateRules.statusCode).toBe(400);
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/voucher-programs/${draft.id}`,
      payload: { name: '新名称' },
      headers: as(city),
    });
    expect(renamed.json().name).toBe('新名称');
  });

  it('claims: eligibility, one per child, paused programs, another family’s child, and the budget', async () => {
    const program = await createOpenProgram(t, city, { budgetFen: 100_000 });
    const tooOld = await newChild({ birthDate: '2023-11-01' });
    const res = await post(`/api/v1/voucher-programs/${program.id}/claims`, { childId: tooOld.childId }, parent);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'VOUCHER_NOT_ELIGIBLE', details: { reasons: ['too_old'] } });
    const stranger = await createEnrolledChild(t.deps.db, { institutionId: world.institutionId, classId: child.classId });
    expect((await post(`/api/v1/voucher-programs/${program.id}/claims`, { childId: stranger.childId }, parent)).statusCode).toBe(404);
    const a = await newChild();
    await claimVoucher(t, parent, program.id, a.childId);
    expect((await post(`/api/v1/voucher-programs/${program.id}/claims`, { childId: a.childId }, parent)).json().error.code).toBe(
      'VOUCHER_LIMIT_REACHED',
    );
    const b = await newChild();
    await post(`/api/v1/voucher-programs/${program.id}/pause`, {}, city);
    const paused = await post(`/api/v1/voucher-programs/${program.id}/claims`, { childId: b.childId }, parent);
    expect(paused.json().error.code).toBe('PROGRAM_NOT_ACCEPTING');
    await post(`/api/v1/voucher-programs/${program.id}/open`, {}, city);
    await claimVoucher(t, parent, program.id, b.childId);
    const c = await newChild();
    const exhausted = await post(`/api/v1/voucher-programs/${program.id}/claims`, { childId: c.childId }, parent);
    expect(exhausted.statusCode).toBe(409);
    expect(exhausted.json().error.code).toBe('BUDGET_EXHAUSTED');
    const available = (await t.app.inject({ url: '/api/v1/voucher-programs/available', headers: as(parent) })).json().items;
    const entry = available.find((p: { id: string }) => p.id === program.id);
    expect(entry.budgetLeft).toBe(false);
    expect(entry.children.find((x: { childId: string }) => x.childId === a.childId)).toMatchObject({
      eligible: false,
      reasons: ['limit_reached'],
    });
    expect(entry.children.find((x: { childId: string }) => x.childId === c.childId)).toMatchObject({ eligible: true, canClaim: true });
  });

  it('a parent sees only their own vouchers', async () => {
    const program = await createOpenProgram(t, city);
    const other = await createUser(t.deps.db, { role: 'parent' });
    const otherCookie = await signIn(t.app, other.phone);
    const theirs = await createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      classId: child.classId,
      guardianUserId: other.id,
    });
    const voucher = await claimVoucher(t, otherCookie, program.id, theirs.childId);
    const mine = (await t.app.inject({ url: '/api/v1/vouchers', headers: as(parent) })).json().items;
    expect(mine.some((v: { id: string }) => v.id === voucher.id)).toBe(false);
    expect((await t.app.inject({ url: `/api/v1/vouchers/${voucher.id}`, headers: as(parent) })).statusCode).toBe(404);
    const own = (await t.app.inject({ url: `/api/v1/vouchers/${voucher.id}`, headers: as(otherCookie) })).json();
    expect(own).toMatchObject({ status: 'active', balanceFen: 50_000, expiresOn: '2026-12-31', usableAt: { kind: 'any' } });
    expect(own.codeDisplay).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(own.qrText).toBe(`TUOYU:VOUCHER:${own.code}`);
  });

  it('lottery: applications until the draw, winners while the budget lasts, a recorded seed that replays the draw', async () => {
    const program = await createOpenProgram(t, city, { issuance: 'lottery', lotteryAt: '2026-11-30T10:00:00+08:00', budgetFen: 100_000 });
    const kids = [await newChild(), await newChild(), await newChild()];
    for (const k of kids) {
      const res = await post(`/api/v1/voucher-programs/${program.id}/claims`, { childId: k.childId }, parent);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ voucher: null, application: { status: 'pending', childId: k.childId } });
    }
    expect((await post(`/api/v1/voucher-programs/${program.id}/lottery`, {}, city)).json().error.code).toBe('LOTTERY_NOT_DUE');
    t.clock.set(new Date('2026-11-30T03:00:00Z'));
    try {
      const late = await newChild();
      expect((await post(`/api/v1/voucher-programs/${program.id}/claims`, { childId: late.childId }, parent)).json().error.code).toBe(
        'PROGRAM_NOT_ACCEPTING',
      );
      expect((await post(`/api/v1/voucher-programs/${program.id}/lottery`, {}, city)).json()).toEqual({ issued: 2, notIssued: 1 });
      expect((await post(`/api/v1/voucher-programs/${program.id}/lottery`, {}, city)).statusCode).toBe(409);
      const view = (await t.app.inject({ url: `/api/v1/voucher-programs/${program.id}`, headers: as(city) })).json();
      expect(view).toMatchObject({ applications: { pending: 0, won: 2, lost: 1 }, vouchers: { active: 2 }, summary: { unissuedFen: 0 } });
      const applications = await t.deps.db
        .selectFrom('voucher_applications')
        .select(['id', 'status', 'child_id'])
        .where('program_id', '=', program.id)
        .orderBy('applied_at')
        .orderBy('id')
        .execute();
      const replay = drawLottery(
        applications.map((a) => a.id),
        2,
        view.lotterySeed,
      );
      expect(
        applications
          .filter((a) => a.status === 'won')
          .map((a) => a.id)
          .sort(),
      ).toEqual([...replay.winners].sort());
      const mine = (await t.app.inject({ url: '/api/v1/voucher-applications', headers: as(parent) })).json().items;
      expect(
        mine
          .filter((a: { programId: string }) => a.programId === program.id)
          .map((a: { status: string }) => a.status)
          .sort(),
      ).toEqual(['lost', 'won', 'won']);
    } finally {
      t.clock.set(new Date('2026-11-29T02:00:00Z'));
    }
  });

  it('automatic grant to enrolled children at accepting institutions, once; redemption elsewhere is refused', async () => {
    const program = await createOpenProgram(t, city, { issuance: 'automatic', inclusiveOnly: true, budgetFen: 50_000 * 500 });
    expect((await post(`/api/v1/voucher-programs/${program.id}/grant`, {}, city)).json()).toEqual({ issued: 0, notIssued: 0 });
    await designateInclusive(t.deps.db, world.institutionId);
    const enrolled = await t.deps.db
      .selectFrom('enrolments as e')
      .innerJoin('children as c', 'c.id', 'e.child_id')
      .select('c.id')
      .where('e.institution_id', '=', world.institutionId)
      .where('e.end_date', 'is', null)
      .where('c.birth_date', '>', '2023-11-29')
      .execute();
    const first = (await post(`/api/v1/voucher-programs/${program.id}/grant`, {}, city)).json();
    expect(first.issued).toBe(enrolled.length);
    expect((await post(`/api/v1/voucher-programs/${program.id}/grant`, {}, city)).json().issued).toBe(0);
    expect((await post(`/api/v1/voucher-programs/${program.id}/claims`, { childId: child.childId }, parent)).json().error.code).toBe(
      'PROGRAM_NOT_ACCEPTING',
    );

    const listed = await createOpenProgram(t, city, { institutionIds: [world.institutionId], name: '指定机构券' });
    const mover = await newChild();
    const voucher = await claimVoucher(t, parent, listed.id, mover.childId);
    const elsewhere = await createInstitution(t.deps.db, world.townshipCodes[1] as string, '未指定托育园');
    const otherDirector = await createUser(t.deps.db, { role: 'institution_admin', institutionId: elsewhere.id });
    await t.deps.db.updateTable('enrolments').set({ end_date: '2026-11-15' }).where('child_id', '=', mover.childId).execute();
    const there = await createEnrolledChild(t.deps.db, { institutionId: elsewhere.id, startDate: '2026-11-16' });
    await t.deps.db.updateTable('enrolments').set({ child_id: mover.childId }).where('child_id', '=', there.childId).execute();
    const statementId = await createStatement(t.deps.db, { childId: mover.childId, institutionId: elsewhere.id, classId: there.classId });
    const res = await post(
      '/api/v1/vouchers/redeem',
      { code: voucher.code, statementId, amountFen: 50_000, idempotencyKey: 'elsewhere-1' },
      await signIn(t.app, otherDirector.phone),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('VOUCHER_NOT_ACCEPTED_HERE');
    expect(
      (await post('/api/v1/vouchers/redeem', { code: voucher.code, statementId, amountFen: 50_000, idempotencyKey: 'x' }, director))
        .statusCode,
    ).toBe(404);
  });
});
