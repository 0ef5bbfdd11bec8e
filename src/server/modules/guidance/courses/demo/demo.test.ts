import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../../test/harness/app.ts';
import { signIn } from '../../../../../../test/harness/factories/users.ts';
import { DEMO_PASSWORD, seedDemo } from '../../../../demo/seed.ts';

type Session = { startsAt: string; seatsLeft: number; waiting: number };
type Course = { id: string; title: string; kind: string; delivery: string; sessions: Session[] };

// The demo on one database is enough: the seed's SQL is the modules' own, tested on both elsewhere.
describe('the guidance center’s demo term', () => {
  let t: TestApp;
  let courses: Course[];
  beforeAll(async () => {
    t = await buildTestApp('pglite');
    t.clock.set(new Date());
    await seedDemo(t.deps);
    const list = (await t.app.inject({ url: '/api/v1/courses' })).json().items as { id: string }[];
    courses = await Promise.all(list.map(async (c) => (await t.app.inject({ url: `/api/v1/courses/${c.id}` })).json() as Course));
  }, 120_000);
  afterAll(() => t.close());

  it('has the three classes by age with full sessions and waitlists, lectures live soon and recorded, and parent classes', () => {
    const titles = courses.map((c) => c.title).join(' ');
    for (const name of ['爬爬班', '走走班', '跳跳班']) expect(titles).toContain(name);
    const classes = courses.filter((c) => c.kind === 'center_class');
    for (const c of classes) expect(c.sessions.some((s) => s.seatsLeft === 0 && s.waiting > 0)).toBe(true);
    const live = courses.find((c) => c.kind === 'expert_lecture' && c.delivery === 'live') as Course;
    const startsIn = new Date(live.sessions[0]?.startsAt as string).getTime() - Date.now();
    expect(startsIn).toBeGreaterThan(0);
    expect(startsIn).toBeLessThan(3 * 3_600_000);
    expect(courses.some((c) => c.kind === 'expert_lecture' && c.delivery === 'recorded')).toBe(true);
    expect(courses.filter((c) => c.kind === 'parent_class').length).toBeGreaterThanOrEqual(2);
  });

  it('lets the center’s director see last weeks’ ratings, and leaves the demo parent free to book', async () => {
    const director = await signIn(t.app, '13900000003', DEMO_PASSWORD);
    const walking = courses.find((c) => c.title.startsWith('走走班')) as Course;
    const ratings = (await t.app.inject({ url: `/api/v1/courses/${walking.id}/ratings`, headers: { cookie: director } })).json();
    expect(ratings.count).toBeGreaterThan(0);
    expect(ratings.average).toBeGreaterThanOrEqual(3);
    const parent = await signIn(t.app, '13900000005', DEMO_PASSWORD);
    expect((await t.app.inject({ url: '/api/v1/bookings', headers: { cookie: parent } })).json().items).toEqual([]);
  });
});
