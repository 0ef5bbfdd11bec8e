import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { DIRECTOR_TRAINING, useTrainingWorld } from '../../../../../test/harness/factories/trainings.ts';

const TRAINING = { ...DIRECTOR_TRAINING, requiredHours: 2 };

describe.each(DIALECTS)('trainings under concurrent changes on %s', (dialect) => {
  const training = useTrainingWorld(dialect);
  const { addDirector } = training;
  const req = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
    training.t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { cookie } });
  const schedule = (title: string) => training.schedule({ ...TRAINING, title });

  // Holding the training's row lock from outside needs a second connection: on PostgreSQL only,
  // and not registered on PGlite, where it would show as a skipped test.
  const onPostgres = (dialect === 'postgres' ? it : () => undefined) as typeof it;
  onPostgres('a certificate states the training as it stands when it is issued, not as it was read before an edit', async () => {
    const id = await schedule('第一期');
    const session = await req('POST', `/api/v1/trainings/${id}/sessions`, training.city, {
      startsAt: '2026-11-20T01:00:00Z',
      endsAt: '2026-11-20T03:00:00Z',
      hours: 2,
    });
    const enrolmentId = (
      await req('POST', `/api/v1/trainings/${id}/enrolments`, training.director, { staffId: await addDirector('周园长') })
    ).json().id as string;
    await req('PUT', `/api/v1/trainings/${id}/sessions/${session.json().id}/attendance`, training.city, { enrolmentIds: [enrolmentId] });

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
    const edit = training.t.deps.db.transaction().execute(async (trx) => {
      await trx.selectFrom('trainings').select('id').where('id', '=', id).forUpdate().execute();
      await trx.updateTable('trainings').set({ title: '第一期（更正）' }).where('id', '=', id).execute();
      holder = Number((await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]?.pid);
      holding();
      await released;
    });
    await held;
    const completing = req('POST', `/api/v1/trainings/${id}/enrolments/${enrolmentId}/complete`, training.city);
    for (let waited = 0; ; waited += 20) {
      const { rows } = await sql<{
        n: string;
      }>`select count(*) as n from pg_stat_activity where ${holder} = any(pg_blocking_pids(pid))`.execute(training.t.deps.db);
      if (Number(rows[0]?.n) > 0) break;
      if (waited > 10_000) throw new Error('the completion never waited for the edit');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    release();
    await edit;
    const done = await completing;
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json().trainingTitle).toBe('第一期（更正）');
    const told = await training.t.deps.db
      .selectFrom('notifications')
      .select('params')
      .where('user_id', '=', training.directorId)
      .where('kind', '=', 'guidance.training_certificate_issued')
      .execute();
    expect(told.map((n) => (n.params as { training: string }).training)).toEqual(['第一期（更正）']);
  });

  it('an enrolment racing the close is either refused or its director is told of the close', async () => {
    const staffId = await addDirector('吴园长');
    for (let round = 0; round < 15; round++) {
      const id = await schedule(`并发停止报名 ${round}`);
      const [enrolled, closed] = await Promise.all([
        req('POST', `/api/v1/trainings/${id}/enrolments`, training.director, { staffId }),
        req('POST', `/api/v1/trainings/${id}/close`, training.city),
      ]);
      expect(closed.statusCode, closed.body).toBe(200);
      const told = await training.t.deps.db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', training.directorId)
        .where('kind', '=', 'guidance.training_closed')
        .where('link', 'like', `%${id}`)
        .execute();
      if (enrolled.statusCode === 201) expect(told, `round ${round}: enrolled after the close and not told`).toHaveLength(1);
      else {
        expect(enrolled.json().error.code).toBe('TRAINING_CLOSED');
        expect(told).toHaveLength(0);
        const rows = await training.t.deps.db.selectFrom('training_enrolments').select('id').where('training_id', '=', id).execute();
        expect(rows).toEqual([]);
      }
    }
  });
});
