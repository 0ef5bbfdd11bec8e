import type { Lms } from './lms.ts';

export type Sex = 'male' | 'female';

/** The six WHO tables; the names double as indicator names in results. */
export type TableName = 'weightForAge' | 'lengthForAge' | 'weightForLength' | 'weightForHeight' | 'bmiForAge' | 'headForAge';

export type KeyColumn = 'age' | 'length' | 'height';

/** One CSV row; `key` is whole days for `age`, centimetres for `length`/`height`. */
export interface LmsRow extends Lms {
  readonly sex: Sex;
  readonly key: number;
}

/**
 * Rows of one table in dense arrays, so a lookup is an index operation.
 * Keys are integers: whole days, or tenths of a centimetre for the length and
 * height tables (floats such as 80.2 cannot be used as exact array keys).
 */
export interface LmsTable {
  readonly keyUnit: 'day' | 'tenthCm';
  readonly firstKey: number;
  readonly lastKey: number;
  readonly male: readonly Lms[];
  readonly female: readonly Lms[];
}

export type GrowthTables = Readonly<Record<TableName, LmsTable>>;

export const TABLE_SOURCES: Readonly<Record<TableName, { file: string; key: KeyColumn }>> = {
  weightForAge: { file: 'weianthro.csv', key: 'age' },
  lengthForAge: { file: 'lenanthro.csv', key: 'age' },
  weightForLength: { file: 'wflanthro.csv', key: 'length' },
  weightForHeight: { file: 'wfhanthro.csv', key: 'height' },
  bmiForAge: { file: 'bmianthro.csv', key: 'age' },
  headForAge: { file: 'hcanthro.csv', key: 'age' },
};

export const TABLE_NAMES = Object.keys(TABLE_SOURCES) as readonly TableName[];

function finite(text: string | undefined, what: string, line: number): number {
  const v = text === undefined || text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(v)) throw new Error(`WHO table line ${line}: ${what} is not a number`);
  return v;
}

/**
 * Parses one WHO LMS table (`sex,<key>,l,m,s[,code]`, sex 1 = male, 2 = female).
 * Throws on anything malformed: a silently wrong reference table would give
 * plausible-looking but wrong z-scores.
 */
export function parseLmsCsv(text: string, expectedKey?: KeyColumn): LmsRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').trim().toLowerCase().split(',');
  const key = header[1];
  if (
    header[0] !== 'sex' ||
    (key !== 'age' && key !== 'length' && key !== 'height') ||
    header[2] !== 'l' ||
    header[3] !== 'm' ||
    header[4] !== 's'
  ) {
    throw new Error(`WHO table: unexpected header "${lines[0] ?? ''}"`);
  }
  if (expectedKey !== undefined && key !== expectedKey) {
    throw new Error(`WHO table: key column is "${key}", expected "${expectedKey}"`);
  }
  const rows: LmsRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    const f = line.split(',');
    const sexCode = f[0]?.trim();
    if (sexCode !== '1' && sexCode !== '2') throw new Error(`WHO table line ${i + 1}: bad sex`);
    const m = finite(f[3], 'm', i + 1);
    const s = finite(f[4], 's', i + 1);
    if (m <= 0 || s <= 0) throw new Error(`WHO table line ${i + 1}: m and s must be positive`);
    rows.push({
      sex: sexCode === '1' ? 'male' : 'female',
      key: finite(f[1], key, i + 1),
      l: finite(f[2], 'l', i + 1),
      m,
      s,
    });
  }
  return rows;
}

/** Indexes rows densely; both sexes must cover the same gap-free key range. */
export function buildLmsTable(rows: readonly LmsRow[], keyUnit: LmsTable['keyUnit']): LmsTable {
  const toKey = (row: LmsRow): number => {
    const scaled = keyUnit === 'day' ? row.key : row.key * 10;
    const k = Math.round(scaled);
    if (Math.abs(scaled - k) > 1e-6) {
      throw new Error(`WHO table: key ${row.key} is not on the ${keyUnit} grid`);
    }
    return k;
  };
  const bySex: Record<Sex, Map<number, Lms>> = { male: new Map(), female: new Map() };
  for (const row of rows) {
    const k = toKey(row);
    if (bySex[row.sex].has(k)) throw new Error(`WHO table: duplicate key ${row.key} (${row.sex})`);
    bySex[row.sex].set(k, { l: row.l, m: row.m, s: row.s });
  }
  const keys = [...bySex.male.keys()];
  if (keys.length === 0) throw new Error('WHO table: no rows');
  const firstKey = Math.min(...keys);
  const lastKey = Math.max(...keys);
  const dense = (sex: Sex): Lms[] => {
    const map = bySex[sex];
    if (map.size !== lastKey - firstKey + 1) throw new Error(`WHO table: gaps or uneven ranges (${sex})`);
    const out: Lms[] = [];
    for (let k = firstKey; k <= lastKey; k++) {
      const lms = map.get(k);
      if (lms === undefined) throw new Error(`WHO table: key ${k} missing (${sex})`);
      out.push(lms);
    }
    return out;
  };
  return { keyUnit, firstKey, lastKey, male: dense('male'), female: dense('female') };
}

/** Builds all six tables from their CSV texts (however the caller obtained them). */
export function buildGrowthTables(csv: Readonly<Record<TableName, string>>): GrowthTables {
  const out = {} as Record<TableName, LmsTable>;
  for (const name of TABLE_NAMES) {
    const { key } = TABLE_SOURCES[name];
    out[name] = buildLmsTable(parseLmsCsv(csv[name], key), key === 'age' ? 'day' : 'tenthCm');
  }
  return out;
}

/** Row at an integer key (whole day or tenth of a cm); undefined outside the table. */
export function lmsAt(table: LmsTable, sex: Sex, key: number): Lms | undefined {
  if (!Number.isInteger(key) || key < table.firstKey || key > table.lastKey) return undefined;
  return table[sex][key - table.firstKey];
}

/**
 * L, M, S at any length/height in cm, interpolated linearly between the 0.1 cm
 * rows exactly as `anthro` does (`trunc(x*10)/10`, `(x − low)/0.1`), so the
 * same doubles come out as in the WHO R code.
 */
export function lmsAtLength(table: LmsTable, sex: Sex, cm: number): Lms | undefined {
  if (table.keyUnit !== 'tenthCm' || !Number.isFinite(cm)) return undefined;
  const lowTenths = Math.trunc(cm * 10);
  const uppTenths = Math.trunc(cm * 10 + 1);
  const f = (cm - lowTenths / 10) / 0.1;
  const low = lmsAt(table, sex, lowTenths);
  if (low === undefined) return undefined;
  if (!(f > 0)) return low;
  const upp = lmsAt(table, sex, uppTenths);
  if (upp === undefined) return undefined;
  return {
    l: low.l + f * (upp.l - low.l),
    m: low.m + f * (upp.m - low.m),
    s: low.s + f * (upp.s - low.s),
  };
}
