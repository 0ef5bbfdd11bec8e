import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './harness/app.ts';
import { DIALECTS } from './harness/db.ts';
import { createEnrolledChild, type EnrolledChild } from './harness/factories/enrollments.ts';
import { claimVoucher, createOpenProgram, createStatement } from './harness/factories/subsidies.ts';
import { createRoleWorld, type RoleWorld } from './harness/roles.ts';

type Schema = { properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[] };
type OpenApi = { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>> };

/**
 * The rule: a GET answer shows a child's personal data when its 200 schema holds, at any depth,
 * a `childName`; a `child` or `children` object (or list) with an `id` and a `name`; or a record
 * with `name`, `sex` and `birthDate` (the child's record itself).
 */
function showsChild(root: Schema | undefined): boolean {
  const stack = root ? [root] : [];
  while (stack.length > 0) {
    const s = stack.pop() as Schema;
    const props = s.properties ?? {};
    if ('childName' in props || ('name' in props && 'sex' in props && 'birthDate' in props)) return true;
    for (const key of ['child', 'children']) {
      const shown = props[key]?.items ?? props[key];
      if (shown?.properties?.id && shown.properties.name) return true;
    }
    stack.push(...Object.values(props), ...(s.items ? [s.items] : []), ...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? []));
  }
  return false;
}

type Seeded = {
  world: RoleWorld;
  child: EnrolledChild;
  voucherCode: string;
  redemptionId: string;
  statementId: string;
  settlementId: string;
};
type Call = { as: 'institution_admin' | 'caregiver' | 'parent'; url: (s: Seeded) => string; body?: (s: Seeded) => Record<string, unknown> };

/** Reads sent as POST because what they look up is a secret that must stay out of URLs. */
const READ_POSTS = new Set(['POST /api/v1/vouchers/lookup']);

const month = '2026-11';
/** Each route that shows a child to someone, with how to call it on the seeded world. */
const CALLS: Record<string, Call> = {
  'GET /api/v1/children': { as: 'parent', url: () => '/api/v1/children' },
  'GET /api/v1/children/{id}': { as: 'caregiver', url: (s) => `/api/v1/children/${s.child.childId}` },
  'GET /api/v1/children/{id}/measurements': { as: 'caregiver', url: (s) => `/api/v1/children/${s.child.childId}/measurements` },
  'GET /api/v1/illness-alerts': { as: 'institution_admin', url: () => '/api/v1/illness-alerts' },
  'GET /api/v1/institutions/{id}/enrolments': { as: 'caregiver', url: (s) => `/api/v1/institutions/${s.world.institutionId}/enrolments` },
  'GET /api/v1/institutions/{id}/age-moves': {
    as: 'caregiver',
    url: (s) => `/api/v1/institutions/${s.world.institutionId}/age-moves?month=2026-12`,
  },
  'GET /api/v1/classes/{id}/attendance': { as: 'caregiver', url: (s) => `/api/v1/classes/${s.child.classId}/attendance?date=2026-11-27` },
  'GET /api/v1/institutions/{id}/incidents': {
    as: 'caregiver',
    url: (s) => `/api/v1/institutions/${s.world.institutionId}/incidents?month=${month}`,
  },
  'GET /api/v1/children/{id}/incidents': { as: 'caregiver', url: (s) => `/api/v1/children/${s.child.childId}/incidents` },
  'GET /api/v1/institutions/{id}/statements': {
    as: 'institution_admin',
    url: (s) => `/api/v1/institutions/${s.world.institutionId}/statements?month=${month}`,
  },
  'GET /api/v1/statements/{id}': { as: 'institution_admin', url: (s) => `/api/v1/statements/${s.statementId}` },
  'GET /api/v1/children/{id}/statements': { as: 'institution_admin', url: (s) => `/api/v1/children/${s.child.childId}/statements` },
  'POST /api/v1/vouchers/lookup': { as: 'institution_admin', url: () => '/api/v1/vouchers/lookup', body: (s) => ({ code: s.voucherCode }) },
  'GET /api/v1/voucher-redemptions/{id}': { as: 'institution_admin', url: (s) => `/api/v1/voucher-redemptions/${s.redemptionId}` },
  'GET /api/v1/institutions/{id}/voucher-redemptions': {
    as: 'institution_admin',
    url: (s) => `/api/v1/institutions/${s.world.institutionId}/voucher-redemptions?month=${month}`,
  },
  'GET /api/v1/voucher-settlements/{id}': { as: 'institution_admin', url: (s) => `/api/v1/voucher-settlements/${s.settlementId}` },
  'GET /api/v1/me/deletion-requests': { as: 'parent', url: () => '/api/v1/me/deletion-requests' },
};

/**
 * Routes matching the rule that are not walked, each with why. Adding a route here is a decision
 * a reviewer sees; forgetting both lists fails the first test.
 */
const NOT_WALKED: Record<string, string> = {
  'GET /api/v1/institutions/{id}/applications':
    'needs a filed institution with classes and a submitted application; admissions/board.ts audits the children it lists',
  // A guardian's own children, shown only to that guardian (not yet written to the access log).
  'GET /api/v1/applications': 'guardian’s own',
  'GET /api/v1/voucher-programs/available': 'guardian’s own',
  'GET /api/v1/voucher-applications': 'guardian’s own',
  'GET /api/v1/vouchers': 'guardian’s own',
  'GET /api/v1/vouchers/{id}': 'guardian’s own',
  'GET /api/v1/tax-deduction/{year}': 'guardian’s own',
  'GET /api/v1/children/{id}/childcare-subsidy': 'guardian’s own',
  'GET /api/v1/bookings': 'guardian’s own',
  'GET /api/v1/sessions/{id}/bookings':
    'needs the guidance center’s course session with bookings; guidance/courses/attendance.ts audits the children on the roster',
};

describe.each(DIALECTS)('every read of a child is audited on %s', (dialect) => {
  let t: TestApp;
  let seeded: Seeded;
  let doc: OpenApi;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    doc = t.app.swagger() as unknown as OpenApi;
    const world = await createRoleWorld(t);
    const cookie = (role: keyof RoleWorld['actors']) => ({ cookie: world.actors[role].cookie as string });
    const db = t.deps.db;
    const institutionId = world.institutionId;
    // Born 2024-12-03 in a toddler class: moves up in December (age moves).
    const child = await createEnrolledChild(db, {
      institutionId,
      classType: 'toddler',
      birthDate: '2024-12-03',
      guardianUserId: world.actors.parent.userId,
    });
    const classmates = [];
    for (let i = 0; i < 3; i++) classmates.push(await createEnrolledChild(db, { institutionId, classId: child.classId }));
    // Fever in four children of one class today: an illness alert naming them.
    for (const id of [child.childId, ...classmates.map((c) => c.childId)]) {
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/children/${id}/morning-checks/2026-11-29`,
        payload: { temperatureC: 38.2, symptoms: [] },
        headers: cookie('caregiver'),
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const incident = await t.app.inject({
      method: 'POST',
      url: `/api/v1/institutions/${institutionId}/incidents`,
      payload: {
        occurredAt: '2026-11-27T10:20:00+08:00',
        childIds: [child.childId],
        kind: 'fall',
        description: '户外活动时摔倒，膝盖擦伤',
        actionTaken: '保健医生清洗伤口并消毒',
      },
      headers: cookie('caregiver'),
    });
    expect(incident.statusCode, incident.body).toBe(201);
    const statementId = await createStatement(db, { childId: child.childId, institutionId, classId: child.classId, month });
    const program = await createOpenProgram(t, world.actors.city_official.cookie as string);
    const voucher = await claimVoucher(t, world.actors.parent.cookie as string, program.id, child.childId);
    const redeemed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/vouchers/redeem',
      payload: { code: voucher.code, statementId, amountFen: 50_000, idempotencyKey: 'walk-1' },
      headers: cookie('institution_admin'),
    });
    expect(redeemed.statusCode, redeemed.body).toBe(200);
    const settle = await t.app.inject({
      method: 'POST',
      url: '/api/v1/voucher-settlements',
      payload: { month },
      headers: cookie('city_official'),
    });
    expect(settle.statusCode, settle.body).toBe(200);
    const settlementId = settle.json().created.find((s: { institutionId: string }) => s.institutionId === institutionId).id;
    const deletion = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/deletion-requests',
      payload: { scope: 'child', childId: child.childId },
      headers: cookie('parent'),
    });
    expect(deletion.statusCode, deletion.body).toBe(201);
    seeded = { world, child, voucherCode: voucher.code, redemptionId: redeemed.json().id, statementId, settlementId };
  });
  afterAll(() => t.close());

  it('knows how to call every route whose answer shows a child, or says why not', () => {
    const matching = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => method === 'get' || READ_POSTS.has(`${method.toUpperCase()} ${path}`))
        .filter(([, op]) => showsChild(op.responses?.['200']?.content?.['application/json']?.schema))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(matching.length).toBeGreaterThan(15);
    expect([...matching].sort()).toEqual([...Object.keys(CALLS), ...Object.keys(NOT_WALKED)].sort());
  });

  it.each(Object.keys(CALLS))('%s writes child.read for the child it shows', async (route) => {
    const call = CALLS[route] as Call;
    const reads = () =>
      t.deps.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'child.read')
        .where('entity_id', '=', seeded.child.childId)
        .execute();
    const before = (await reads()).length;
    const res = await t.app.inject({
      method: call.body ? 'POST' : 'GET',
      url: call.url(seeded),
      ...(call.body ? { payload: call.body(seeded) } : {}),
      headers: { cookie: seeded.world.actors[call.as].cookie as string },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = JSON.stringify(res.json());
    expect(body.includes(seeded.child.childId) || body.includes(seeded.child.name), 'shows the child').toBe(true);
    expect((await reads()).length).toBeGreaterThan(before);
  });
});
