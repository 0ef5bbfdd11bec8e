import { describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { remindDueHealthChecks } from './reminders.ts';

async function addChild(t: TestApp, cookie: string, township: string, name: string, birthDate: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/children',
    headers: { cookie },
    payload: { name, sex: 'female', birthDate, residenceDivisionCode: township, relation: 'mother', consent: true },
  });
  expect(res.statusCode, res.body).toBe(201);
}

async function checkNews(t: TestApp, cookie: string, language = 'zh-CN') {
  const res = await t.app.inject({ url: '/api/v1/notifications', headers: { cookie, 'accept-language': language } });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { kind: string; body: string }[]).filter((n) => n.kind === 'health.check_due').map((n) => n.body);
}

describe.each(DIALECTS)('health check reminders on %s', (dialect) => {
  it('tell the guardians of a check due within the week once, however often the job runs, and never of a past one', async () => {
    // The test clock starts on 2026-11-29 in Shanghai.
    const t = await buildTestApp(dialect);
    try {
      const {
        townshipCodes: [township = ''],
      } = await createDistrict(t.deps.db, '提醒区');
      const mother = await createUser(t.deps.db, { role: 'parent' });
      const cookie = await signIn(t.app, mother.phone);
      await addChild(t, cookie, township, '王小雨', '2026-05-30'); // 6-month check on 2026-11-30
      await addChild(t, cookie, township, '王小雪', '2026-05-20'); // 6-month check was on 2026-11-20, the 8-month is in January
      const father = await createUser(t.deps.db, { role: 'parent' });
      const fatherCookie = await signIn(t.app, father.phone);
      await addChild(t, fatherCookie, township, '李小川', '2025-12-06'); // 12-month check on 2026-12-06, the 7th day

      const runs = await Promise.all([remindDueHealthChecks(t.deps), remindDueHealthChecks(t.deps)]);
      expect(runs.reduce((a, b) => a + b, 0)).toBe(2);
      expect(await remindDueHealthChecks(t.deps)).toBe(0);
      expect(await checkNews(t, cookie)).toEqual(['小雨的6月龄健康检查应在2026-11-30前后进行，请预约社区卫生服务中心。']);
      expect(await checkNews(t, fatherCookie, 'en')).toEqual([
        "小川's 12-month health check is due around 2026-12-06; book it at the community health centre.",
      ]);

      // Days later the 6-month check is past: no new reminder, and the old one is not repeated.
      t.clock.advanceMinutes(3 * 24 * 60);
      expect(await remindDueHealthChecks(t.deps)).toBe(0);
      expect(await checkNews(t, await signIn(t.app, mother.phone))).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
