import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createEnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import { createFiledInstitution, createInstitution, staffResidentId } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { as } from '../test/helpers.ts';

describe.each(DIALECTS)('classes and staff on %s', (dialect) => {
  let t: TestApp;
  let district: Awaited<ReturnType<typeof createDistrict>>;

  async function directorOf(institutionId: string) {
    const user = await createUser(t.deps.db, { role: 'institution_admin', institutionId });
    return as(t, await signIn(t.app, user.phone));
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    district = await createDistrict(t.deps.db, '班级区');
  });
  afterAll(() => t.close());

  it('keeps a roster with certificates and a class plan with assigned caregivers', async () => {
    const institution = await createInstitution(t.deps.db, district.townshipCodes[0] as string, '禾苗托育园');
    const director = await directorOf(institution.id);
    const url = `/api/v1/institutions/${institution.id}`;
    const caregiver = await director.post(`${url}/staff`, {
      name: '周保育',
      role: 'caregiver',
      residentId: staffResidentId(4),
      hiredOn: '2024-03-01',
      certificates: [
        { kind: 'health', number: 'JK-001', issuedOn: '2026-01-10', expiresOn: '2027-01-09' },
        { kind: 'caregiver_qualification', number: 'BY-42' },
      ],
    });
    expect(caregiver.statusCode, caregiver.body).toBe(201);
    expect(caregiver.json()).toMatchObject({
      role: 'caregiver',
      qualifiedCaregiver: true,
      classId: null,
      certificates: [{ kind: 'caregiver_qualification' }, { kind: 'health', expired: false }],
    });
    const cls = await director.post(`${url}/classes`, {
      classType: 'infant',
      name: '爬爬班',
      capacity: 3,
      caregiverIds: [caregiver.json().id],
    });
    expect(cls.statusCode, cls.body).toBe(201);
    expect(cls.json()).toMatchObject({
      classType: 'infant',
      capacity: 3,
      enrolled: 0,
      // Nothing can be offered in a class before it is filed.
      vacancies: 0,
      caregiverIds: [caregiver.json().id],
      filed: null,
    });
    const record = (await director.get(`${url}/record`)).json();
    expect(record.staff[0].classId).toBe(cls.json().id);
    expect(record.compliance.problems).toEqual([]);
  });

  it('refuses a class above its national size at the places field, on adding and on changing type or places', async () => {
    const institution = await createInstitution(t.deps.db, district.townshipCodes[0] as string, '超额托育园');
    const director = await directorOf(institution.id);
    const url = `/api/v1/institutions/${institution.id}`;
    const over = await director.post(`${url}/classes`, { classType: 'toddler', name: '托小班', capacity: 30 });
    expect(over.statusCode).toBe(400);
    expect(over.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'body.capacity', message: '托小班最多15人（国家标准），请减少托位数' }],
    });
    expect((await director.get(`${url}/record`)).json().classes).toEqual([]);

    const atLimit = await director.post(`${url}/classes`, { classType: 'older_toddler', name: '托大班', capacity: 20 });
    expect(atLimit.statusCode).toBe(201);
    const classUrl = `${url}/classes/${atLimit.json().id}`;
    const narrower = await director.patch(classUrl, { classType: 'infant' });
    expect(narrower.statusCode).toBe(400);
    expect(narrower.json().error.details).toEqual([{ path: 'body.capacity', message: '乳儿班最多10人（国家标准），请减少托位数' }]);
    const bigger = await director.send({
      method: 'PATCH',
      url: classUrl,
      payload: { capacity: 21 },
      headers: { 'accept-language': 'en' },
    });
    expect(bigger.json().error.details).toEqual([
      { path: 'body.capacity', message: 'An older toddler class takes at most 20 children (national standard); lower the places' },
    ]);
    expect((await director.patch(classUrl, { classType: 'infant', capacity: 10 })).statusCode).toBe(200);
    const saved = (await director.get(`${url}/record`)).json().classes;
    expect(saved).toMatchObject([{ classType: 'infant', capacity: 10 }]);
  });

  it.each([
    [{ classType: 'infant', name: '班', capacity: 0 }, 'body.capacity'],
    [{ classType: 'nursery', name: '班', capacity: 5 }, 'body.classType'],
    [{ classType: 'infant', name: '', capacity: 5 }, 'body.name'],
    [{ classType: 'infant', name: '班', capacity: 5, caregiverIds: ['nope'] }, 'body.caregiverIds.0'],
  ])('rejects a bad class %j with 400', async (body, path) => {
    const institution = await createInstitution(t.deps.db, district.townshipCodes[0] as string);
    const director = await directorOf(institution.id);
    const res = await director.post(`/api/v1/institutions/${institution.id}/classes`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('refuses caregivers of another institution, or staff who are not caregivers, and writes nothing', async () => {
    const mine = await createInstitution(t.deps.db, district.townshipCodes[0] as string);
    const theirs = await createInstitution(t.deps.db, district.townshipCodes[0] as string);
    const director = await directorOf(mine.id);
    const other = await directorOf(theirs.id);
    const stranger = (
      await other.post(`/api/v1/institutions/${theirs.id}/staff`, { name: '外园保育', role: 'caregiver', residentId: staffResidentId(1) })
    ).json();
    const cook = (await director.post(`/api/v1/institutions/${mine.id}/staff`, { name: '厨师', role: 'cook' })).json();
    for (const caregiverIds of [[stranger.id], [cook.id]]) {
      const res = await director.post(`/api/v1/institutions/${mine.id}/classes`, {
        classType: 'toddler',
        name: '托小班',
        capacity: 10,
        caregiverIds,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('CAREGIVER_NOT_IN_INSTITUTION');
    }
    expect((await director.get(`/api/v1/institutions/${mine.id}/record`)).json().classes).toEqual([]);
  });

  it('moves a caregiver to the class that names them; a leaver leaves their class', async () => {
    const institution = await createInstitution(t.deps.db, district.townshipCodes[0] as string);
    const director = await directorOf(institution.id);
    const url = `/api/v1/institutions/${institution.id}`;
    const person = (await director.post(`${url}/staff`, { name: '吴保育', role: 'caregiver', residentId: staffResidentId(2) })).json();
    const a = (await director.post(`${url}/classes`, { classType: 'toddler', name: 'A', capacity: 5, caregiverIds: [person.id] })).json();
    const b = (await director.post(`${url}/classes`, { classType: 'toddler', name: 'B', capacity: 5, caregiverIds: [person.id] })).json();
    let record = (await director.get(`${url}/record`)).json();
    expect(record.classes.map((c: { caregiverIds: string[] }) => c.caregiverIds)).toEqual([[], [person.id]]);
    expect((await director.delete(`${url}/staff/${person.id}`)).statusCode).toBe(204);
    record = (await director.get(`${url}/record`)).json();
    expect(record.staff).toEqual([]);
    expect(record.classes.find((c: { id: string }) => c.id === b.id).caregiverIds).toEqual([]);
    expect(a.id).not.toBe(b.id);
    expect((await director.delete(`${url}/staff/${person.id}`)).statusCode).toBe(404);
  });

  it('flags expired health certificates and replaces certificates on change', async () => {
    const institution = await createInstitution(t.deps.db, district.townshipCodes[0] as string);
    const director = await directorOf(institution.id);
    const url = `/api/v1/institutions/${institution.id}`;
    const nurse = (
      await director.post(`${url}/staff`, {
        name: '保健员',
        role: 'health_worker',
        residentId: staffResidentId(5),
        certificates: [{ kind: 'health', expiresOn: '2026-11-28' }],
      })
    ).json();
    expect(nurse.certificates[0].expired).toBe(true);
    let problems = (await director.get(`${url}/record`)).json().compliance.problems;
    expect(problems).toEqual([{ code: 'health_certificate_expired', staffId: nurse.id, expiredOn: '2026-11-28' }]);
    const renewed = await director.patch(`${url}/staff/${nurse.id}`, {
      certificates: [{ kind: 'health', issuedOn: '2026-11-29', expiresOn: '2027-11-28' }],
    });
    expect(renewed.json().certificates).toHaveLength(1);
    problems = (await director.get(`${url}/record`)).json().compliance.problems;
    expect(problems).toEqual([]);
    const bad = await director.patch(`${url}/staff/${nurse.id}`, {
      certificates: [{ kind: 'health', issuedOn: '2026-11-29', expiresOn: '2026-01-01' }],
    });
    expect(bad.statusCode).toBe(400);
  });

  it('holds class changes of a filed institution for review: removal archives, the public keeps the filed plan', async () => {
    const filed = await createFiledInstitution(t.deps.db, district.townshipCodes[1] as string, '已备案托育园', {
      classes: [
        { classType: 'toddler', capacity: 15 },
        { classType: 'older_toddler', capacity: 14 },
      ],
    });
    const director = await directorOf(filed.id);
    const url = `/api/v1/institutions/${filed.id}`;
    expect((await director.delete(`${url}/classes/${filed.classIds[1]}`)).statusCode).toBe(204);
    const added = (await director.post(`${url}/classes`, { classType: 'infant', name: '乳儿班', capacity: 6 })).json();
    const record = (await director.get(`${url}/record`)).json();
    expect(record.changedKeyFacts).toEqual(['classes']);
    expect(record.classes.find((c: { id: string }) => c.id === filed.classIds[1])).toMatchObject({
      archived: true,
      filed: { capacity: 14 },
    });
    expect(record.classes.find((c: { id: string }) => c.id === added.id)).toMatchObject({ archived: false, filed: null });
    const profile = (await t.app.inject({ url })).json();
    // The removed class stays listed until the change is filed, but offers no place.
    expect(profile).toMatchObject({ places: 29, vacancies: { toddler: 15, older_toddler: 0 } });
    expect(profile.vacancies.infant).toBeUndefined();
  });

  it('refuses to remove a class children are enrolled in, saying how many, and keeps it', async () => {
    const filed = await createFiledInstitution(t.deps.db, district.townshipCodes[1] as string, '有在托托育园', {
      classes: [{ classType: 'toddler', capacity: 10 }],
    });
    const classId = filed.classIds[0] as string;
    await createEnrolledChild(t.deps.db, { institutionId: filed.id, classId });
    await createEnrolledChild(t.deps.db, { institutionId: filed.id, classId });
    const director = await directorOf(filed.id);
    const url = `/api/v1/institutions/${filed.id}`;
    const refused = await director.delete(`${url}/classes/${classId}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'CLASS_HAS_CHILDREN',
      message: '该班级还有 2 名幼儿在托或已获录取，不能撤销；请先为他们调班或办理离园',
    });
    const record = (await director.get(`${url}/record`)).json();
    expect(record.classes).toEqual([expect.objectContaining({ id: classId, archived: false, enrolled: 2 })]);
    expect(record.changedKeyFacts).toEqual([]);
  });

  it('freezes the class plan while a filing is in review, but not the roster', async () => {
    const filed = await createFiledInstitution(t.deps.db, district.townshipCodes[1] as string, '审核中托育园');
    await t.deps.db.updateTable('institutions').set({ status: 'under_review' }).where('id', '=', filed.id).execute();
    const director = await directorOf(filed.id);
    const url = `/api/v1/institutions/${filed.id}`;
    const cls = await director.post(`${url}/classes`, { classType: 'infant', name: '乳儿班', capacity: 6 });
    expect(cls.statusCode).toBe(409);
    expect(cls.json().error).toMatchObject({ code: 'INSTITUTION_LOCKED' });
    expect((await director.patch(`${url}/classes/${filed.classIds[0]}`, { capacity: 10 })).statusCode).toBe(409);
    expect((await director.delete(`${url}/classes/${filed.classIds[0]}`)).statusCode).toBe(409);
    expect((await director.post(`${url}/staff`, { name: '新保育', role: 'caregiver', residentId: staffResidentId(3) })).statusCode).toBe(
      201,
    );
  });
});
