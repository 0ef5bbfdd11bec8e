import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import {
  completeInstitution,
  createFiledInstitution,
  createInstitution,
  staffResidentId,
} from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { residentIdCheckChar } from '../../../../domain/identity/residentId.ts';
import { as } from '../test/helpers.ts';

/**
 * A staff member's 身份证号 (issue 19): checked, kept encrypted and shown masked, and one person
 * active in only one institution that is filed or under review — refused when added or changed,
 * when a filing is submitted, and when two directors add the same person at once.
 */
describe.each(DIALECTS)('staff resident ID numbers on %s', (dialect) => {
  let t: TestApp;
  let township: string;
  let official: ReturnType<typeof as>;

  async function directorOf(institutionId: string) {
    const user = await createUser(t.deps.db, { role: 'institution_admin', institutionId });
    return as(t, await signIn(t.app, user.phone));
  }

  async function filedWithDirector(name: string) {
    const institution = await createFiledInstitution(t.deps.db, township, name);
    return { id: institution.id, director: await directorOf(institution.id) };
  }

  async function draftWithDirector(name: string) {
    const institution = await createInstitution(t.deps.db, township, name);
    await completeInstitution(t.deps.db, institution.id);
    return { id: institution.id, director: await directorOf(institution.id) };
  }

  const addStaff = (who: { id: string; director: ReturnType<typeof as> }, body: Record<string, unknown>) =>
    who.director.post(`/api/v1/institutions/${who.id}/staff`, body);

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const district = await createDistrict(t.deps.db, '身份区');
    township = district.townshipCodes[0] as string;
    const user = await createUser(t.deps.db, { role: 'district_official', divisionCode: district.districtCode });
    official = as(t, await signIn(t.app, user.phone));
  });
  afterAll(() => t.close());

  it('asks a caregiver, director or health worker for a valid number and shows it only masked', async () => {
    const home = await draftWithDirector('校验托育园');
    const missing = await addStaff(home, { name: '甲保育', role: 'caregiver' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([{ path: 'body.residentId', message: '保育人员、负责人和卫生保健人员须填写身份证号' }]);
    const wrongCheck = staffResidentId(10).slice(0, 17) + (staffResidentId(10).endsWith('1') ? '2' : '1');
    expect((await addStaff(home, { name: '甲保育', role: 'caregiver', residentId: wrongCheck })).json().error.details[0].path).toBe(
      'body.residentId',
    );
    const child = '32070620200101001';
    const tooYoung = await addStaff(home, { name: '甲保育', role: 'director', residentId: `${child}${residentIdCheckChar(child)}` });
    expect(tooYoung.json().error.details[0].message).toContain('未满16周岁');
    // A cook may be added without one.
    expect((await addStaff(home, { name: '厨师', role: 'cook' })).statusCode).toBe(201);

    const number = staffResidentId(11);
    const added = await addStaff(home, { name: '甲保育', role: 'caregiver', residentId: number.toLowerCase() });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().residentIdMasked).toBe(`3207**********${number.slice(14)}`);
    expect(added.body).not.toContain(number.slice(6, 14));
    const record = await home.director.get(`/api/v1/institutions/${home.id}/record`);
    expect(record.body).not.toContain(number.slice(6, 14));
    const row = await t.deps.db
      .selectFrom('institution_staff')
      .select(['resident_id_enc', 'resident_id_index'])
      .where('id', '=', added.json().id)
      .executeTakeFirstOrThrow();
    expect(t.deps.cipher.decrypt(row.resident_id_enc as string)).toBe(number);

    // Editable: a new number, and not cleared while the role needs one.
    const changed = await home.director.patch(`/api/v1/institutions/${home.id}/staff/${added.json().id}`, {
      residentId: staffResidentId(12),
    });
    expect(changed.json().residentIdMasked).toBe(`3207**********${staffResidentId(12).slice(14)}`);
    const cleared = await home.director.patch(`/api/v1/institutions/${home.id}/staff/${added.json().id}`, { residentId: '' });
    expect(cleared.statusCode).toBe(400);
  });

  it('refuses a person active in another filed institution, by its name, until they leave there', async () => {
    const there = await filedWithDirector('在职托育园');
    const here = await draftWithDirector('新来托育园');
    const number = staffResidentId(20);
    const first = await addStaff(there, { name: '乙保育', role: 'caregiver', residentId: number });
    expect(first.statusCode).toBe(201);

    const refused = await addStaff(here, { name: '乙保育', role: 'caregiver', residentId: number });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'STAFF_ACTIVE_ELSEWHERE',
      message: '此人已在「在职托育园」在职，需先在该机构办理离职',
      details: [{ path: 'body.residentId' }],
    });
    // Changing someone else's number to theirs is refused the same way.
    const other = (await addStaff(here, { name: '丙保育', role: 'caregiver', residentId: staffResidentId(21) })).json();
    const edited = await here.director.patch(`/api/v1/institutions/${here.id}/staff/${other.id}`, { residentId: number });
    expect(edited.json().error.code).toBe('STAFF_ACTIVE_ELSEWHERE');

    // Leaving on a later day still counts as employed; leaving today frees them.
    await t.deps.db.updateTable('institution_staff').set({ left_on: '2026-12-31' }).where('id', '=', first.json().id).execute();
    expect((await addStaff(here, { name: '乙保育', role: 'caregiver', residentId: number })).statusCode).toBe(409);
    await t.deps.db.updateTable('institution_staff').set({ left_on: null }).where('id', '=', first.json().id).execute();
    expect((await there.director.delete(`/api/v1/institutions/${there.id}/staff/${first.json().id}`)).statusCode).toBe(204);
    expect((await addStaff(here, { name: '乙保育', role: 'caregiver', residentId: number })).statusCode).toBe(201);
  });

  it('lets two drafts list one person, and refuses the second submission while the first is in review', async () => {
    const a = await draftWithDirector('甲方托育园');
    const b = await draftWithDirector('乙方托育园');
    const number = staffResidentId(30);
    expect((await addStaff(a, { name: '丁保育', role: 'caregiver', residentId: number })).statusCode).toBe(201);
    expect((await addStaff(b, { name: '丁保育', role: 'caregiver', residentId: number })).statusCode).toBe(201);

    expect((await a.director.post(`/api/v1/institutions/${a.id}/transitions`, { action: 'submit' })).statusCode).toBe(200);
    // The director's page lists them before a submission is tried.
    expect((await b.director.get(`/api/v1/institutions/${b.id}/record`)).json().rosterConflicts).toEqual([
      { staffId: expect.any(String), staffName: '丁保育', institution: '甲方托育园' },
    ]);
    expect((await a.director.get(`/api/v1/institutions/${a.id}/record`)).json().rosterConflicts).toEqual([]);
    const refused = await b.director.post(`/api/v1/institutions/${b.id}/transitions`, { action: 'submit' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('FILING_INCOMPLETE');
    expect(refused.json().error.details).toEqual([
      { item: 'staff.activeElsewhere', staffId: expect.any(String), staffName: '丁保育', institution: '甲方托育园' },
    ]);
    // Still counted while under review; once the first filing is returned the second may go.
    expect((await official.post(`/api/v1/institutions/${a.id}/transitions`, { action: 'start_review' })).statusCode).toBe(200);
    expect((await b.director.post(`/api/v1/institutions/${b.id}/transitions`, { action: 'submit' })).statusCode).toBe(422);
    expect((await official.post(`/api/v1/institutions/${a.id}/transitions`, { action: 'return', reason: '补材料' })).statusCode).toBe(200);
    const submitted = await b.director.post(`/api/v1/institutions/${b.id}/transitions`, { action: 'submit' });
    expect(submitted.statusCode).toBe(200);
    const filingUrl = `/api/v1/institutions/filings/${submitted.json().filingId}`;
    expect((await official.get(filingUrl)).json().rosterConflicts).toEqual([]);

    // A row written before the rule (or by hand) puts them in a filed institution too: the review page shows it.
    const c = await filedWithDirector('丙方托育园');
    const row = await t.deps.db
      .selectFrom('institution_staff')
      .selectAll()
      .where('resident_id_index', '=', t.deps.cipher.blindIndex(number))
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('institution_staff')
      .values({
        institution_id: c.id,
        name: '丁保育',
        role: 'caregiver',
        resident_id_enc: row.resident_id_enc,
        resident_id_index: row.resident_id_index,
        resident_id_masked: row.resident_id_masked,
      })
      .execute();
    expect((await official.get(filingUrl)).json().rosterConflicts).toEqual([
      { staffId: expect.any(String), staffName: '丁保育', institution: '丙方托育园' },
    ]);
  });

  it('of two directors adding the same person at the same moment, exactly one succeeds', async () => {
    for (let round = 0; round < 3; round++) {
      const a = await filedWithDirector(`同时甲园${round}`);
      const b = await filedWithDirector(`同时乙园${round}`);
      const number = staffResidentId(40 + round);
      const results = await Promise.all([
        addStaff(a, { name: '戊保育', role: 'caregiver', residentId: number }),
        addStaff(b, { name: '戊保育', role: 'caregiver', residentId: number }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const rows = await t.deps.db
        .selectFrom('institution_staff')
        .select('id')
        .where('resident_id_index', '=', t.deps.cipher.blindIndex(number))
        .execute();
      expect(rows).toHaveLength(1);
    }
  });
});
