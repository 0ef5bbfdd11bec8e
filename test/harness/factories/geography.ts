import type { Kysely } from 'kysely';
import type { DB } from '../../../src/server/db/schema.ts';
import { insertDivisions, upsertPopulation } from '../../../src/server/modules/geography/index.ts';

/** A test city whose code no real division uses, so tests never meet the bundled tree. */
export const TEST_CITY = '329900';
let districts = 0;

/**
 * A fresh district with two townships (in the test city unless another city code is given), so each test owns its own corner of the map and never
 * depends on the demo or on another test.
 */
export async function createDistrict(db: Kysely<DB>, name = '测试区', cityCode = TEST_CITY) {
  districts += 1;
  if (districts > 99) throw new Error('createDistrict: out of test district codes');
  const districtCode = `${cityCode.slice(0, 4)}${String(districts).padStart(2, '0')}`;
  const hasCity = await db.selectFrom('divisions').select('code').where('code', '=', cityCode).executeTakeFirst();
  const townshipCodes = [`${districtCode}001`, `${districtCode}002`];
  await insertDivisions(db, [
    ...(hasCity ? [] : [{ code: cityCode, name: '测试市', parentCode: null, level: 'city' as const }]),
    { code: districtCode, name, parentCode: cityCode, level: 'district' },
    ...townshipCodes.map((code, i) => ({ code, name: `${name}第${i + 1}街道`, parentCode: districtCode, level: 'township' as const })),
  ]);
  return { cityCode, districtCode, townshipCodes };
}

/** A fresh district whose two townships have these 2026 figures (people, under-3s), in that order. */
export async function createPopulatedDistrict(db: Kysely<DB>, figures: readonly [number, number][]) {
  const district = await createDistrict(db);
  await upsertPopulation(
    db,
    figures.map(([total, under3], i) => ({
      code: district.townshipCodes[i] as string,
      year: 2026,
      total,
      under3,
      source: 'test',
      isDemo: false,
    })),
    new Date(),
  );
  return district;
}

/**
 * A synthetic district outline: a closed square `halfSide` degrees either side of a point, as a
 * GeoJSON Feature. Tests never use real boundaries (they need a map approval number to publish).
 */
export function squareOutline(code: string, at: { lat: number; lng: number }, halfSide = 0.05) {
  const [w, e, s, n] = [at.lng - halfSide, at.lng + halfSide, at.lat - halfSide, at.lat + halfSide];
  const ring = [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
  return { type: 'Feature', properties: { code }, geometry: { type: 'Polygon', coordinates: [ring] } };
}
