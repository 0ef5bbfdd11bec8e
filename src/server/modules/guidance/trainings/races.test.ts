import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createRoleWorld, type RoleWorld } from '../../../../../test/harness/roles.ts';

const TRAINING = { title: '托育机构负责人培训', audience: 'director', requiredHours: 2, delivery: 'venue', venue: '市妇幼保健院三楼' };

describe.each(DIALECTS)('trainings under concurrent changes on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let city: string;
  let director: string;
  let directorId: string;

  const req = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { cookie } });

  async function addDirector(name: string) {
    const row = await t.deps.db
      .insertInto('institution_staff')
      .values({ institution_id: world.institutionId, name, role: 'director', hired_on: '2024-01-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function schedule(title: string) {
    const created = await req('POST', '/api/v1/trainings', city, { ...TRAINING, title });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    city = world.actors.city_official.cookie as string;
    director = world.actors.institution_admin.cookie as string;
    directorId = world.actors.institution_admin.userId as string;
    await t.deps.db.updateTable('institutions').set({ status: 'filed' }).where('id', '=', world.institutionId).execute();
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set(new Date('2026-11-29T02:00:00Z')));

  // Holding the training's row lock from outside needs a second connection: on PostgreSQL only,
  // and not registered on PGlite, where it would show as a skipped test.
  const onPostgres = (dialect === 'postgres' ? it : () => undefined) as typeof it;
  onPostgres('a certificate states the training as it stands when it is issued, not as it was read before an edit', async () => {
    const id = await schedule('第一期');
    const session = await req('POST', `/api/v1/trainings/${id}/sessions`, city, {
      startsAt: '2026-11-20T01:00:00Z',
      endsAt: '2026-11-20T03:00:00Z',
      hours: 2,
    });
    const enrolmentId = (await req('POST', `/api/v1/trainings/${id}/enrolments`, director, { staffId: await addDirector('周园长') })).json()
      .id as string;
    await req('PUT', `/api/v1/trainings/${id}/sessions/${session.json().id}/attendance`, city, { enrolmentIds: [enrolmentId] });

    // An edit holds the training while the completion arrives; the completion must wait for it and print its title.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holder = 0;
    let holding = () => {};
    const held = new Promise<void>((resolve) => {
      holding = resolve;
    });
    const edit = t.deps.db.transaction().execute(async (trx) => {
      await trx.selectFrom('trainings').select('id').where('id', '=', id).forUpdate().execute();
      await trx.updateTable('trainings').set({ title: '第一期（更正）' }).where('id', '=', id).execute();
      holder = Number((await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]?.pid);
      holding();
      await released;
    });
    await held;
    const completing = req('POST', `/api/v1/trainings/${id}/enrolments/${enrolmentId}/complete`, city);
    for (let waited = 0; ; waited += 20) {
      const { rows } = await sql<{
        n: string;
      }>`select count(*) as n from pg_stat_activity where ${holder} = any(pg_blocking_pids(pid))`.execute(t.deps.db);
      if (Number(rows[0]?.n) > 0) break;
      if (waited > 10_000) throw new Error('the completion never waited for the edit');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    release();
    await edit;
    const done = await completing;
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json().trainingTitle).toBe('第一期（更正）');
    const told = await t.deps.db
      .selectFrom('notifications')
      .select('params')
      .where('user_id', '=', directorId)
      .where('kind', '=', 'guidance.training_certificate_issued')
      .execute();
    expect(told.map((n) => (n.params as { training: string }).training)).toEqual(['第一期（更正）']);
  });

  it('an enrolment racing the close is either refused or its director is told of the close', async () => {
    const staffId = await addDirector('吴园长');
    for (let round = 0; round < 15; round++) {
      const id = await schedule(`并发停止报名 ${round}`);
      const [enrolled, closed] = await Promise.all([
        req('POST', `/api/v1/trainings/${id}/enrolments`, director, { staffId }),
        req('POST', `/api/v1/trainings/${id}/close`, city),
      ]);
      expect(closed.statusCode, closed.body).toBe(200);
      const told = await t.deps.db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', directorId)
        .where('kind', '=', 'guidance.training_closed')
        .where('link', 'like', `%${id}`)
        .execute();
      if (enrolled.statusCode === 201) expect(told, `round ${round}: enrolled after the close and not told`).toHaveLength(1);
      else {
        expect(enrolled.json().error.code).toBe('TRAINING_CLOSED');
        expect(told).toHaveLength(0);
        const rows = await t.deps.db.selectFrom('training_enrolments').select('id').where('training_id', '=', id).execute();
        expect(rows).toEqual([]);
      }
    }
  });
});
