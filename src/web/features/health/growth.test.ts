import { describe, expect, it } from 'vitest';
import {
  buildGrowthTables,
  computeGrowthIndicators,
  type Position,
  TABLE_NAMES,
  TABLE_SOURCES,
  type TableName,
} from '../../../domain/growth/index.ts';
import en from '../../i18n/en.json';
import zhCN from '../../i18n/zh-CN.json';
import { chartPoint, fieldOfPath, notComputedReason, tableLength } from './growth';

// The WHO tables read as text through Vite, the way a browser build would embed them.
const csvFiles = import.meta.glob<string>('../../../domain/growth/who/*.csv', { query: '?raw', import: 'default', eager: true });
const tables = buildGrowthTables(
  Object.fromEntries(
    TABLE_NAMES.map((name) => {
      const text = Object.entries(csvFiles).find(([path]) => path.endsWith(`/${TABLE_SOURCES[name].file}`))?.[1];
      if (text === undefined) throw new Error(`missing ${TABLE_SOURCES[name].file}`);
      return [name, text];
    }),
  ) as Record<TableName, string>,
);

describe('tableLength', () => {
  it('adds 0.7 cm to a standing height under 2 years and takes it from a lying length from 2 years', () => {
    expect(tableLength(400, 75, 'standing')).toBeCloseTo(75.7, 10);
    expect(tableLength(400, 75, 'recumbent')).toBe(75);
    expect(tableLength(800, 85, 'recumbent')).toBeCloseTo(84.3, 10);
    expect(tableLength(800, 85, 'standing')).toBe(85);
    expect(tableLength(800, 85, undefined)).toBe(85);
  });

  it('leaves a standing measurement before 9 months alone (position unknown)', () => {
    expect(tableLength(200, 65, 'standing')).toBe(65);
    // 9 months is 273.9 days: day 274 is the first that counts as standing.
    expect(tableLength(274, 70, 'standing')).toBeCloseTo(70.7, 10);
  });

  it('puts the chart point exactly where the WHO z-score was read', () => {
    const cases: Array<[number, number, Position]> = [
      [150, 62, 'standing'],
      [300, 72, 'standing'],
      [700, 84, 'standing'],
      [731, 86, 'recumbent'],
      [1200, 95, 'recumbent'],
      [1500, 104, 'standing'],
    ];
    for (const [ageDays, lengthCm, position] of cases) {
      for (const sex of ['male', 'female'] as const) {
        const asMeasured = computeGrowthIndicators({ sex, ageDays, lengthCm, position, weightKg: 12 }, tables);
        // Given as the table length with no position, nothing is adjusted again.
        const asDrawn = computeGrowthIndicators({ sex, ageDays, lengthCm: tableLength(ageDays, lengthCm, position), weightKg: 12 }, tables);
        expect(asDrawn.lengthForAge, `${sex} ${ageDays} ${lengthCm} ${position}`).toEqual(asMeasured.lengthForAge);
        expect(asDrawn.bmiForAge).toEqual(asMeasured.bmiForAge);
      }
    }
  });
});

describe('chartPoint', () => {
  const m = { sex: 'female' as const, weightKg: 17, lengthCm: 105, position: 'recumbent' as const, headCm: 50 };

  it('draws age indicators against days and weight-for-length against the table length', () => {
    expect(chartPoint('weightForAge', m, 1522)).toEqual({ x: 1522, y: 17 });
    expect(chartPoint('lengthForAge', m, 1522)?.y).toBeCloseTo(104.3, 10);
    expect(chartPoint('weightForLength', m, 1522)?.x).toBeCloseTo(104.3, 10);
    expect(chartPoint('bmiForAge', m, 1522)?.y).toBeCloseTo(17 / 1.043 ** 2, 10);
    expect(chartPoint('headForAge', m, 1522)).toEqual({ x: 1522, y: 50 });
  });

  it('has no point without the measurement', () => {
    expect(chartPoint('headForAge', { sex: 'male' }, 100)).toBeUndefined();
    expect(chartPoint('bmiForAge', { sex: 'male', weightKg: 6 }, 100)).toBeUndefined();
  });
});

describe('notComputedReason', () => {
  it('names the missing measurement', () => {
    expect(notComputedReason('headForAge', { sex: 'male', weightKg: 6 }, 100)).toEqual({ key: 'noHead' });
    expect(notComputedReason('weightForLength', { sex: 'male', weightKg: 6 }, 100)).toEqual({ key: 'noWeightOrLength' });
  });

  it('names the WHO table range a length falls outside', () => {
    // From 731 days the height table applies: 65–120 cm. 62 cm standing is outside it.
    expect(notComputedReason('weightForLength', { sex: 'male', weightKg: 8, lengthCm: 62, position: 'standing' }, 800)).toEqual({
      key: 'lengthOutOfRange',
      min: 65,
      max: 120,
    });
  });

  it('says the age is beyond 5 years for age-based indicators', () => {
    expect(notComputedReason('weightForAge', { sex: 'male', weightKg: 20 }, 1827)).toEqual({ key: 'ageOutOfRange' });
  });

  it('agrees with the domain on which indicators exist', () => {
    const m = { sex: 'female' as const, weightKg: 8, lengthCm: 62, position: 'standing' as const };
    const r = computeGrowthIndicators({ ...m, ageDays: 800 }, tables);
    expect(r.weightForLength).toBeUndefined();
    expect(r.lengthForAge).toBeDefined();
  });
});

describe('fieldOfPath', () => {
  it('maps body and querystring paths to form fields', () => {
    expect(fieldOfPath('body.weightKg', ['weightKg'])).toBe('weightKg');
    expect(fieldOfPath('querystring.birthDate', ['birthDate'])).toBe('birthDate');
    expect(fieldOfPath('body.ticked.0', ['ticked'])).toBe('ticked');
    expect(fieldOfPath('body', ['weightKg'])).toBeUndefined();
    expect(fieldOfPath('body.birthDate', ['ageDays'])).toBeUndefined();
  });
});

describe('messages for keys built at run time', () => {
  // The i18n test finds only literal t('…') keys; these are composed from API values.
  const keys = [
    ...[
      'normal',
      'severely_underweight',
      'underweight',
      'severely_stunted',
      'stunted',
      'severely_wasted',
      'wasted',
      'overweight',
      'obese',
      'microcephaly_risk',
      'macrocephaly_risk',
    ].flatMap((label) => (label === 'normal' ? [`growth.class.${label}`] : [`growth.class.${label}`, `growth.classHint.${label}`])),
    ...['weightForAge', 'lengthForAge', 'weightForLength', 'weightForHeight', 'bmiForAge', 'headForAge'].flatMap((i) => [
      `growth.indicator.${i}`,
      `growthChart.y.${i}`,
    ]),
    ...['ageOutOfRange', 'noWeight', 'noLength', 'noWeightOrLength', 'noHead', 'lengthOutOfRange', 'unknown'].map(
      (r) => `growth.reason.${r}`,
    ),
    ...['done', 'due', 'overdue', 'missed', 'upcoming'].map((s) => `checks.status.${s}`),
    'growth.male',
    'growth.female',
  ];
  const lookup = (tree: unknown, key: string) =>
    key
      .split('.')
      .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);

  it.each([
    ['zh-CN', zhCN],
    ['en', en],
  ])('%s has them all', (_, tree) => {
    expect(keys.filter((key) => typeof lookup(tree, key) !== 'string')).toEqual([]);
  });
});
