import type { TestApp } from '../app.ts';
import { createRoleWorld, type RoleWorld } from '../roles.ts';
import { fileWithClasses } from './placement.ts';
import { createUser, signIn } from './users.ts';

export type AdmissionsWorld = { world: RoleWorld; director: string; classId: string };

/** The role world's institution, named 海州区新苗托育园 and filed with one 跳跳班 of 20 places and 3 caregivers. */
export async function createAdmissionsWorld(t: TestApp): Promise<AdmissionsWorld> {
  const world = await createRoleWorld(t);
  await t.deps.db.updateTable('institutions').set({ name: '海州区新苗托育园' }).where('id', '=', world.institutionId).execute();
  const { classIds } = await fileWithClasses(t.deps.db, world.institutionId, world.townshipCodes[0] as string, [
    { classType: 'older_toddler', capacity: 20, caregivers: 3, name: '跳跳班' },
  ]);
  return { world, director: world.actors.institution_admin.cookie as string, classId: classIds[0] as string };
}

/** A new parent whose child, born 2024-05-10 and living in `township`, applies to the world's institution. */
export async function applyingFamily(t: TestApp, world: RoleWorld, name = '王小雨', township = world.townshipCodes[1] as string) {
  const user = await createUser(t.deps.db, { role: 'parent' });
  const cookie = await signIn(t.app, user.phone);
  const child = await t.app.inject({
    method: 'POST',
    url: '/api/v1/children',
    headers: { cookie },
    payload: { name, sex: 'female', birthDate: '2024-05-10', residenceDivisionCode: township, relation: 'mother', consent: true },
  });
  const application = await t.app.inject({
    method: 'POST',
    url: '/api/v1/applications',
    headers: { cookie },
    payload: { childId: child.json().id, institutionIds: [world.institutionId], startDate: '2027-01-04' },
  });
  if (application.statusCode !== 201) throw new Error(`applying failed: ${application.body}`);
  return { userId: user.id, cookie, applicationId: application.json().id as string };
}
