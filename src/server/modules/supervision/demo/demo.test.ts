import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { signIn } from '../../../../../test/harness/factories/users.ts';
import { DEMO_PASSWORD, seedDemo } from '../../../demo/seed.ts';

describe.each(DIALECTS)('the inspections demo on %s', (dialect) => {
  let t: TestApp;
  let district: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await seedDemo(t.deps);
    district = await signIn(t.app, '13900000002', DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });

  it('holds a past round in 海州区 that re-runs to the same draw', async () => {
    const rounds = (await get('/api/v1/inspection-rounds?divisionCode=320706', district)).json();
    expect(rounds).toHaveLength(1);
    const rerun = await t.app.inject({
      method: 'POST',
      url: `/api/v1/inspection-rounds/${rounds[0].id}/rerun`,
      headers: { cookie: district },
    });
    expect(rerun.json().same).toBe(true);
    const directory = (await get('/api/v1/inspectors?divisionCode=320706', district)).json();
    expect(directory.inspectors.length).toBeGreaterThanOrEqual(6);
  });

  it('has open rectifications at the guidance centre, one of them overdue, and shows them on its public page', async () => {
    const overdue = (await get('/api/v1/rectifications?divisionCode=320706&overdue=true', district)).json();
    expect(overdue).toHaveLength(1);
    const director = await signIn(t.app, '13900000003', DEMO_PASSWORD);
    const own = (await get('/api/v1/rectifications', director)).json();
    expect(own.map((r: { status: string; overdue: boolean }) => [r.status, r.overdue])).toEqual([
      ['open', true],
      ['submitted', false],
    ]);
    const history = (await get(`/api/v1/public/institutions/${own[0].institutionId}/inspections`)).json();
    expect(history[0]).toMatchObject({ overall: 'rectify', rectified: false });
  });
});
