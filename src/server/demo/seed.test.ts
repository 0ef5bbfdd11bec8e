import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/harness/app.ts';
import { DIALECTS } from '../../../test/harness/db.ts';
import { signIn } from '../../../test/harness/factories/users.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed.ts';

describe.each(DIALECTS)('demo seed on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    expect(await seedDemo(t.deps)).toBe(true);
  });
  afterAll(() => t.close());

  it('seeds once: a second run finds users and does nothing', async () => {
    expect(await seedDemo(t.deps)).toBe(false);
  });

  it('gives the city about 4.6 million people and 112,000 under 3, with parts adding up exactly', async () => {
    const tree = (await t.app.inject({ url: '/api/v1/divisions' })).json();
    const city = tree.tree.find((n: { code: string }) => n.code === '320700');
    expect(city.population).toMatchObject({ year: 2025, total: 4_600_500, under3: 112_000, isDemo: true });
    expect(city.children).toHaveLength(7);
    type Node = { population: { total: number; under3: number }; children: Node[] };
    const sum = (nodes: Node[], key: 'total' | 'under3') => nodes.reduce((s, n) => s + n.population[key], 0);
    expect(sum(city.children, 'total')).toBe(4_600_500);
    expect(sum(city.children, 'under3')).toBe(112_000);
    for (const district of city.children as Node[]) {
      expect(sum(district.children, 'total')).toBe(district.population.total);
      expect(sum(district.children, 'under3')).toBe(district.population.under3);
      for (const township of district.children) expect(township.population.under3).toBeLessThan(township.population.total * 0.05);
    }
    const haizhou = city.children.find((n: { code: string }) => n.code === '320706');
    expect(haizhou.population.total).toBeGreaterThan(800_000);
    expect(tree.tree).toHaveLength(1);
    expect(JSON.stringify(tree).match(/"level":"township"/g)).toHaveLength(109);
  });

  it('marks the database as a demo', async () => {
    expect((await t.app.inject({ url: '/api/v1/meta' })).json()).toMatchObject({ demo: true });
  });

  it.each(DEMO_ACCOUNTS)('signs in as $role ($phone) with the README password', async (account) => {
    const cookie = await signIn(t.app, account.phone, DEMO_PASSWORD);
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json();
    expect(me.roles[0].role).toBe(account.role);
    if (account.role === 'district_official') expect(me.roles[0]).toMatchObject({ divisionCode: '320706', divisionName: '海州区' });
    if (account.role === 'city_official') expect(me.roles[0]).toMatchObject({ divisionCode: '320700', divisionName: '连云港市' });
    if (account.role === 'caregiver') expect(me.roles[0].institutionName).toBe('连云港市婴幼儿照护服务指导中心');
  });
});
