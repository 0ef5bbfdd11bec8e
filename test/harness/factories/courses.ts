import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/server/db/schema.ts';
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
