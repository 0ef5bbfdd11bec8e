import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createRoleWorld, type RoleWorld } from '../../../../test/harness/roles.ts';

const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';
const MESSAGE = '内容含有无法保存的字符（空字符或残缺的Unicode字符），请删除后重试';

// PostgreSQL refuses U+0000 and cannot encode a lone UTF-16 surrogate: every route answers 400.
describe.each(DIALECTS)('unstorable text on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  const count = async (table: 'children' | 'audit_log' | 'institutions') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const child = (name: string) => ({
    name,
    sex: 'female',
    birthDate: '2025-03-15',
    residenceDivisionCode: world.townshipCodes[0],
    relation: 'mother',
    consent: true,
  });
  // Sent as JSON text so the escapes reach the server as they would from any client.
  const send = (method: 'POST' | 'PATCH', url: string, cookie: string | undefined, body: unknown) =>
    t.app.inject({
      method,
      url,
      payload: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
  });
  afterAll(() => t.close());

  it.each([
    ['a NUL', NUL],
    ['a lone surrogate', LONE_SURROGATE],
  ])('refuses a child’s name with %s with 400 naming the field, writing nothing', async (_name, bad) => {
    const [children, audit] = [await count('children'), await count('audit_log')];
    const res = await send('POST', '/api/v1/children', world.actors.parent.cookie, child(`小${bad}明`));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: 'VALIDATION_FAILED', message: '提交的信息有误，请检查后重试', details: [{ path: 'body.name', message: MESSAGE }] },
    });
    expect([await count('children'), await count('audit_log')]).toEqual([children, audit]);
  });

  it('still adds a child whose name has characters outside the Basic Multilingual Plane', async () => {
    const res = await send('POST', '/api/v1/children', world.actors.parent.cookie, child('𠮷𠀀'));
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('𠮷𠀀');
  });

  it('refuses an institution’s description with a lone surrogate in English when asked', async () => {
    const before = await t.deps.db.selectFrom('institutions').selectAll().where('id', '=', world.institutionId).executeTakeFirstOrThrow();
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/institutions/${world.institutionId}`,
      payload: JSON.stringify({ description: `good${'\udc00'}` }),
      headers: { 'content-type': 'application/json', 'accept-language': 'en', cookie: world.actors.institution_admin.cookie as string },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.description' }] });
    expect(res.json().error.details[0].message).toMatch(/cannot be stored/);
    const after = await t.deps.db.selectFrom('institutions').selectAll().where('id', '=', world.institutionId).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('refuses NUL in a query string, a path parameter and a nested key', async () => {
    const query = await t.app.inject({ url: '/api/v1/institutions/search?q=a%00b' });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.details).toEqual([{ path: 'querystring.q', message: MESSAGE }]);
    const param = await t.app.inject({ url: '/api/v1/divisions/32%00', headers: { cookie: world.actors.admin.cookie as string } });
    expect(param.statusCode).toBe(400);
    expect(param.json().error.details).toEqual([{ path: 'params.code', message: MESSAGE }]);
    const audit = await count('audit_log');
    const key = await send('POST', '/api/v1/children', world.actors.parent.cookie, { ...child('小红'), [`x${NUL}`]: 1 });
    expect(key.statusCode).toBe(400);
    expect(key.json().error.details).toEqual([{ path: `body.x${NUL}`, message: MESSAGE }]);
    expect(await count('audit_log')).toBe(audit);
  });
});
