import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { signIn } from '../../../../../test/harness/factories/users.ts';
import { DEMO_PASSWORD, seedDemo } from '../../../demo/seed.ts';

// The demo on one database is enough: the seed's SQL is the module's own, tested on both elsewhere.
describe('the demo’s staff trainings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('pglite');
    t.clock.set(new Date());
    await seedDemo(t.deps);
  }, 180_000);
  afterAll(() => t.close());

  it('has the director training with two sessions and certificates, the caregivers’ in progress, and staff short of hours', async () => {
    const center = await signIn(t.app, '13900000003', DEMO_PASSWORD);
    const list = (await t.app.inject({ url: '/api/v1/trainings', headers: { cookie: center } })).json();
    expect(list.canManage).toBe(true);
    const director = list.items.find((x: { audience: string }) => x.audience === 'director');
    const detail = (await t.app.inject({ url: `/api/v1/trainings/${director.id}`, headers: { cookie: center } })).json();
    expect(detail.sessions).toHaveLength(2);
    const certified = detail.enrolments.filter((e: { certificate: unknown }) => e.certificate);
    expect(certified.length).toBe(5);
    expect(detail.enrolments.some((e: { status: string; hoursAttended: number }) => e.status === 'enrolled' && e.hoursAttended === 3)).toBe(
      true,
    );
    const code = certified[0].certificate.code;
    expect((await t.app.inject({ url: `/api/v1/public/training-certificates/${code}` })).json().status).toBe('valid');

    const city = await signIn(t.app, '13900000001', DEMO_PASSWORD);
    const shortfall = (await t.app.inject({ url: '/api/v1/training-shortfall', headers: { cookie: city } })).json();
    expect(shortfall.items.length).toBeGreaterThan(0);
    const hours = (await t.app.inject({ url: '/api/v1/training-hours', headers: { cookie: center } })).json();
    expect(hours.items.length).toBeGreaterThan(0);
  });
});
