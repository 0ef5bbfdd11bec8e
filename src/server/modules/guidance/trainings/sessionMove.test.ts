import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { DIRECTOR_TRAINING, useTrainingWorld } from '../../../../../test/harness/factories/trainings.ts';
import { expectRoleMatrix } from '../../../../../test/harness/roles.ts';

const TRAINING = { ...DIRECTOR_TRAINING, requiredHours: 3 };
const SESSION = { startsAt: '2026-12-10T01:00:00Z', endsAt: '2026-12-10T04:00:00Z', hours: 3 };
const MOVED = { startsAt: '2026-12-17T01:00:00Z', endsAt: '2026-12-17T04:00:00Z' };

describe.each(DIALECTS)('moving a training session on %s', (dialect) => {
  const training = useTrainingWorld(dialect);
  const req = (method: 'POST' | 'PUT', url: string, cookie: string, payload: object) =>
    training.t.app.inject({ method, url, payload, headers: { cookie } });
  async function scheduled() {
    const id = await training.schedule(TRAINING);
    const sessionId = (await req('POST', `/api/v1/trainings/${id}/sessions`, training.city, SESSION)).json().id as string;
    return { id, sessionId };
  }
  const move = (id: string, sessionId: string, payload: object, cookie = training.city) =>
    req('PUT', `/api/v1/trainings/${id}/sessions/${sessionId}/time`, cookie, payload);

  it('the center moves a session before it starts; the directors of the staff enrolled are told', async () => {
    const { id, sessionId } = await scheduled();
    const staffId = await training.addDirector('郑园长');
    expect((await req('POST', `/api/v1/trainings/${id}/enrolments`, training.director, { staffId })).statusCode).toBe(201);

    const moved = await move(id, sessionId, MOVED);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toEqual({ id: sessionId, startsAt: '2026-12-17T01:00:00.000Z', endsAt: '2026-12-17T04:00:00.000Z', hours: 3 });
    const told = await training.t.deps.db
      .selectFrom('notifications')
      .select(['params', 'link'])
      .where('user_id', '=', training.directorId)
      .where('kind', '=', 'guidance.training_session_moved')
      .execute();
    expect(told).toHaveLength(1);
    expect(told[0]?.params).toMatchObject({ training: TRAINING.title, from: '2026-12-10 09:00', startsAt: '2026-12-17 09:00' });
    const audit = await training.t.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', sessionId).execute();
    expect(audit.map((a) => a.action)).toContain('training_session.reschedule');
  });

  it('refuses a time in the past, one too short for the hours, and a session already started, changing nothing', async () => {
    const { id, sessionId } = await scheduled();
    const past = await move(id, sessionId, { startsAt: '2026-11-20T01:00:00Z', endsAt: '2026-11-20T04:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details).toEqual([{ path: 'body.startsAt', message: '开始时间不能早于现在' }]);
    const short = await move(id, sessionId, { startsAt: MOVED.startsAt, endsAt: '2026-12-17T02:00:00Z' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toEqual([{ path: 'body.endsAt', message: '学时不能超过课次的时长' }]);
    training.t.clock.set(new Date('2026-12-10T02:00:00Z'));
    expect((await move(id, sessionId, MOVED)).statusCode).toBe(409);
    const row = await training.t.deps.db
      .selectFrom('training_sessions')
      .select('starts_at')
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(new Date(row.starts_at).toISOString()).toBe(SESSION.startsAt.replace('Z', '.000Z'));
  });

  it('role matrix: the center, city officials and the admin move sessions', async () => {
    const { id, sessionId } = await scheduled();
    await expectRoleMatrix(
      training.t,
      training.world,
      { method: 'PUT', url: `/api/v1/trainings/${id}/sessions/${sessionId}/time`, payload: MOVED },
      // The world's director is not the guidance center's.
      { anonymous: 401, parent: 403, institution_admin: 403, caregiver: 403, district_official: 403, city_official: 200, admin: 200 },
    );
  });
});
