import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createCourseWithSession, createParentWithChild, setGuidanceCenter } from '../../../../../test/harness/factories/courses.ts';
import { createRoleWorld, type RoleWorld } from '../../../../../test/harness/roles.ts';
import { buildApp } from '../../../app.ts';
import { openPostgres } from '../../../db/connect.ts';

const SESSION = { startsAt: '2026-12-10T01:30:00Z', endsAt: '2026-12-10T02:30:00Z' };

describe.each(DIALECTS)('booking races on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let staff: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    await setGuidanceCenter(t.deps.db, world.institutionId);
    staff = world.actors.caregiver.cookie as string;
  });
  afterAll(() => t.close());

  const statuses = (sessionId: string) =>
    t.deps.db
      .selectFrom('course_bookings')
      .select(['id', 'status', 'booker_id'])
      .where('session_id', '=', sessionId)
      .orderBy('queue_no')
      .execute();

  /** A session with 40 seats, 30 taken already, and 30 more parents ready to book at once. */
  async function lastTenSeats() {
    const { sessionId } = await createCourseWithSession((r) => t.app.inject(r), staff, { ...SESSION, seats: 40 });
    const book = (p: { cookie: string; childId: string }, app: FastifyInstance = t.app) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/sessions/${sessionId}/bookings`,
        payload: { childId: p.childId },
        headers: { cookie: p.cookie },
      });
    const parents = [];
    for (let i = 0; i < 60; i++)
      parents.push(await createParentWithChild(t.app, t.deps.db, '2025-06-01', world.townshipCodes[0] as string));
    for (const p of parents.slice(0, 30)) expect((await book(p)).json().status).toBe('confirmed');
    return { sessionId, book, racers: parents.slice(30) };
  }

  async function race(apps: FastifyInstance[]) {
    const { sessionId, book, racers } = await lastTenSeats();
    const results = await Promise.all(racers.map((p, i) => book(p, apps[i % apps.length])));
    expect(results.map((r) => r.statusCode)).toEqual(Array(30).fill(201));
    const bodies = results.map((r) => r.json());
    expect(bodies.filter((b) => b.status === 'confirmed')).toHaveLength(10);
    const waiting = bodies.filter((b) => b.status === 'waitlisted');
    expect(waiting.map((b) => b.position).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // The positions told are the order kept: the queue in the database agrees with every answer.
    const rows = await statuses(sessionId);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(40);
    const queue = rows.filter((r) => r.status === 'waitlisted').map((r) => r.id);
    for (const b of waiting) expect(queue.indexOf(b.id) + 1).toBe(b.position);

    // Three cancellations at once, next to two new bookers: exactly three offers, to the first three waiting.
    const confirmed = results.filter((r) => r.json().status === 'confirmed').slice(0, 3);
    const cancellers = confirmed.map((r) => racers[results.indexOf(r)] as (typeof racers)[number]);
    const late = [];
    for (let i = 0; i < 2; i++) late.push(await createParentWithChild(t.app, t.deps.db, '2025-06-01', world.townshipCodes[0] as string));
    const moves = await Promise.all([
      ...confirmed.map((r, i) =>
        (apps[i % apps.length] as FastifyInstance).inject({
          method: 'POST',
          url: `/api/v1/bookings/${r.json().id}/cancel`,
          headers: { cookie: (cancellers[i] as { cookie: string }).cookie },
        }),
      ),
      ...late.map((p, i) => book(p, apps[(i + 1) % apps.length])),
    ]);
    expect(moves.map((m) => m.statusCode)).toEqual([204, 204, 204, 201, 201]);
    expect(moves.slice(3).map((m) => m.json().status)).toEqual(['waitlisted', 'waitlisted']);
    const after = await statuses(sessionId);
    expect(after.filter((r) => r.status === 'offered').map((r) => r.id)).toEqual(queue.slice(0, 3));
    expect(after.filter((r) => r.status === 'confirmed' || r.status === 'offered')).toHaveLength(40);
  }

  it('30 parents booking the last 10 seats at once: exactly 10 confirmed, 20 waitlisted in order', async () => {
    await race([t.app]);
  }, 180_000);

  // PostgreSQL only: PGlite is one process's embedded database.
  if (dialect === 'postgres')
    it('holds with two servers on one database', async () => {
      const second = await openPostgres(t.database.postgres as NonNullable<typeof t.database.postgres>);
      const other = await buildApp({ ...t.deps, database: second, db: second.db });
      try {
        await race([t.app, other]);
      } finally {
        await other.close();
        await second.close();
      }
    }, 240_000);
});
