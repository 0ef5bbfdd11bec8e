import { afterAll, beforeAll, beforeEach } from 'vitest';
import { buildTestApp, TEST_START, type TestApp } from '../app.ts';
import type { Dialect } from '../db.ts';
import { createRoleWorld, type RoleWorld } from '../roles.ts';

/** A director training at the center's venue; tests change the hours they need. */
export const DIRECTOR_TRAINING = {
  title: '托育机构负责人培训',
  audience: 'director',
  requiredHours: 6,
  delivery: 'venue',
  venue: '市妇幼保健院三楼',
};

/** A training scheduled through the API by whoever `cookie` signs in. */
export async function scheduleTraining(t: TestApp, cookie: string, body: object = DIRECTOR_TRAINING): Promise<string> {
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/trainings', payload: body, headers: { cookie } });
  if (created.statusCode !== 201) throw new Error(`training: ${created.statusCode} ${created.body}`);
  return created.json().id;
}

export type TrainingWorld = {
  t: TestApp;
  world: RoleWorld;
  /** The city official, who runs trainings (the world's director is not the guidance center's). */
  city: string;
  /** The director of the world's institution, who enrols its staff. */
  director: string;
  directorId: string;
  /** A director on the roster of the world's institution, to enrol. */
  addDirector(name: string): Promise<string>;
  /** A training scheduled by the city official. */
  schedule(body?: object): Promise<string>;
};

/**
 * The app of one training test file: a role world whose institution is filed, built before its
 * tests and closed after them, the clock put back to its start before each test. Sign-ins
 * outlive the weeks tests move the clock. Read the fields inside tests and hooks.
 */
export function useTrainingWorld(dialect: Dialect): TrainingWorld {
  const training = {
    addDirector: async (name) =>
      (
        await training.t.deps.db
          .insertInto('institution_staff')
          .values({ institution_id: training.world.institutionId, name, role: 'director', hired_on: '2024-01-01' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    schedule: (body) => scheduleTraining(training.t, training.city, body),
  } as TrainingWorld;
  beforeAll(async () => {
    training.t = await buildTestApp(dialect, { sessionTtlHours: 24 * 60, sessionMaxDays: 90 });
    training.world = await createRoleWorld(training.t);
    training.city = training.world.actors.city_official.cookie as string;
    training.director = training.world.actors.institution_admin.cookie as string;
    training.directorId = training.world.actors.institution_admin.userId as string;
    await training.t.deps.db.updateTable('institutions').set({ status: 'filed' }).where('id', '=', training.world.institutionId).execute();
  });
  afterAll(() => training.t?.close());
  beforeEach(() => training.t.clock.set(TEST_START));
  return training;
}
