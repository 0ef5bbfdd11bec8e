import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createEnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import { createInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { messagesOf, notificationsOf } from '../../../../../test/harness/notifications.ts';

// Friday 2026-11-27, 09:00 in Shanghai.
const MORNING = new Date('2026-11-27T01:00:00Z');
const DAY = '2026-11-27';

describe.each(DIALECTS)('a child unwell at the morning check on %s', (dialect) => {
  let t: TestApp;
  let institutionId: string;
  let caregiver: string;

  const check = (childId: string, payload: object, day = DAY) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/children/${childId}/morning-checks/${day}`, payload, headers: { cookie: caregiver } });
  const enrolled = async (name: string) => {
    const guardian = await createUser(t.deps.db, { role: 'parent' });
    return { guardian, ...(await createEnrolledChild(t.deps.db, { institutionId, guardianUserId: guardian.id, name })) };
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    t.clock.set(MORNING);
    const { townshipCodes } = await createDistrict(t.deps.db);
    institutionId = (await createInstitution(t.deps.db, townshipCodes[0] as string, '晨检托育园')).id;
    caregiver = await signIn(t.app, (await createUser(t.deps.db, { role: 'caregiver', institutionId })).phone);
  });
  afterAll(() => t.close());

  it('answers 38.4 °C with the advice to send the child home, and tells the guardian by SMS with the given name only', async () => {
    const kid = await enrolled('王小安');
    const res = await check(kid.childId, { temperatureC: 38.4 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ temperatureC: 38.4, unwell: { feverFromC: 37.3, fever: true, redFlags: [] }, guardiansNotified: 1 });
    expect(await notificationsOf(t, kid.guardian.id)).toEqual([
      { kind: 'enrollment.unwell_at_check', params: { child: '小安', temperature: '38.4' }, link: '/family/children' },
    ]);
    const messages = await messagesOf(t, kid.guardian.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ channel: 'sms', template: 'notification.enrollment.unwell_at_check' });
    expect(messages[0]?.body).toContain('小安今天晨检体温38.4℃');
    expect(messages[0]?.body).not.toContain('王');
  });

  it('does not tell the family twice when the check is corrected the same day, but tells them again another day', async () => {
    const kid = await enrolled('李小乐');
    expect((await check(kid.childId, { temperatureC: 37.9 })).json().guardiansNotified).toBe(1);
    const again = await check(kid.childId, { temperatureC: 38.6, symptoms: ['rash'] });
    expect(again.json()).toMatchObject({ temperatureC: 38.6, unwell: { fever: true, redFlags: ['rash'] }, guardiansNotified: 0 });
    expect(await notificationsOf(t, kid.guardian.id)).toHaveLength(1);
    expect(await messagesOf(t, kid.guardian.id)).toHaveLength(1);
    expect((await check(kid.childId, { temperatureC: 38.1 }, '2026-11-26')).json().guardiansNotified).toBe(1);
    expect(await notificationsOf(t, kid.guardian.id)).toHaveLength(2);
  });

  it('tells the family once when two caregivers record the same child at the same moment', async () => {
    const kid = await enrolled('赵小宁');
    const answers = await Promise.all([check(kid.childId, { temperatureC: 38.0 }), check(kid.childId, { temperatureC: 38.2 })]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(answers.map((a) => a.json().guardiansNotified).sort()).toEqual([0, 1]);
    expect(await messagesOf(t, kid.guardian.id)).toHaveLength(1);
  });

  it('sends a child with mouth sores home at a normal temperature; a runny nose at 37.2 °C tells nobody', async () => {
    const sores = await enrolled('孙小禾');
    expect((await check(sores.childId, { temperatureC: 36.6, symptoms: ['mouth_sores'] })).json()).toMatchObject({
      unwell: { fever: false, redFlags: ['mouth_sores'] },
      guardiansNotified: 1,
    });
    const sniffles = await enrolled('周小木');
    expect((await check(sniffles.childId, { temperatureC: 37.2, symptoms: ['runny_nose'] })).json()).toMatchObject({
      unwell: null,
      guardiansNotified: 0,
    });
    expect(await notificationsOf(t, sniffles.guardian.id)).toEqual([]);
  });

  it('shows the caregiver’s class screen which children should go home', async () => {
    const kid = await enrolled('吴小溪');
    await check(kid.childId, { temperatureC: 38.4 });
    const day = (
      await t.app.inject({ url: `/api/v1/classes/${kid.classId}/attendance?date=${DAY}`, headers: { cookie: caregiver } })
    ).json();
    expect(day.children[0].morningCheck).toMatchObject({ temperatureC: 38.4, unwell: { fever: true } });
  });
});
