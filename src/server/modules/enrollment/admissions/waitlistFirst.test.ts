import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { applyingFamily, createAdmissionsWorld } from '../../../../../test/harness/factories/admissions.ts';
import { messagesOf, notificationsOf } from '../../../../../test/harness/notifications.ts';
import type { RoleWorld } from '../../../../../test/harness/roles.ts';

const IN_THREE_DAYS = '2026-12-02T18:00:00+08:00';
const FIRST = 'enrollment.waitlist_first';

describe.each(DIALECTS)('a family hears when its child is first on a waitlist, on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let director: string;
  let classId: string;

  /** A family applying to the world's institution; each a minute after the last, so the order is theirs. */
  async function waitlistedFamily(name: string, township: string) {
    t.clock.advanceMinutes(1);
    const family = await applyingFamily(t, world, name, township);
    expect((await act(family.applicationId, 'waitlist')).statusCode).toBe(204);
    return family;
  }
  const act = (id: string, action: string, payload: object = {}) =>
    t.app.inject({ method: 'POST', url: `/api/v1/applications/${id}/${action}`, headers: { cookie: director }, payload });
  const firsts = async (userId: string) => (await notificationsOf(t, userId)).filter((n) => n.kind === FIRST);

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    ({ world, director, classId } = await createAdmissionsWorld(t));
  });
  afterAll(() => t.close());

  it('tells the first once, then whoever an offer, a withdrawal or restated priorities moves up, never twice', async () => {
    const elsewhere = world.townshipCodes[1] as string;
    const anna = await waitlistedFamily('王小雨', elsewhere);
    // Joining an empty waitlist puts the choice first: told in the app, with the given name only, no SMS.
    expect(await firsts(anna.userId)).toEqual([
      { kind: FIRST, params: { institution: '海州区新苗托育园', child: '小雨' }, link: '/family/applications' },
    ]);
    expect(await messagesOf(t, anna.userId)).toEqual([]);
    const list = await t.app.inject({ url: '/api/v1/notifications', headers: { cookie: anna.cookie } });
    expect(list.json().items[0]).toMatchObject({ title: '候补已排到第1位', body: '小雨在海州区新苗托育园的候补名单上已排到第1位。' });

    const ben = await waitlistedFamily('李小明', elsewhere);
    const cleo = await waitlistedFamily('赵小朵', elsewhere);
    expect(await firsts(ben.userId)).toEqual([]);
    expect(await firsts(cleo.userId)).toEqual([]);

    // An offer takes Anna off the waitlist: Ben moves up, in the offer's transaction.
    expect((await act(anna.applicationId, 'offer', { classId, expiresAt: IN_THREE_DAYS })).statusCode).toBe(204);
    expect(await firsts(ben.userId)).toHaveLength(1);
    expect(await firsts(cleo.userId)).toEqual([]);

    // A refused offer rolls back, and tells no one.
    expect((await act(ben.applicationId, 'offer', { classId: world.institutionId, expiresAt: IN_THREE_DAYS })).statusCode).toBe(400);
    expect(await firsts(cleo.userId)).toEqual([]);

    // A family living in the institution's township joins last; the director then puts local
    // residents first, and it moves ahead of Ben.
    const dora = await waitlistedFamily('钱小乐', world.townshipCodes[0] as string);
    expect(await firsts(dora.userId)).toEqual([]);
    const restate = (priorities: string[]) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/institutions/${world.institutionId}/waitlist-priorities`,
        headers: { cookie: director },
        payload: { priorities },
      });
    expect((await restate(['local_resident'])).statusCode).toBe(200);
    expect(await firsts(dora.userId)).toHaveLength(1);

    // Dora withdraws: Ben is first again, but was told when he arrived there; Cleo stays second.
    const withdraw = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${dora.applicationId}/withdraw`,
      headers: { cookie: dora.cookie },
      payload: {},
    });
    expect(withdraw.statusCode).toBe(204);
    // The director declines Ben: Cleo is first.
    expect((await act(ben.applicationId, 'decline')).statusCode).toBe(204);
    expect(await firsts(cleo.userId)).toHaveLength(1);
    // Restating the same order moves no one and tells no one again.
    expect((await restate(['local_resident'])).statusCode).toBe(200);
    for (const family of [anna, ben, cleo, dora]) expect(await firsts(family.userId)).toHaveLength(1);
  });
});
