import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { TEST_AUDIT_SIGNING_KEY } from '../../../../test/harness/cipher.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../test/harness/roles.ts';
import { appendAudit, SYSTEM_CONTEXT } from './auditLog.ts';
import { checkpointKeyFromSeed } from './checkpointKey.ts';
import { sealAuditLog } from './sealer.ts';

const key = checkpointKeyFromSeed(Buffer.from(TEST_AUDIT_SIGNING_KEY, 'base64'));
const ADMIN_ONLY = { anonymous: 401, parent: 403, institution_admin: 403, caregiver: 403, district_official: 403, city_official: 403 };

describe.each(DIALECTS)('the admin’s audit viewer on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let admin: string;
  const get = (url: string) => t.app.inject({ url, headers: { cookie: admin } });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    admin = world.actors.admin.cookie as string;
    // Either side of midnight in Shanghai, which is the afternoon before in UTC.
    for (const [at, n] of [
      ['2026-11-27T23:30:00+08:00', 1],
      ['2026-11-28T00:10:00+08:00', 2],
      ['2026-11-28T23:50:00+08:00', 3],
      ['2026-11-29T00:05:00+08:00', 4],
    ] as const) {
      await appendAudit(t.deps.db, SYSTEM_CONTEXT, { action: 'test.entry', entityType: 'test', detail: { n } }, new Date(at));
    }
  });
  afterAll(() => t.close());

  it('filters by days in Asia/Shanghai and pages to older entries', async () => {
    const day = (await get('/api/v1/audit?action=test.entry&from=2026-11-28&to=2026-11-28')).json().items;
    expect(day.map((e: { detail: { n: number } }) => e.detail.n)).toEqual([3, 2]);
    const first = (await get('/api/v1/audit?action=test.entry&limit=3')).json().items;
    expect(first.map((e: { detail: { n: number } }) => e.detail.n)).toEqual([4, 3, 2]);
    const older = (await get(`/api/v1/audit?action=test.entry&limit=3&before=${first[2].id}`)).json().items;
    expect(older.map((e: { detail: { n: number } }) => e.detail.n)).toEqual([1]);

    const bad = await t.app.inject({ url: '/api/v1/audit?from=28-11-2026', headers: { cookie: admin, 'accept-language': 'zh-CN' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ path: 'querystring.from', message: '日期格式应为 YYYY-MM-DD' }]);
  });

  it('exports the filtered entries with actions in words, and audits the export', async () => {
    const res = await get('/api/v1/audit.xlsx?from=2026-11-28&to=2026-11-29');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('tuoyu-audit-log.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const actionColumn = header.indexOf('操作 Action') + 1;
    const codeColumn = header.indexOf('操作代码 Action code') + 1;
    const rows = sheet.getRows(2, sheet.rowCount - 1) ?? [];
    const logins = rows.filter((r) => r.getCell(codeColumn).value === 'auth.login');
    expect(logins.length).toBeGreaterThan(0);
    expect(logins[0]?.getCell(actionColumn).value).toBe('登录');
    expect(rows.filter((r) => r.getCell(codeColumn).value === 'test.entry')).toHaveLength(3);

    const exported = (await get('/api/v1/audit?action=audit.export')).json().items;
    expect(exported[0]).toMatchObject({ actorId: world.actors.admin.userId, detail: { entries: rows.length } });
  });

  it('verifies the chain on request, and names the first entry that was changed', async () => {
    await sealAuditLog(t.deps.db, key, { settleMs: 60_000 });
    const verify = () => t.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: { cookie: admin } });
    const good = (await verify()).json();
    expect(good).toMatchObject({ ok: true, checkpoints: expect.any(Number) });
    expect(good.checked).toBeGreaterThan(4);

    const target = await t.deps.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'test.entry')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    await t.deps.db.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(trx);
      await sql`update audit_log set detail = '{"n": 999}' where seq = ${target.seq}`.execute(trx);
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(trx);
    });
    expect((await verify()).json()).toMatchObject({ ok: false, problem: { seq: target.seq, reason: 'content_changed' } });
  });

  it('is the admin’s alone', async () => {
    await expectRoleMatrix(t, world, { url: '/api/v1/audit.xlsx' }, { ...ADMIN_ONLY, admin: 200 });
    await expectRoleMatrix(t, world, { method: 'POST', url: '/api/v1/audit/verify' }, { ...ADMIN_ONLY, admin: 200 });
  });
});
