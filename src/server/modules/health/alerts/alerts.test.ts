import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createClass, createEnrolledChild, type EnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { messagesOf, notificationsOf } from '../../../../../test/harness/notifications.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';
import { sweepIllnessAlerts } from './service.ts';

// Friday 2026-11-27, 10:00 in Shanghai.
const MORNING = new Date('2026-11-27T02:00:00Z');
const DAY = '2026-11-27';
const OFFICIALS_AND_DIRECTOR = { anonymous: 401, parent: 403, caregiver: 403, admin: 403 };

type Alert = {
  id: string;
  kind: string;
  cases: number;
  day: string;
  class: { id: string; name: string };
  acknowledged: boolean;
  party: string;
  children?: Array<{ id: string; name: string }>;
  acknowledgements: Record<string, { byName: string; casesSeen: number; current: boolean } | null>;
};
type AlertList = { items: Alert[]; unacknowledged: number; truncated: boolean };

describe.each(DIALECTS)('illness-cluster alerts on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let elsewhere: RoleWorld;
  let classId: string;
  let kids: EnrolledChild[];
  let caregiver: string;
  let director: string;
  let district: string;
  let city: string;

  const check = (childId: string, payload: object, day = DAY) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/children/${childId}/morning-checks/${day}`, payload, headers: { cookie: caregiver } });
  const list = async (cookie: string, query = ''): Promise<AlertList> => {
    const res = await t.app.inject({ url: `/api/v1/illness-alerts${query}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const acknowledge = (id: string, cookie: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/illness-alerts/${id}/acknowledge`, headers: { cookie } });
  const alertRows = (cls: string) => t.deps.db.selectFrom('illness_alerts').selectAll().where('class_id', '=', cls).execute();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    t.clock.set(MORNING);
    world = await createRoleWorld(t);
    elsewhere = await createRoleWorld(t);
    caregiver = world.actors.caregiver.cookie as string;
    director = world.actors.institution_admin.cookie as string;
    district = world.actors.district_official.cookie as string;
    city = world.actors.city_official.cookie as string;
    classId = (await createClass(t.deps.db, world.institutionId, { name: '走走班' })).id;
    kids = [];
    for (const name of ['小一', '小二', '小三', '小四', '小五']) {
      kids.push(await createEnrolledChild(t.deps.db, { institutionId: world.institutionId, classId, name }));
    }
  });
  afterAll(() => t.close());

  it('raises no alert for two children with fever, one at the third, and still one at the fourth', async () => {
    const [a, b, c, d] = kids as [EnrolledChild, EnrolledChild, EnrolledChild, EnrolledChild];
    expect((await check(a.childId, { temperatureC: 38.2 })).statusCode).toBe(200);
    // Ticked as fever though 37.0 now (the parent reports the night's fever): counts once.
    expect((await check(b.childId, { temperatureC: 37.0, symptoms: ['fever'] })).statusCode).toBe(200);
    // 37.2 °C is below the fever line, so this is still two cases.
    expect((await check(c.childId, { temperatureC: 37.2 })).statusCode).toBe(200);
    expect(await alertRows(classId)).toEqual([]);
    expect((await list(director)).items).toEqual([]);

    // The same child checked again at 37.3 °C: the third case.
    expect((await check(c.childId, { temperatureC: 37.3 })).statusCode).toBe(200);
    const raised = await alertRows(classId);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: 'fever', cases: 3, threshold: 3, alert_on: DAY, institution_id: world.institutionId });

    expect((await check(d.childId, { temperatureC: 38.9 })).statusCode).toBe(200);
    const grown = await alertRows(classId);
    expect(grown).toHaveLength(1);
    expect(grown[0]).toMatchObject({ id: raised[0]?.id, cases: 4 });

    // The sweep finds the same cluster and changes nothing.
    expect(await sweepIllnessAlerts(t.deps)).toBe(0);
    expect(await alertRows(classId)).toEqual(grown);

    // The district's officials heard of the new alert once, by SMS too, with counts and no names.
    const official = world.actors.district_official.userId as string;
    expect(await notificationsOf(t, official)).toEqual([
      {
        kind: 'health.illness_alert',
        params: { institution: '测试托育园', day: DAY, cases: 3, symptom: { 'zh-CN': '发热', en: 'fever' } },
        link: '/official/alerts',
      },
    ]);
    expect((await messagesOf(t, official)).map((m) => m.channel)).toEqual(['sms']);
    expect(await notificationsOf(t, elsewhere.actors.district_official.userId as string)).toEqual([]);

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role'])
      .where('entity_type', '=', 'illness_alert')
      .where('entity_id', '=', raised[0]?.id as string)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'illness_alert.raise', actor_role: 'caregiver' },
      { action: 'illness_alert.update', actor_role: 'caregiver' },
    ]);
  });

  it('raises one alert per listed symptom, apart from fever', async () => {
    const [a, b, c] = kids as [EnrolledChild, EnrolledChild, EnrolledChild];
    const day = '2026-11-26';
    await check(a.childId, { temperatureC: 36.6, symptoms: ['rash', 'mouth_sores'] }, day);
    await check(b.childId, { temperatureC: 36.8, symptoms: ['rash'] }, day);
    await check(c.childId, { temperatureC: 36.7, symptoms: ['rash', 'cough'] }, day);
    const rows = (await alertRows(classId)).filter((r) => r.alert_on === day);
    expect(rows.map((r) => [r.kind, r.cases])).toEqual([['rash', 3]]);
  });

  it('catches in the sweep the checks written without the trigger, once however often it runs', async () => {
    const other = await createClass(t.deps.db, world.institutionId, { name: '跳跳班' });
    const children = [];
    for (let i = 0; i < 3; i++)
      children.push(await createEnrolledChild(t.deps.db, { institutionId: world.institutionId, classId: other.id }));
    await t.deps.db
      .insertInto('morning_checks')
      .values(
        children.map((child) => ({
          child_id: child.childId,
          institution_id: world.institutionId,
          class_id: other.id,
          checked_on: '2026-11-25',
          temperature_c: '36.9',
          symptoms: ['diarrhoea'],
          checked_by: world.actors.caregiver.userId as string,
          checked_at: MORNING,
        })),
      )
      .execute();
    expect(await alertRows(other.id)).toEqual([]);
    expect(await sweepIllnessAlerts(t.deps)).toBe(1);
    expect(await sweepIllnessAlerts(t.deps)).toBe(0);
    expect((await alertRows(other.id)).map((r) => [r.kind, r.cases, r.alert_on])).toEqual([['diarrhoea', 3, '2026-11-25']]);
    const audit = await t.deps.db.selectFrom('audit_log').select('actor_role').where('action', '=', 'illness_alert.raise').execute();
    expect(audit.map((a) => a.actor_role)).toContain('system');
  });

  it('raises exactly one alert when three caregivers write at once', async () => {
    const cls = await createClass(t.deps.db, world.institutionId, { name: '爬爬班' });
    const children = [];
    for (let i = 0; i < 3; i++)
      children.push(await createEnrolledChild(t.deps.db, { institutionId: world.institutionId, classId: cls.id }));
    const results = await Promise.all(children.map((child) => check(child.childId, { temperatureC: 38, symptoms: ['vomiting'] })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect((await alertRows(cls.id)).map((r) => [r.kind, r.cases]).sort()).toEqual([
      ['fever', 3],
      ['vomiting', 3],
    ]);
  });

  it('shows the director the children counted, and officials counts only', async () => {
    const mine = await list(director);
    const fever = mine.items.find((a) => a.class.id === classId && a.kind === 'fever');
    expect(fever).toMatchObject({ day: DAY, cases: 4, party: 'institution', acknowledged: false });
    expect(fever?.children?.map((c) => c.name).sort()).toEqual(['小一', '小三', '小二', '小四'].sort());
    expect(mine.unacknowledged).toBe(mine.items.length);
    // Naming the children is a read of their data: audited per child.
    const reads = await t.deps.db
      .selectFrom('audit_log')
      .select(['entity_id', 'detail'])
      .where('action', '=', 'child.read')
      .where('actor_role', '=', 'institution_admin')
      .execute();
    expect(reads.filter((r) => (r.detail as { via?: string }).via === 'illness_alert').map((r) => r.entity_id)).toEqual(
      expect.arrayContaining(fever?.children?.map((c) => c.id) ?? ['none']),
    );

    for (const cookie of [district, city]) {
      const theirs = await list(cookie);
      expect(theirs.items.map((a) => a.id).sort()).toEqual(mine.items.map((a) => a.id).sort());
      for (const item of theirs.items) expect(item.children).toBeUndefined();
      const text = JSON.stringify(theirs);
      for (const name of ['小一', '小二', '小三', '小四', '小五']) expect(text).not.toContain(name);
    }
    expect((await list(district)).items[0]?.party).toBe('district');
    expect((await list(city)).items[0]?.party).toBe('city');
  });

  it('keeps alerts inside the district and the institution', async () => {
    const otherDistrict = elsewhere.actors.district_official.cookie as string;
    const otherDirector = elsewhere.actors.institution_admin.cookie as string;
    expect((await list(otherDistrict)).items).toEqual([]);
    expect((await list(otherDistrict)).unacknowledged).toBe(0);
    expect((await list(otherDirector)).items).toEqual([]);
    const neighbour = await createInstitution(t.deps.db, world.townshipCodes[1] as string, '邻园');
    const neighbourDirector = await signIn(
      t.app,
      (await createUser(t.deps.db, { role: 'institution_admin', institutionId: neighbour.id })).phone,
    );
    expect((await list(neighbourDirector)).items).toEqual([]);

    const anyAlert = (await list(director)).items[0] as Alert;
    for (const cookie of [otherDistrict, otherDirector, neighbourDirector])
      expect((await acknowledge(anyAlert.id, cookie)).statusCode).toBe(404);
  });

  it('needs each party’s acknowledgement, idempotently, and asks again after new cases', async () => {
    const fever = (await list(director)).items.find((a) => a.class.id === classId && a.kind === 'fever') as Alert;
    const before = (await list(director)).unacknowledged;

    const byDirector = await acknowledge(fever.id, director);
    expect(byDirector.statusCode).toBe(200);
    expect(byDirector.json()).toMatchObject({ acknowledged: true, party: 'institution' });
    expect(byDirector.json().acknowledgements).toMatchObject({
      institution: { byName: '测试institution_admin', casesSeen: 4, current: true },
      district: null,
      city: null,
    });
    expect((await list(director)).unacknowledged).toBe(before - 1);
    expect((await list(director, '?status=open')).items.map((a) => a.id)).not.toContain(fever.id);
    // The district still has to: its own count has not moved.
    expect((await list(district, '?status=open')).items.map((a) => a.id)).toContain(fever.id);

    const acks = () => t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'illness_alert.acknowledge').execute();
    const logged = (await acks()).length;
    expect((await acknowledge(fever.id, director)).statusCode).toBe(200);
    expect((await acks()).length).toBe(logged);

    const byDistrict = (await acknowledge(fever.id, district)).json();
    expect(byDistrict.acknowledgements.district).toMatchObject({ byName: '测试district_official', casesSeen: 4, current: true });
    expect(byDistrict.acknowledgements.institution).toMatchObject({ current: true });
    expect(byDistrict.children).toBeUndefined();

    // A fifth child with fever: both must look again.
    await check((kids[4] as EnrolledChild).childId, { temperatureC: 38.0 });
    const again = (await list(director)).items.find((a) => a.id === fever.id) as Alert;
    expect(again).toMatchObject({ cases: 5, acknowledged: false });
    expect(again.acknowledgements.institution).toMatchObject({ casesSeen: 4, current: false });
    expect((await list(director, '?status=open')).items.map((a) => a.id)).toContain(fever.id);
    expect((await acknowledge(fever.id, director)).json().acknowledgements.institution).toMatchObject({ casesSeen: 5, current: true });
  });

  it('lets only the director and the officials read and acknowledge alerts', async () => {
    const allowed = { institution_admin: 200, district_official: 200, city_official: 200 };
    await expectRoleMatrix(t, world, { url: '/api/v1/illness-alerts' }, { ...OFFICIALS_AND_DIRECTOR, ...allowed });
    const id = (await list(director)).items[0]?.id as string;
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: `/api/v1/illness-alerts/${id}/acknowledge` },
      { ...OFFICIALS_AND_DIRECTOR, ...allowed },
    );
    expect((await acknowledge('00000000-0000-4000-8000-000000000000', city)).statusCode).toBe(404);
    const bad = await t.app.inject({ url: '/api/v1/illness-alerts?from=2026-11-20&to=2026-11-01', headers: { cookie: director } });
    expect(bad.statusCode).toBe(400);
  });

  it('reads the fever line and threshold from settings only an administrator changes', async () => {
    const settingsUrl = '/api/v1/illness-alerts/settings';
    const current = await t.app.inject({ url: settingsUrl, headers: { cookie: director } });
    expect(current.json()).toEqual({
      feverFromC: 37.3,
      casesPerClassPerDay: 3,
      defaults: { feverFromC: 37.3, casesPerClassPerDay: 3 },
    });
    const put = (payload: object, cookie: string) => t.app.inject({ method: 'PUT', url: settingsUrl, payload, headers: { cookie } });
    const admin = world.actors.admin.cookie as string;
    expect((await put({ feverFromC: 37.5, casesPerClassPerDay: 2 }, city)).statusCode).toBe(403);
    expect((await put({ feverFromC: 36.5, casesPerClassPerDay: 2 }, admin)).statusCode).toBe(400);
    expect((await put({ feverFromC: 37.5, casesPerClassPerDay: 1 }, admin)).statusCode).toBe(400);
    expect((await put({ feverFromC: 37.5, casesPerClassPerDay: 2 }, admin)).json()).toMatchObject({
      feverFromC: 37.5,
      casesPerClassPerDay: 2,
    });

    // With two cases raising an alert and the line at 37.5 °C, 37.4 °C no longer counts.
    const cls = await createClass(t.deps.db, world.institutionId, { name: '设置班' });
    const [x, y, z] = [
      await createEnrolledChild(t.deps.db, { institutionId: world.institutionId, classId: cls.id }),
      await createEnrolledChild(t.deps.db, { institutionId: world.institutionId, classId: cls.id }),
      await createEnrolledChild(t.deps.db, { institutionId: world.institutionId, classId: cls.id }),
    ];
    await check(x.childId, { temperatureC: 37.4 });
    await check(y.childId, { temperatureC: 37.5 });
    expect(await alertRows(cls.id)).toEqual([]);
    await check(z.childId, { temperatureC: 37.8 });
    expect((await alertRows(cls.id)).map((r) => [r.kind, r.cases, r.threshold, r.fever_from_c])).toEqual([['fever', 2, 2, '37.5']]);

    expect((await put({ feverFromC: 37.3, casesPerClassPerDay: 3 }, admin)).statusCode).toBe(200);
  });
});
