import type { Db } from '../../../db/executor.ts';

export type ScenarioRow = {
  owner_id: string;
  division_code: string;
  name: string;
  as_of: string;
  changes: unknown;
  result: unknown;
};

export function insertScenario(db: Db, row: ScenarioRow, now: Date) {
  return db
    .insertInto('planning_scenarios')
    .values({ ...row, changes: JSON.stringify(row.changes), result: JSON.stringify(row.result), created_at: now })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** An official's own scenarios, newest first. */
export function findScenarios(db: Db, ownerId: string) {
  return db
    .selectFrom('planning_scenarios')
    .select(['id', 'name', 'division_code', 'as_of', 'changes', 'result', 'created_at'])
    .where('owner_id', '=', ownerId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}
