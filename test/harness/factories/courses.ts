import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { DB } from '../../../src/server/db/schema.ts';
import { buildTestApp, TEST_START, type TestApp } from '../app.ts';
import type { Dialect } from '../db.ts';
import { createRoleWorld, type RoleWorld } from '../roles.ts';
import { createUser, signIn } from './users.ts';

/** Names the institution as the city's guidance center, whose staff run the courses. */
export async function setGuidanceCenter(db: Kysely<DB>, institutionId: string) {
  const value = JSON.stringify({ institutionId });
  await db
    .insertInto('settings')
    .values({ key: 'guidance.center', value, updated_at: new Date() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** A signed-in parent with one child born on the date. */
export async function createParentWithChild(app: FastifyInstance, db: Kysely<DB>, birthDate: string, divisionCode: string) {
  const user = await createUser(db, { role: 'parent' });
  const child = await db
    .insertInto('children')
    .values({
      name: `预约${user.phone.slice(-4)}`,
      sex: 'female',
      birth_date: birthDate,
      residence_division_code: divisionCode,
      created_by: user.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('child_guardians')
    .values({ child_id: child.id, user_id: user.id, relation: 'mother', consent_version: 'test', consented_at: new Date() })
    .execute();
  return { userId: user.id, childId: child.id, cookie: await signIn(app, user.phone) };
}

type Inject = (request: { method: 'POST'; url: string; payload: object; headers: { cookie: string } }) => Promise<{
  statusCode: number;
  json(): { id: string };
  body: string;
}>;

/** A 走走班-like course for 12–24 months at the venue, created through the API, with one session of `seats`. */
export async function createCourseWithSession(
  inject: Inject,
  cookie: string,
  session: { startsAt: string; endsAt: string; seats: number },
  course: Record<string, unknown> = {},
) {
  const created = await inject({
    method: 'POST',
    url: '/api/v1/courses',
    payload: {
      kind: 'center_class',
      title: '走走班',
      audience: 'child',
      ageBand: { fromMonths: 12, toMonths: 24 },
      delivery: 'venue',
      venue: '指导中心活动室',
      ...course,
    },
    headers: { cookie },
  });
  if (created.statusCode !== 201) throw new Error(`course: ${created.statusCode} ${created.body}`);
  const added = await inject({
    method: 'POST',
    url: `/api/v1/courses/${created.json().id}/sessions`,
    payload: session,
    headers: { cookie },
  });
  if (added.statusCode !== 201) throw new Error(`session: ${added.statusCode} ${added.body}`);
  return { courseId: created.json().id, sessionId: added.json().id };
}

/** The session the course tests book: 09:30–10:30 in the city on 10 December 2026, after the clock's start. */
export const COURSE_SESSION = { startsAt: '2026-12-10T01:30:00Z', endsAt: '2026-12-10T02:30:00Z' };

export type CourseCenter = {
  t: TestApp;
  world: RoleWorld;
  /** The center's caregiver, who runs courses. */
  staff: string;
  /** A parent with a child born on the date (18 months old on the session's day by default), in the world's township. */
  parent(birthDate?: string): ReturnType<typeof createParentWithChild>;
  /** A course (a 走走班 unless `course` says otherwise) with COURSE_SESSION, of `seats`. */
  session(seats: number, course?: Record<string, unknown>): ReturnType<typeof createCourseWithSession>;
};

/**
 * The app of one course test file: a role world whose institution is the guidance center, built
 * before its tests and closed after them, the clock put back to its start before each test.
 * Sign-ins outlive the weeks tests move the clock. Read the fields inside tests and hooks.
 */
export function useCourseCenter(dialect: Dialect): CourseCenter {
  const center = {
    parent: (birthDate = '2025-06-01') =>
      createParentWithChild(center.t.app, center.t.deps.db, birthDate, center.world.townshipCodes[0] as string),
    session: (seats, course = {}) =>
      createCourseWithSession((r) => center.t.app.inject(r), center.staff, { ...COURSE_SESSION, seats }, course),
  } as CourseCenter;
  beforeAll(async () => {
    center.t = await buildTestApp(dialect, { sessionTtlHours: 24 * 60, sessionMaxDays: 90 });
    center.world = await createRoleWorld(center.t);
    await setGuidanceCenter(center.t.deps.db, center.world.institutionId);
    center.staff = center.world.actors.caregiver.cookie as string;
  });
  afterAll(() => center.t?.close());
  beforeEach(() => center.t.clock.set(TEST_START));
  return center;
}
