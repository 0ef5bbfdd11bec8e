import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { ROLES, type Role } from '../../src/domain/access/roles.ts';
import type { TestApp } from './app.ts';
import { createDistrict } from './factories/geography.ts';
import { createInstitution } from './factories/institutions.ts';
import { createUser, signIn } from './factories/users.ts';

export type ActorName = Role | 'anonymous';
export const ACTORS: ActorName[] = ['anonymous', ...ROLES];

export type RoleActor = { name: ActorName; cookie?: string; userId?: string };

export type RoleWorld = {
  cityCode: string;
  districtCode: string;
  townshipCodes: string[];
  institutionId: string;
  actors: Record<ActorName, RoleActor>;
};

/**
 * One user per role, all inside one fresh district: the district official holds it, the
 * institution staff work in an institution in its first township, the city official holds
 * the city. Scoping tests add a second world and check the first cannot reach it.
 */
export async function createRoleWorld(t: TestApp): Promise<RoleWorld> {
  const db = t.deps.db;
  const { cityCode, districtCode, townshipCodes } = await createDistrict(db);
  const institution = await createInstitution(db, townshipCodes[0] as string);
  const grants: Record<Role, { role: Role; divisionCode?: string; institutionId?: string }> = {
    parent: { role: 'parent' },
    institution_admin: { role: 'institution_admin', institutionId: institution.id },
    caregiver: { role: 'caregiver', institutionId: institution.id },
    district_official: { role: 'district_official', divisionCode: districtCode },
    city_official: { role: 'city_official', divisionCode: cityCode },
    admin: { role: 'admin' },
  };
  const actors = { anonymous: { name: 'anonymous' } } as Record<ActorName, RoleActor>;
  for (const role of ROLES) {
    const user = await createUser(db, grants[role]);
    actors[role] = { name: role, userId: user.id, cookie: await signIn(t.app, user.phone) };
  }
  return { cityCode, districtCode, townshipCodes, institutionId: institution.id, actors };
}

/**
 * Sends the same request as every actor and checks each status. The expectation must name
 * every actor, so adding a role forces every matrix to say what it may do.
 */
export async function expectRoleMatrix(
  t: TestApp,
  world: RoleWorld,
  request: InjectOptions | ((actor: RoleActor) => InjectOptions),
  expected: Record<ActorName, number>,
) {
  const actual = {} as Record<ActorName, number>;
  for (const name of ACTORS) {
    const actor = world.actors[name];
    const base = typeof request === 'function' ? request(actor) : request;
    const res = await t.app.inject({ ...base, headers: { ...(base.headers ?? {}), ...(actor.cookie ? { cookie: actor.cookie } : {}) } });
    actual[name] = res.statusCode;
  }
  expect(actual).toEqual(expected);
}
