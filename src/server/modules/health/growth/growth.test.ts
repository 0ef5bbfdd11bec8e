import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { handSd, rawRow } from '../../../../domain/growth/rawWho.testkit.ts';

const INDICATORS = ['weightForAge', 'lengthForAge', 'weightForLength', 'bmiForAge', 'headForAge'] as const;
const decimals = (x: number) => (String(x).split('.')[1] ?? '').length;

describe.each(DIALECTS)('growth calculator and curves on %s', (dialect) => {
  let t: TestApp;
  const zscores = (payload: object, lang = 'zh-CN') =>
    t.app.inject({ method: 'POST', url: '/api/v1/growth/zscores', payload, headers: { 'accept-language': lang } });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('answers the contract: ageDays and five indicators of { z, percentile, flag } plus a classification', async () => {
    const res = await zscores({ sex: 'female', ageDays: 400, weightKg: 9.1, lengthCm: 75.2, position: 'recumbent', headCm: 45 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['ageDays', ...INDICATORS].sort());
    expect(body.ageDays).toBe(400);
    for (const name of INDICATORS) {
      const r = body[name];
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['z', 'percentile', 'flag', 'classification']));
      expect(decimals(r.z)).toBeLessThanOrEqual(2);
      expect(decimals(r.percentile)).toBeLessThanOrEqual(1);
      expect(r.percentile).toBeGreaterThanOrEqual(0);
      expect(r.percentile).toBeLessThanOrEqual(100);
      expect(r.flag).toBe(false);
    }
    expect(body.weightForLength.table).toBe('weightForLength');
  });

  it('takes the age from birth and measurement dates, across a leap day', async () => {
    const byDates = await zscores({ sex: 'male', birthDate: '2024-02-28', measuredOn: '2025-03-01', weightKg: 10 });
    const byDays = await zscores({ sex: 'male', ageDays: 367, weightKg: 10 });
    expect(byDates.json()).toEqual({ ...byDays.json(), measuredOn: '2025-03-01' });
  });

  it('measures on today in Asia/Shanghai when measuredOn is left out', async () => {
    t.clock.set(new Date('2026-11-29T15:59:00Z')); // 23:59 in Shanghai
    expect((await zscores({ sex: 'male', birthDate: '2026-11-28' })).json()).toEqual({ ageDays: 1, measuredOn: '2026-11-29' });
    t.clock.set(new Date('2026-11-29T16:00:00Z')); // midnight in Shanghai, still the 29th in UTC
    expect((await zscores({ sex: 'male', birthDate: '2026-11-28' })).json()).toEqual({ ageDays: 2, measuredOn: '2026-11-30' });
    t.clock.set(new Date('2026-11-29T02:00:00Z'));
  });

  it('leaves out what cannot be computed instead of failing', async () => {
    expect((await zscores({ sex: 'male', ageDays: 100, weightKg: 6 })).json()).toEqual({
      ageDays: 100,
      weightForAge: expect.any(Object),
    });
    // 40 cm is below the weight-for-length table (45–110 cm); the age tables still answer
    const short = (await zscores({ sex: 'female', ageDays: 3, weightKg: 2.1, lengthCm: 40 })).json();
    expect(Object.keys(short).sort()).toEqual(['ageDays', 'bmiForAge', 'lengthForAge', 'weightForAge']);
    // from 60 months WHO computes nothing
    expect((await zscores({ sex: 'male', ageDays: 1827, weightKg: 18, lengthCm: 110, headCm: 50 })).json()).toEqual({ ageDays: 1827 });
    expect((await zscores({ sex: 'female', ageDays: 10 })).json()).toEqual({ ageDays: 10 });
  });

  it('uses the height table from 731 days and says so', async () => {
    const at = async (ageDays: number) =>
      (await zscores({ sex: 'male', ageDays, weightKg: 11, lengthCm: 85, position: 'standing' })).json().weightForLength;
    expect((await at(730)).table).toBe('weightForLength');
    expect((await at(731)).table).toBe('weightForHeight');
  });

  it('classifies and flags: a severely wasted child and an implausible weight', async () => {
    const wasted = (await zscores({ sex: 'male', ageDays: 365, weightKg: 6.5, lengthCm: 76, position: 'recumbent' })).json();
    expect(wasted.weightForLength).toMatchObject({ classification: 'severely_wasted', flag: false });
    expect(wasted.weightForAge.classification).toBe('severely_underweight');
    const heavy = (await zscores({ sex: 'female', ageDays: 1, weightKg: 10.37 })).json();
    expect(heavy.weightForAge).toMatchObject({ flag: true, classification: 'normal' });
  });

  it('reports a standing measurement before 9 months', async () => {
    const r = (await zscores({ sex: 'male', ageDays: 200, lengthCm: 66, position: 'standing' })).json();
    expect(r.standingUnder9Months).toBe(true);
  });

  it.each([
    ['a negative weight', { sex: 'male', ageDays: 30, weightKg: -1 }, 'body.weightKg', '测量值应为大于0的数字'],
    ['a zero length', { sex: 'male', ageDays: 30, lengthCm: 0 }, 'body.lengthCm', '测量值应为大于0的数字'],
    ['a weight as text', { sex: 'male', ageDays: 30, weightKg: '3.5' }, 'body.weightKg', '测量值应为大于0的数字'],
    ['an unknown sex', { sex: 'boy', ageDays: 30 }, 'body.sex', '性别应为 male（男）或 female（女）'],
    ['no sex', { ageDays: 30 }, 'body.sex', '性别应为 male（男）或 female（女）'],
    ['a negative age', { sex: 'male', ageDays: -1 }, 'body.ageDays', '日龄应为0或更大的数字'],
    [
      'both ages',
      { sex: 'male', ageDays: 30, birthDate: '2026-01-01' },
      'body',
      '请填写日龄（ageDays）或出生日期（birthDate）其中一项，不能两项都填或都不填',
    ],
    ['neither age', { sex: 'male', weightKg: 3 }, 'body', '请填写日龄（ageDays）或出生日期（birthDate）其中一项，不能两项都填或都不填'],
    [
      'measuredOn without birthDate',
      { sex: 'male', ageDays: 3, measuredOn: '2026-01-01' },
      'body.measuredOn',
      '测量日期需与出生日期一起填写',
    ],
    ['no such day', { sex: 'male', birthDate: '2025-02-29' }, 'body.birthDate', '日期格式应为 YYYY-MM-DD'],
    ['a slashed date', { sex: 'male', birthDate: '2025/01/01' }, 'body.birthDate', '日期格式应为 YYYY-MM-DD'],
    [
      'a measurement before birth',
      { sex: 'male', birthDate: '2026-01-02', measuredOn: '2026-01-01' },
      'body.measuredOn',
      '测量日期不能早于出生日期',
    ],
    ['a birth date after today', { sex: 'male', birthDate: '2099-01-01' }, 'body.birthDate', '日期不能晚于今天'],
  ])('refuses %s with 400 and the field', async (_what, payload, path, message) => {
    const res = await zscores(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: expect.arrayContaining([{ path, message }]) });
  });

  it('computes from two explicit dates whatever today is: the calculator may be fed any case', async () => {
    const res = await zscores({ sex: 'male', birthDate: '2099-01-01', measuredOn: '2099-02-01', weightKg: 4.5 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ageDays: 31, measuredOn: '2099-02-01', weightForAge: { z: expect.any(Number) } });
  });

  it('says what is wrong in English on request', async () => {
    const res = await zscores({ sex: 'male', birthDate: '2026-01-02', measuredOn: '2026-01-01' }, 'en');
    expect(res.json().error.details).toEqual([{ path: 'body.measuredOn', message: 'The measurement date is before the birth date' }]);
    const weight = await zscores({ sex: 'male', ageDays: 3, weightKg: -2 }, 'en');
    expect(weight.json().error.details).toEqual([{ path: 'body.weightKg', message: 'A measurement is a number greater than 0' }]);
  });

  describe('curves', () => {
    const curves = (query: string) => t.app.inject({ url: `/api/v1/growth/curves?${query}` });

    it('gives the −3 … +3 SD lines, cacheable, matching the WHO rows', async () => {
      const res = await curves('indicator=weightForAge&sex=male&to=1096');
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=604800, immutable');
      const body = res.json();
      expect(body).toMatchObject({ indicator: 'weightForAge', sex: 'male', xUnit: 'day', yUnit: 'kg' });
      expect(body.lines.map((l: { sd: number }) => l.sd)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
      const [median, plus3] = [body.lines[3].points, body.lines[6].points];
      expect(median).toHaveLength(157); // days 0, 7, … 1092
      expect(median[0]).toEqual([0, rawRow('weianthro', 'male', 0).m]);
      const row = rawRow('weianthro', 'male', 364);
      expect(plus3[52][0]).toBe(364);
      expect(plus3[52][1]).toBeCloseTo(handSd(row, 3), 4);
    });

    it('draws weight-for-length over cm, from 45 to 110 by default', async () => {
      const body = (await curves('indicator=weightForLength&sex=female&step=0.1')).json();
      expect(body).toMatchObject({ xUnit: 'cm', yUnit: 'kg' });
      const median = body.lines[3].points;
      expect(median).toHaveLength(651);
      expect(median[0]).toEqual([45, rawRow('wflanthro', 'female', 45).m]);
      expect(median.at(-1)).toEqual([110, rawRow('wflanthro', 'female', 110).m]);
      const wfh = (await curves('indicator=weightForHeight&sex=male')).json();
      expect(wfh.lines[0].points[0][0]).toBe(65);
      expect(wfh.lines[0].points.at(-1)[0]).toBe(120);
    });

    it.each([
      'indicator=weightForAge&sex=male&to=2000',
      'indicator=weightForAge&sex=male&step=1.5',
      'indicator=weightForAge&sex=male&from=100&to=50',
      'indicator=weightForLength&sex=male&from=40',
      'indicator=weightForHeight&sex=male&step=0.05',
      'indicator=weightForHeight&sex=male&to=abc',
    ])('refuses a range the table does not have: %s', async (query) => {
      const res = await curves(query);
      expect(res.statusCode).toBe(400);
      expect(res.headers['cache-control']).toBeUndefined();
    });

    it('refuses an unknown indicator or sex', async () => {
      expect((await curves('indicator=heightForWeight&sex=male')).statusCode).toBe(400);
      expect((await curves('indicator=weightForAge&sex=x')).statusCode).toBe(400);
    });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json();
    const post = doc.paths['/api/v1/growth/zscores'].post;
    expect(Object.keys(post.requestBody.content['application/json'].schema.properties)).toEqual([
      'sex',
      'ageDays',
      'birthDate',
      'measuredOn',
      'weightKg',
      'lengthCm',
      'position',
      'headCm',
    ]);
    expect(post.responses['200'].content['application/json'].schema.properties.weightForAge).toBeDefined();
    expect(doc.paths['/api/v1/growth/curves'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['indicator', 'sex', 'from', 'to', 'step']),
    );
  });
});
