import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { signIn } from '../../../../../test/harness/factories/users.ts';
import { DEMO_PASSWORD, seedDemo } from '../../../demo/seed.ts';
import { PROGRAM_2023 } from './program2023.ts';

describe.each(DIALECTS)('subsidies demo on %s', (dialect) => {
  let t: TestApp;
  let city: string;
  let programs: { id: string; name: string; status: string; summary: Record<string, number>; vouchers: Record<string, number> }[];

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    t.clock.set(new Date());
    const started = Date.now();
    expect(await seedDemo(t.deps)).toBe(true);
    console.log(`demo seeded in ${Date.now() - started} ms on ${dialect}`);
    city = await signIn(t.app, '13900000001', DEMO_PASSWORD);
    programs = (await t.app.inject({ url: '/api/v1/voucher-programs', headers: { cookie: city } })).json().items;
  }, 180_000);
  afterAll(() => t.close());

  it('the 2023 program: 1,000,000 yuan, every voucher issued, partly redeemed, the rest expired, closed', async () => {
    const p = programs.find((x) => x.name === PROGRAM_2023.name);
    expect(p).toMatchObject({ status: 'closed', vouchers: { active: 0 } });
    const summary = (await t.app.inject({ url: `/api/v1/voucher-programs/${p?.id}/summary`, headers: { cookie: city } })).json();
    expect(summary.budgetFen).toBe(100_000_000);
    expect(summary.outstandingFen).toBe(0);
    expect(summary.unissuedFen + summary.redeemedFen + summary.expiredFen).toBe(100_000_000);
    expect(summary.redeemedFen).toBeGreaterThan(60_000_000);
    expect(summary.expiredFen).toBeGreaterThan(15_000_000);
    const ledger = (await t.app.inject({ url: `/api/v1/voucher-programs/${p?.id}/ledger?limit=5`, headers: { cookie: city } })).json();
    expect(ledger.balanced).toBe(true);
  });

  it('a few settled months: March–October paid, November settled, December not', async () => {
    const months = async (month: string) =>
      (await t.app.inject({ url: `/api/v1/voucher-settlements?month=${month}`, headers: { cookie: city } })).json().items as {
        status: string;
      }[];
    expect((await months('2023-05')).every((s) => s.status === 'paid')).toBe(true);
    expect((await months('2023-05')).length).toBeGreaterThan(0);
    const november = await months('2023-11');
    expect(november.length).toBeGreaterThan(0);
    expect(november.every((s) => s.status === 'settled')).toBe(true);
    expect(await months('2023-12')).toEqual([]);
  });

  it('this year’s program is open; the demo parent has no voucher yet and can claim for their child', async () => {
    const current = programs.find((x) => x.status === 'open');
    expect(current?.vouchers.active).toBeGreaterThan(0);
    const ledger = (
      await t.app.inject({ url: `/api/v1/voucher-programs/${current?.id}/ledger?limit=1`, headers: { cookie: city } })
    ).json();
    expect(ledger.balanced).toBe(true);
    const parent = await signIn(t.app, '13900000005', DEMO_PASSWORD);
    expect((await t.app.inject({ url: '/api/v1/vouchers', headers: { cookie: parent } })).json().items).toEqual([]);
    const available = (await t.app.inject({ url: '/api/v1/voucher-programs/available', headers: { cookie: parent } })).json().items;
    expect(available.find((a: { id: string }) => a.id === current?.id)?.children.some((c: { canClaim: boolean }) => c.canClaim)).toBe(true);
  });

  it('19 social-insurance subsidy applications approved for 2023, and this year’s in review at the guidance centre', async () => {
    const approved = (
      await t.app.inject({ url: '/api/v1/subsidy-applications?status=approved&kind=social_insurance', headers: { cookie: city } })
    ).json().items;
    expect(approved.filter((a: { periodFrom: string }) => a.periodFrom === '2023-01-01')).toHaveLength(19);
    const director = await signIn(t.app, '13900000003', DEMO_PASSWORD);
    const own = (await t.app.inject({ url: '/api/v1/subsidy-applications', headers: { cookie: director } })).json().items;
    expect(
      own.some((a: { status: string; allowedActions: string[] }) => a.status === 'submitted' && a.allowedActions.includes('withdraw')),
    ).toBe(true);
    const district = await signIn(t.app, '13900000002', DEMO_PASSWORD);
    const queue = (await t.app.inject({ url: '/api/v1/subsidy-applications?status=submitted', headers: { cookie: district } })).json()
      .items;
    expect(queue.every((a: { districtCode: string }) => a.districtCode === '320706')).toBe(true);
  });

  it('every demo money movement is in the audit log', async () => {
    const count = async (action: string) =>
      Number(
        (
          await t.deps.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('action', '=', action)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const vouchers = Number(
      (
        await t.deps.db
          .selectFrom('vouchers')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(await count('voucher.issue')).toBe(vouchers);
    const redemptions = Number(
      (
        await t.deps.db
          .selectFrom('voucher_redemptions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(await count('voucher.redeem')).toBe(redemptions);
  });
});
