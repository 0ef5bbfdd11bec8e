import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness/app.ts';
import { DIALECTS } from '../../test/harness/db.ts';
import { createEnrolledChild } from '../../test/harness/factories/enrollments.ts';
import { claimVoucher, createOpenProgram } from '../../test/harness/factories/subsidies.ts';
import { createRoleWorld } from '../../test/harness/roles.ts';
import { EXPIRE_VOUCHERS_EVERY_MS } from './modules/subsidies/index.ts';
import { serverJobs } from './modules.ts';
import { startJobs } from './platform/jobs/scheduler.ts';

describe.each(DIALECTS)('the server’s scheduled jobs on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('include every module’s jobs', () => {
    const names = serverJobs(t.deps).map((job) => job.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'seal audit log',
        'expired sessions',
        'search change notes',
        'illness alerts',
        'expired offers',
        'expired vouchers',
        'voucher expiry reminders',
      ]),
    );
  });

  it('expire a voucher past its last day on schedule, with no one opening the program', async () => {
    const world = await createRoleWorld(t);
    const { userId, cookie } = world.actors.parent;
    const child = await createEnrolledChild(t.deps.db, { institutionId: world.institutionId, guardianUserId: userId });
    const program = await createOpenProgram(t, world.actors.city_official.cookie as string, { validTo: '2026-12-31' });
    const voucher = await claimVoucher(t, cookie as string, program.id, child.childId);
    const status = async () =>
      (await t.deps.db.selectFrom('vouchers').select('status').where('id', '=', voucher.id).executeTakeFirstOrThrow()).status;

    t.clock.set(new Date('2027-01-01T02:00:00Z'));
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const stop = startJobs(serverJobs(t.deps), t.app.log);
    try {
      await vi.advanceTimersByTimeAsync(EXPIRE_VOUCHERS_EVERY_MS - 1_000);
      expect(await status()).toBe('active');
      await vi.advanceTimersByTimeAsync(1_000);
      await vi.waitFor(async () => expect(await status()).toBe('expired'), { timeout: 10_000 });
    } finally {
      await stop();
      vi.useRealTimers();
    }
  });
});
