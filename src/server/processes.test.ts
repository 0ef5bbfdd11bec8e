import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness/app.ts';
import { TEST_FIELD_KEY } from '../../test/harness/cipher.ts';
import { DIALECTS } from '../../test/harness/db.ts';
import { makeResidentId } from '../../test/harness/factories/children.ts';
import { createEnrolledChild } from '../../test/harness/factories/enrollments.ts';
import { createFiledInstitution } from '../../test/harness/factories/institutions.ts';
import { fillClass } from '../../test/harness/factories/placement.ts';
import { claimVoucher, createOpenProgram, createStatement, programBalances } from '../../test/harness/factories/subsidies.ts';
import { createUser, signIn } from '../../test/harness/factories/users.ts';
import { type ServerProcess, spawnServer, urlWithSchema } from '../../test/harness/processes.ts';
import { createRoleWorld, type RoleWorld } from '../../test/harness/roles.ts';
import type { ClassType } from '../domain/classes/classTypes.ts';
import { addDaysIso, addMonthsIso, todayInShanghai } from '../domain/dates/shanghai.ts';
import { placesLeft } from '../domain/enrollment/placement.ts';
import { findClassLoad } from './modules/enrollment/admissions/queries.ts';

// The races of issues 4 and 6 between two real server processes: each has its own pool, event
// loop and memory, so only the database can keep them from overselling. Request i goes to
// process i % 2, all sent at once. The worlds are written
// through an in-process app on the same schema, its clock set to the real time the processes
// run on.
// PostgreSQL only: PGlite is one process's embedded database.
for (const dialect of DIALECTS.filter((d) => d === 'postgres')) {
  describe(`two server processes on one ${dialect} database`, () => {
    let t: TestApp;
    let world: RoleWorld;
    let servers: ServerProcess[] = [];
    let today: string;
    let city: string;
    let director: string;
    let parent: string;
    let offers: Awaited<ReturnType<typeof prepareOffers>>;
    let redemption: Awaited<ReturnType<typeof prepareRedemption>>;
    let claims: Awaited<ReturnType<typeof prepareClaims>>;

    const across = (i: number) => servers[i % servers.length] as ServerProcess;
    const settled = <T>(s: PromiseSettledResult<T>): T => {
      if (s.status === 'rejected') throw s.reason;
      return s.value;
    };

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      t.clock.set(new Date());
      today = todayInShanghai(t.clock.now());
      world = await createRoleWorld(t);
      city = world.actors.city_official.cookie as string;
      director = world.actors.institution_admin.cookie as string;
      parent = world.actors.parent.cookie as string;

      const { url, schema } = t.database.postgres as { url: string; schema: string };
      const env = {
        DATABASE_URL: urlWithSchema(url, schema),
        FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY,
        RATE_LIMIT_PER_MINUTE: '100000',
        LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      };
      // The processes take seconds to boot; the races' worlds are written meanwhile.
      const [started, prepared] = await Promise.all([
        Promise.allSettled([spawnServer({ env }), spawnServer({ env })]),
        Promise.allSettled([prepareOffers(), prepareRedemption(), prepareClaims()]),
      ]);
      servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      started.forEach(settled);
      offers = settled(prepared[0]);
      redemption = settled(prepared[1]);
      claims = settled(prepared[2]);
    }, 240_000);

    afterAll(async () => {
      await Promise.allSettled(servers.map((s) => s.stop()));
      await t?.close();
    });

    /** 50 families, each with an offer into one class with 10 places left. */
    async function prepareOffers() {
      const birthDate = addMonthsIso(today, -28);
      const startDate = addDaysIso(today, 7);
      const expiresAt = new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString();
      const township = world.townshipCodes[0] as string;
      // Filed through the filing workflow's tables, so the public search lists it too.
      const { id: institutionId, classIds } = await createFiledInstitution(t.deps.db, township, '多进程测试园', {
        classes: [{ classType: 'older_toddler', capacity: 20 }],
      });
      const classId = classIds[0] as string;
      const filler = await createUser(t.deps.db, { role: 'parent' });
      await fillClass(t.deps.db, classId, institutionId, 10, birthDate, filler.id, township);
      const owner = await createUser(t.deps.db, { role: 'institution_admin', institutionId });
      const ownerCookie = await signIn(t.app, owner.phone);
      const families = await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const user = await createUser(t.deps.db, { role: 'parent' });
          const cookie = await signIn(t.app, user.phone);
          const post = async (url: string, payload: object, as = cookie) => {
            const res = await t.app.inject({ method: 'POST', url, payload, headers: { cookie: as } });
            if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
            return res.body ? res.json() : undefined;
          };
          const child = await post('/api/v1/children', {
            name: `并发${i}`,
            sex: i % 2 ? 'male' : 'female',
            birthDate,
            residenceDivisionCode: township,
            relation: 'mother',
            consent: true,
          });
          const application = await post('/api/v1/applications', { childId: child.id, institutionIds: [institutionId], startDate });
          if (i < 10) await post(`/api/v1/applications/${application.id}/offer`, { classId, expiresAt }, ownerCookie);
          return { cookie, applicationId: application.id as string };
        }),
      );
      // Standing offers hold the 10 places, so no more can be made; the other 40 stand as offers
      // made before a caregiver left would, and the acceptances race for the places.
      await t.deps.db
        .updateTable('application_choices')
        .set({ status: 'offered', class_id: classId, offer_expires_at: new Date(expiresAt), decided_at: t.clock.now() })
        .where(
          'application_id',
          'in',
          families.slice(10).map((f) => f.applicationId),
        )
        .execute();
      return { classId, families };
    }

    /** One voucher of a child enrolled with the world's institution, and this month's statement. */
    async function prepareRedemption() {
      const month = today.slice(0, 7);
      const program = await createOpenProgram(t, city, { budgetFen: 200_000, validFrom: `${month}-01`, validTo: addDaysIso(today, 60) });
      const child = await createEnrolledChild(t.deps.db, {
        institutionId: world.institutionId,
        guardianUserId: world.actors.parent.userId,
        birthDate: addMonthsIso(today, -18),
        startDate: `${month}-01`,
      });
      const voucher = await claimVoucher(t, parent, program.id, child.childId);
      const statementId = await createStatement(t.deps.db, {
        childId: child.childId,
        institutionId: world.institutionId,
        classId: child.classId,
        month,
      });
      return { programId: program.id, voucher, statementId };
    }

    /** A program with a budget for 200 vouchers, and 500 eligible children of the world's parent. */
    async function prepareClaims() {
      const program = await createOpenProgram(t, city, {
        budgetFen: 200 * 50_000,
        faceValueFen: 50_000,
        validFrom: today,
        validTo: addDaysIso(today, 60),
      });
      const parentId = world.actors.parent.userId as string;
      const children = await t.deps.db
        .insertInto('children')
        .values(
          Array.from({ length: 500 }, (_, i) => ({
            name: `抢券${i}`,
            sex: i % 2 ? 'male' : 'female',
            birth_date: addMonthsIso(today, -18),
            residence_division_code: world.townshipCodes[0] as string,
            created_by: parentId,
          })),
        )
        .returning('id')
        .execute();
      await t.deps.db
        .insertInto('child_guardians')
        .values(
          children.map((c) => ({
            child_id: c.id,
            user_id: parentId,
            relation: 'mother',
            consent_version: 'test',
            consented_at: t.clock.now(),
          })),
        )
        .execute();
      return { programId: program.id, childIds: children.map((c) => c.id) };
    }

    it('both processes work in the test schema with the test key', async () => {
      const birthDate = addMonthsIso(today, -20);
      const body = {
        name: '密钥测试',
        sex: 'female',
        birthDate,
        residentId: makeResidentId(world.districtCode, birthDate, 'female', 77),
        residenceDivisionCode: world.townshipCodes[0],
        relation: 'mother',
        consent: true,
      };
      expect((await across(0).request('POST', '/api/v1/children', { cookie: parent, body })).status).toBe(201);
      // The duplicate check compares blind indexes, which only match under the same key.
      const again = await across(1).request('POST', '/api/v1/children', { cookie: parent, body });
      expect(again.body.error?.code).toBe('CHILD_ALREADY_REGISTERED');
      const inProcess = await t.app.inject({ method: 'POST', url: '/api/v1/children', payload: body, headers: { cookie: parent } });
      expect(inProcess.json().error.code).toBe('CHILD_ALREADY_REGISTERED');
    });

    it('50 acceptances for 10 places left: exactly 10 enrollments, 40 × CLASS_FULL, no place left', async () => {
      const { classId, families } = offers;
      // Each process answers the public search from its own index in memory.
      const vacancies = async () => {
        const path = `/api/v1/institutions/search?q=${encodeURIComponent('多进程测试园')}`;
        const answers = await Promise.all(servers.map((s) => s.request('GET', path)));
        return answers.map((a) => (a.body.items as { vacancies: object }[]).map((i) => i.vacancies));
      };
      // The 50 offers standing hold the 10 places: none is left to offer.
      expect(await vacancies()).toEqual([[{ older_toddler: 0 }], [{ older_toddler: 0 }]]);
      const results = await Promise.all(
        families.map((f, i) => across(i).request('POST', `/api/v1/applications/${f.applicationId}/accept`, { cookie: f.cookie, body: {} })),
      );
      expect(results.filter((r) => r.status !== 200 && r.body.error?.code !== 'CLASS_FULL')).toEqual([]);
      expect(results.filter((r) => r.status === 200)).toHaveLength(10);
      const full = results.filter((r) => r.status === 409);
      expect(full).toHaveLength(40);
      for (const r of full) expect(r.body.error).toEqual({ code: 'CLASS_FULL', message: '该班级已无空余托位' });

      const placed = await t.deps.db
        .selectFrom('enrolments as e')
        .innerJoin('application_choices as c', 'c.id', 'e.choice_id')
        .select('c.application_id')
        .where('e.class_id', '=', classId)
        .execute();
      const accepted = families.filter((_, i) => results[i]?.status === 200).map((f) => f.applicationId);
      expect(placed.map((p) => p.application_id).sort()).toEqual(accepted.sort());
      const load = await findClassLoad(t.deps.db, classId, t.clock.now());
      if (!load) throw new Error('the class is gone');
      expect(load.enrolled).toBe(20);
      expect(placesLeft({ ...load, classType: load.classType as ClassType })).toBe(0);
      expect(await vacancies()).toEqual([[{ older_toddler: 0 }], [{ older_toddler: 0 }]]);
    });

    it('100 redemptions of one voucher: exactly one succeeds', async () => {
      const { programId, voucher, statementId } = redemption;
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          across(i).request('POST', '/api/v1/vouchers/redeem', {
            cookie: director,
            body: { code: voucher.code, statementId, amountFen: 50_000, idempotencyKey: `processes-${i}` },
          }),
        ),
      );
      expect(results.filter((r) => r.status !== 200 && r.body.error?.code !== 'VOUCHER_SPENT')).toEqual([]);
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(99);

      const db = t.deps.db;
      expect(await db.selectFrom('statement_deductions').select('id').where('statement_id', '=', statementId).execute()).toHaveLength(1);
      expect(await db.selectFrom('voucher_redemptions').select('id').where('voucher_id', '=', voucher.id).execute()).toHaveLength(1);
      const p = await programBalances(db, programId);
      expect([p.unissued_fen, p.outstanding_fen, p.redeemed_fen, p.expired_fen]).toEqual([150_000, 0, 50_000, 0]);
      await expectLedgerHolds(programId);
    });

    it('500 claims on a budget for 200: exactly 200 vouchers, never over budget', async () => {
      const { programId, childIds } = claims;
      const results = await Promise.all(
        childIds.map((childId, i) =>
          across(i).request('POST', `/api/v1/voucher-programs/${programId}/claims`, { cookie: parent, body: { childId } }),
        ),
      );
      const outcomes = results.map((r) => (r.status === 201 ? 'issued' : (r.body.error?.code ?? String(r.status))));
      expect(outcomes.filter((o) => o !== 'issued' && o !== 'BUDGET_EXHAUSTED')).toEqual([]);
      expect(outcomes.filter((o) => o === 'issued')).toHaveLength(200);
      expect(outcomes.filter((o) => o === 'BUDGET_EXHAUSTED')).toHaveLength(300);

      const vouchers = await t.deps.db
        .selectFrom('vouchers')
        .select(['child_id', 'face_value_fen'])
        .where('program_id', '=', programId)
        .execute();
      const issuedTo = childIds.filter((_, i) => results[i]?.status === 201);
      expect(vouchers.map((v) => v.child_id).sort()).toEqual(issuedTo.sort());
      expect(vouchers.reduce((sum, v) => sum + v.face_value_fen, 0)).toBe(10_000_000);
      const p = await programBalances(t.deps.db, programId);
      expect([p.budget_fen, p.unissued_fen, p.outstanding_fen, p.redeemed_fen, p.expired_fen]).toEqual([10_000_000, 0, 10_000_000, 0, 0]);
      await expectLedgerHolds(programId);
    }, 120_000);

    it('both processes stop cleanly on SIGTERM', async () => {
      expect(await Promise.all(servers.map((s) => s.stop()))).toEqual([0, 0]);
    });

    /** budget = unissued + outstanding + redeemed + expired in the table, and as each process reports it. */
    async function expectLedgerHolds(programId: string) {
      const p = await programBalances(t.deps.db, programId);
      const redeemed = p.redeemed_fen + p.payable_fen + p.paid_fen;
      expect(p.budget_fen).toBe(p.unissued_fen + p.outstanding_fen + redeemed + p.expired_fen);
      for (const server of servers) {
        const summary = await server.request('GET', `/api/v1/voucher-programs/${programId}/summary`, { cookie: city });
        expect(summary.body).toEqual({
          budgetFen: p.budget_fen,
          unissuedFen: p.unissued_fen,
          outstandingFen: p.outstanding_fen,
          redeemedFen: redeemed,
          expiredFen: p.expired_fen,
        });
        const ledger = await server.request('GET', `/api/v1/voucher-programs/${programId}/ledger?limit=1`, { cookie: city });
        expect(ledger.body.balanced).toBe(true);
      }
    }
  });
}
