import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/harness/app.ts';
import { TEST_AUDIT_SIGNING_KEY } from '../../../test/harness/cipher.ts';
import { DIALECTS } from '../../../test/harness/db.ts';
import { createEnrolledChild, type EnrolledChild } from '../../../test/harness/factories/enrollments.ts';
import { claimVoucher, createOpenProgram, createStatement } from '../../../test/harness/factories/subsidies.ts';
import { createUser, signIn } from '../../../test/harness/factories/users.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../test/harness/roles.ts';
import { checkpointKeyFromSeed } from '../platform/audit/checkpointKey.ts';
import { sealAuditLog } from '../platform/audit/sealer.ts';
import { verifyAuditLog } from '../platform/audit/verify.ts';
import { approveDeletion, CHILD_ERASERS } from './deletion.ts';

const key = checkpointKeyFromSeed(Buffer.from(TEST_AUDIT_SIGNING_KEY, 'base64'));
type Item = { kind: string; result: string; reason: string; count: number };

describe.each(DIALECTS)('personal-data deletion requests on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let parent: string;
  let admin: string;
  let child: EnrolledChild;
  let statementId: string;
  let programId: string;

  const as = (cookie: string) => ({ headers: { cookie } });
  const file = (cookie: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/me/deletion-requests', payload, ...as(cookie) });
  const approve = (id: string) => t.app.inject({ method: 'POST', url: `/api/v1/deletion-requests/${id}/approve`, ...as(admin) });
  const mine = async (cookie: string) => (await t.app.inject({ url: '/api/v1/me/deletion-requests', ...as(cookie) })).json().items;
  const measurements = (childId: string) =>
    t.deps.db.selectFrom('growth_measurements').select('id').where('child_id', '=', childId).execute();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    parent = world.actors.parent.cookie as string;
    admin = world.actors.admin.cookie as string;
    child = await createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      guardianUserId: world.actors.parent.userId,
      name: '王小雨',
    });
    const measured = await t.app.inject({
      method: 'POST',
      url: `/api/v1/children/${child.childId}/measurements`,
      payload: { measuredOn: '2026-11-20', weightKg: 10.4 },
      ...as(parent),
    });
    expect(measured.statusCode, measured.body).toBe(201);
    const pickup = await t.app.inject({
      method: 'POST',
      url: `/api/v1/children/${child.childId}/pickup-persons`,
      payload: { name: '王外婆', relation: 'grandparent', phone: '13912345678' },
      ...as(parent),
    });
    expect(pickup.statusCode, pickup.body).toBe(201);
    statementId = await createStatement(t.deps.db, { childId: child.childId, institutionId: world.institutionId, classId: child.classId });
    programId = (await createOpenProgram(t, world.actors.city_official.cookie as string)).id;
    await claimVoucher(t, parent, programId, child.childId);
  });
  afterAll(() => t.close());

  it('lets parents file and list, and only the admin review, approve and reject', async () => {
    const other = await createRoleWorld(t);
    const denied = { anonymous: 401, parent: 403, institution_admin: 403, caregiver: 403, district_official: 403, city_official: 403 };
    await expectRoleMatrix(
      t,
      other,
      { method: 'POST', url: '/api/v1/me/deletion-requests', payload: { scope: 'account' } },
      { ...denied, parent: 201, admin: 403 },
    );
    await expectRoleMatrix(t, other, { url: '/api/v1/me/deletion-requests' }, { ...denied, parent: 200, admin: 403 });
    await expectRoleMatrix(t, other, { url: '/api/v1/deletion-requests' }, { ...denied, admin: 200 });
    const [open] = await mine(other.actors.parent.cookie as string);
    await expectRoleMatrix(
      t,
      other,
      { method: 'POST', url: `/api/v1/deletion-requests/${open.id}/reject`, payload: { reason: '身份待核实' } },
      { ...denied, admin: 200 },
    );
    await expectRoleMatrix(
      t,
      other,
      { method: 'POST', url: '/api/v1/deletion-requests/00000000-0000-4000-8000-000000000000/approve' },
      { ...denied, admin: 404 },
    );
  });

  it('takes one open request per subject, and keeps each parent’s requests to themselves', async () => {
    const stranger = await createUser(t.deps.db, { role: 'parent' });
    const strangerCookie = await signIn(t.app, stranger.phone);
    expect((await file(strangerCookie, { scope: 'child', childId: child.childId })).statusCode).toBe(404);

    const first = await file(parent, { scope: 'child', childId: child.childId, reason: '孩子已转学外地' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ scope: 'child', childName: '王小雨', status: 'pending', reason: '孩子已转学外地', outcome: null });
    const again = await file(parent, { scope: 'child', childId: child.childId });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'DELETION_REQUEST_OPEN', message: expect.stringContaining('正在审核') });

    expect(await mine(strangerCookie)).toEqual([]);
    const review = (await t.app.inject({ url: '/api/v1/deletion-requests', ...as(admin) })).json().items;
    const listed = review.find((r: { id: string }) => r.id === first.json().id);
    expect(listed.requester.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(JSON.stringify(listed)).not.toContain('王小雨');
  });

  it('refuses approval while the child holds a place, then erases what is not kept by law', async () => {
    const [request] = await mine(parent);
    const refused = await approve(request.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'DELETION_CHILD_HOLDS_PLACE', message: expect.stringContaining('结束托位') });
    expect((await measurements(child.childId)).length).toBe(1);

    const director = world.actors.institution_admin.cookie as string;
    const incident = await t.app.inject({
      method: 'POST',
      url: `/api/v1/institutions/${world.institutionId}/incidents`,
      payload: {
        occurredAt: '2026-11-20T10:00:00+08:00',
        childIds: [child.childId],
        kind: 'fall',
        description: '王小雨在滑梯摔倒，小雨膝盖擦伤',
        actionTaken: '为小雨消毒包扎',
      },
      ...as(director),
    });
    expect(incident.statusCode, incident.body).toBe(201);

    const ended = await t.app.inject({
      method: 'POST',
      url: `/api/v1/enrolments/${child.enrolmentId}/end`,
      payload: { endDate: '2026-11-28', reason: '转学' },
      ...as(director),
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const approved = await approve(request.id);
    expect(approved.statusCode, approved.body).toBe(200);

    const [seen] = await mine(parent);
    expect(seen).toMatchObject({ status: 'approved', childName: '已删除' });
    const outcome = seen.outcome as Item[];
    expect(outcome).toEqual(
      expect.arrayContaining([
        { kind: 'growth_measurements', result: 'erased', reason: 'on_request', count: 1 },
        { kind: 'guardians', result: 'erased', reason: 'on_request', count: 1 },
        { kind: 'child_record', result: 'anonymised', reason: 'referenced_by_kept_records', count: 1 },
        { kind: 'pickup_persons', result: 'anonymised', reason: 'named_in_handovers', count: 1 },
        { kind: 'fee_statements', result: 'kept', reason: 'accounting_law', count: 1 },
        { kind: 'enrolments', result: 'kept', reason: 'place_history', count: 1 },
        { kind: 'vouchers', result: 'kept', reason: 'voucher_ledger', count: 1 },
        expect.objectContaining({ kind: 'audit_log', result: 'kept', reason: 'audit_law' }),
      ]),
    );

    const db = t.deps.db;
    const record = await db.selectFrom('children').selectAll().where('id', '=', child.childId).executeTakeFirstOrThrow();
    expect(record).toMatchObject({ name: '已删除', resident_id_enc: null, birth_date: `${child.birthDate.slice(0, 7)}-01` });
    expect(await measurements(child.childId)).toEqual([]);
    const pickup = await db.selectFrom('pickup_persons').select(['name', 'phone']).where('child_id', '=', child.childId).execute();
    expect(pickup).toEqual([{ name: '已删除', phone: '' }]);
    // The institution's safety record stays, no longer linked to the child nor naming them.
    const kept = await db.selectFrom('incidents').select(['description', 'action_taken']).where('id', '=', incident.json().id).execute();
    expect(kept).toEqual([{ description: '某幼儿在滑梯摔倒，某幼儿膝盖擦伤', action_taken: '为某幼儿消毒包扎' }]);
    expect(outcome).toContainEqual({ kind: 'incidents', result: 'anonymised', reason: 'institution_safety_record', count: 1 });
    // Kept by law: the statement and its lines, the voucher and the program's ledger.
    expect(await db.selectFrom('fee_statement_lines').select('position').where('statement_id', '=', statementId).execute()).toHaveLength(1);
    expect(await db.selectFrom('vouchers').select('id').where('child_id', '=', child.childId).execute()).toHaveLength(1);
    const ledger = await t.app.inject({
      url: `/api/v1/voucher-programs/${programId}/ledger`,
      ...as(world.actors.city_official.cookie as string),
    });
    expect(ledger.json().balanced).toBe(true);
    // The parent no longer reaches the child, and is told of the decision.
    expect((await t.app.inject({ url: `/api/v1/children/${child.childId}`, ...as(parent) })).statusCode).toBe(404);
    const told = (await t.app.inject({ url: '/api/v1/notifications', ...as(parent) })).json().items;
    expect(told[0]).toMatchObject({ kind: 'privacy.deletion_approved', link: '/family/my-data' });

    const actions = await db.selectFrom('audit_log').select('action').where('entity_id', '=', request.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['privacy.deletion.requested', 'privacy.deletion.approved']);
    await sealAuditLog(db, key, { settleMs: 10_000 });
    expect(await verifyAuditLog(db, { publicKeys: { [key.keyId]: key.publicKeyPem } })).toMatchObject({ ok: true });

    const twice = await approve(request.id);
    expect(twice.json().error.code).toBe('DELETION_REQUEST_DECIDED');
  });

  it('erases nothing when a later module’s erasure fails: one transaction', async () => {
    const kid = await createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      guardianUserId: world.actors.parent.userId,
      name: '李小树',
      endDate: '2026-10-31',
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/children/${kid.childId}/measurements`,
      payload: { measuredOn: '2026-10-20', weightKg: 10.1 },
      ...as(parent),
    });
    const filed = await file(parent, { scope: 'child', childId: kid.childId });
    expect(filed.statusCode, filed.body).toBe(201);
    const failing = async () => {
      throw new Error('the last module failed');
    };
    const adminActor = { userId: world.actors.admin.userId as string } as Parameters<typeof approveDeletion>[2];
    const context = { actorId: adminActor.userId, actorRole: 'admin', ip: null, requestId: null };
    await expect(approveDeletion(t.deps, filed.json().id, adminActor, context, [...CHILD_ERASERS, failing])).rejects.toThrow(
      'the last module failed',
    );
    expect(await measurements(kid.childId)).toHaveLength(1);
    const record = await t.deps.db.selectFrom('children').select('name').where('id', '=', kid.childId).executeTakeFirstOrThrow();
    expect(record.name).toBe('李小树');
    const [still] = (await mine(parent)).filter((r: { id: string }) => r.id === filed.json().id);
    expect(still).toMatchObject({ status: 'pending', outcome: null });
  });

  it('rejects with a reason the parent sees, and asks for the reason at its field', async () => {
    const [open] = (await mine(parent)).filter((r: { status: string }) => r.status === 'pending');
    const blank = await t.app.inject({
      method: 'POST',
      url: `/api/v1/deletion-requests/${open.id}/reject`,
      payload: { reason: ' ' },
      ...as(admin),
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details).toEqual([expect.objectContaining({ path: 'body.reason', message: '请填写原因' })]);
    t.clock.advanceMinutes(5);
    const rejected = await t.app.inject({
      method: 'POST',
      url: `/api/v1/deletion-requests/${open.id}/reject`,
      payload: { reason: '请先结清11月费用' },
      ...as(admin),
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const seen = (await mine(parent)).find((r: { id: string }) => r.id === open.id);
    expect(seen).toMatchObject({ status: 'rejected', decisionReason: '请先结清11月费用', outcome: null });
    const told = (await t.app.inject({ url: '/api/v1/notifications', ...as(parent) })).json().items;
    expect(told[0]).toMatchObject({ kind: 'privacy.deletion_rejected', body: expect.stringContaining('请先结清11月费用') });
  });

  it('erases an account: SMS queued to the number first, then number, name, password, sessions and roles gone', async () => {
    const person = await createUser(t.deps.db, { role: 'parent' }, { name: '赵一' });
    const cookie = await signIn(t.app, person.phone);
    const kid = await createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      guardianUserId: person.id,
      endDate: '2026-10-31',
    });
    const filed = await file(cookie, { scope: 'account' });
    expect(filed.statusCode, filed.body).toBe(201);
    const approved = await approve(filed.json().id);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().outcome).toEqual(
      expect.arrayContaining([
        { kind: 'account', result: 'anonymised', reason: 'referenced_by_kept_records', count: 1 },
        { kind: 'child_record', result: 'anonymised', reason: 'referenced_by_kept_records', count: 1 },
        expect.objectContaining({ kind: 'sessions_and_roles', result: 'erased' }),
      ]),
    );

    const db = t.deps.db;
    const user = await db.selectFrom('users').selectAll().where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ phone: `erased:${person.id}`, name: '已删除', password_hash: '' });
    expect(user.erased_at).not.toBeNull();
    expect(await db.selectFrom('sessions').select('id').where('user_id', '=', person.id).execute()).toEqual([]);
    expect(await db.selectFrom('user_roles').select('id').where('user_id', '=', person.id).execute()).toEqual([]);
    expect((await t.app.inject({ url: '/api/v1/me/deletion-requests', ...as(cookie) })).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: person.phone, password: person.password },
    });
    expect(login.statusCode).toBe(401);
    const sms = await db
      .selectFrom('outbound_messages')
      .select(['recipient', 'template', 'status'])
      .where('user_id', '=', person.id)
      .execute();
    expect(sms).toEqual([{ recipient: person.phone, template: 'notification.privacy.account_erased', status: 'pending' }]);
    const record = await db.selectFrom('children').select('name').where('id', '=', kid.childId).executeTakeFirstOrThrow();
    expect(record.name).toBe('已删除');
    const review = (await t.app.inject({ url: '/api/v1/deletion-requests', ...as(admin) })).json().items;
    expect(review.find((r: { id: string }) => r.id === filed.json().id).requester).toMatchObject({ name: '已删除', phoneMasked: '' });
  });
});
