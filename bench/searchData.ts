// Benchmark data: 10,000 filed institutions spread over Lianyungang's townships with the demo
// generator, 5% of them inclusive; and a varied set of search requests over the same map.
import { type Kysely, sql } from 'kysely';
import { addMonthsIso, type IsoDate } from '../src/domain/dates/shanghai.ts';
import { formatReceiptNumber } from '../src/domain/institutions/receiptNumber.ts';
import { createPrng } from '../src/domain/random/prng.ts';
import type { DB } from '../src/server/db/schema.ts';
import { readBundledDivisions } from '../src/server/modules/geography/index.ts';
import { type DemoTownship, generateInstitutions } from '../src/server/modules/institutions/demo/generate.ts';
import { nearTownship, townshipCentre } from '../src/server/modules/institutions/demo/places.ts';
import { insertClassesAndStaff, insertInstitutions } from '../src/server/modules/institutions/demo/queries.ts';
import { publishFiledVersions } from '../src/server/modules/institutions/filing/queries.ts';

export const INSTITUTIONS = 10_000;

function townships(): DemoTownship[] {
  const divisions = readBundledDivisions();
  const names = new Map(divisions.map((d) => [d.code, d.name]));
  return divisions
    .filter((d) => d.level === 'township')
    .map((d) => ({ code: d.code, name: d.name, districtName: names.get(d.code.slice(0, 6)) ?? '' }));
}

export async function seedSearchData(db: Kysely<DB>, today: IsoDate, now: Date) {
  const prng = createPrng(10_000);
  const list = generateInstitutions(prng, townships(), INSTITUTIONS, today);
  await db.transaction().execute(async (trx) => {
    const rows = await insertInstitutions(trx, prng, list, () => now);
    await insertClassesAndStaff(trx, prng, rows, { staff: false });
    await trx.updateTable('institutions').set({ status: 'filed' }).execute();
    await publishFiledVersions(
      trx,
      rows.map((r, i) => ({
        institutionId: r.id,
        filingNumber: formatReceiptNumber(r.demo.divisionCode.slice(0, 6), 2026, i + 1),
        filedAt: now,
      })),
      now,
    );
    const inclusive = rows.filter((_, i) => i % 20 === 0);
    for (let k = 0; k < inclusive.length; k += 500) {
      await trx
        .insertInto('institution_designations')
        .values(
          inclusive.slice(k, k + 500).map((r) => ({
            institution_id: r.id,
            kind: 'inclusive',
            granted_on: '2025-01-01',
            document: '连卫人口〔2025〕1号',
            valid_from: '2025-01-01',
            valid_to: '2027-12-31',
            cap_toddler_fen: 190_000,
          })),
        )
        .execute();
    }
  });
  await sql`analyze`.execute(db);
}

/** Search requests families make: mostly near a point, some by age, vacancy, inclusive, division or keyword. */
export function searchPaths(today: IsoDate, count = 500): string[] {
  const prng = createPrng(2026);
  const all = townships();
  const districts = [...new Set(all.map((t) => t.code.slice(0, 6)))];
  const keywords = ['lyg', 'hz', 'xp', '阳光', '小太阳', 'tyy', 'beibei', '托育中心'];
  return Array.from({ length: count }, () => {
    const kind = prng.next();
    const t = prng.pick(all);
    const point = nearTownship(townshipCentre(t.code, t.name), true, prng.next);
    const near = `lat=${point.lat}&lng=${point.lng}&radiusKm=${prng.pick([2, 3, 5, 5, 10])}`;
    if (kind < 0.55) return `/api/v1/institutions/search?${near}`;
    if (kind < 0.7) return `/api/v1/institutions/search?${near}&birthDate=${addMonthsIso(today, -prng.int(7, 34))}&vacancy=true`;
    if (kind < 0.8) return `/api/v1/institutions/search?${near}&inclusive=true`;
    if (kind < 0.9)
      return `/api/v1/institutions/search?division=${prng.next() < 0.5 ? prng.pick(districts) : t.code}&page=${prng.int(1, 3)}`;
    return `/api/v1/institutions/search?q=${encodeURIComponent(prng.pick(keywords))}`;
  });
}
