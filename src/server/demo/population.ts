import { apportion, createPrng } from '../../domain/random/prng.ts';
import type { DivisionSeedRow, PopulationRow } from '../modules/geography/index.ts';

/**
 * Demo population, marked as such. City total: 4,600,500 residents at the end of 2022; about
 * 112,000 children under 3. District weights: 2020 census (赣榆区 1,003,844; 连云区 292,762;
 * 灌云县 725,047; 灌南县 612,345; 海州区 ≈ 918,000); 东海县 and the development zone share the
 * rest. Townships get a seeded share by kind (subdistricts larger than towns, farms and zones
 * small), so district sums and the city total are exact.
 */
const CITY_TOTAL = 4_600_500;
const CITY_UNDER3 = 112_000;
const DISTRICT_WEIGHTS: Record<string, number> = {
  '320703': 292_762,
  '320706': 918_000,
  '320707': 1_003_844,
  '320722': 969_000,
  '320723': 725_047,
  '320724': 612_345,
  '320771': 79_502,
};

function townshipWeight(row: DivisionSeedRow, rnd: () => number): number {
  if (row.code.slice(6, 7) === '4') return 0.1 + 0.3 * rnd(); // farms, forest stations, zones
  if (row.name.endsWith('街道')) return 1.5 + 1.5 * rnd();
  if (row.name.endsWith('乡')) return 0.5 + 0.4 * rnd();
  return 0.9 + 0.9 * rnd();
}

export function demoPopulation(divisions: DivisionSeedRow[], year: number, seed = 2025): PopulationRow[] {
  const prng = createPrng(seed + year);
  const city = divisions.find((d) => d.level === 'city');
  if (!city) return [];
  const districts = divisions.filter((d) => d.level === 'district');
  // Births fall each year, so the under-3 count shrinks a little year on year.
  const cityUnder3 = Math.round(CITY_UNDER3 * (1 - 0.04 * (year - 2025)));
  const districtTotals = apportion(
    CITY_TOTAL,
    districts.map((d) => DISTRICT_WEIGHTS[d.code] ?? 100_000),
  );
  const districtUnder3 = apportion(
    cityUnder3,
    districts.map((d, i) => (districtTotals[i] as number) * prng.between(0.9, 1.1) * (d.code === '320706' ? 0.95 : 1)),
  );
  const rows: PopulationRow[] = [{ code: city.code, year, total: CITY_TOTAL, under3: cityUnder3, source: 'demo', isDemo: true }];
  districts.forEach((district, i) => {
    const total = districtTotals[i] as number;
    const under3 = districtUnder3[i] as number;
    rows.push({ code: district.code, year, total, under3, source: 'demo', isDemo: true });
    const townships = divisions.filter((d) => d.parentCode === district.code);
    const weights = townships.map((t) => townshipWeight(t, prng.next));
    const totals = apportion(total, weights);
    const under3s = apportion(
      under3,
      weights.map((w) => w * prng.between(0.85, 1.15)),
    );
    townships.forEach((t, j) => {
      rows.push({
        code: t.code,
        year,
        total: totals[j] as number,
        under3: Math.min(under3s[j] as number, totals[j] as number),
        source: 'demo',
        isDemo: true,
      });
    });
  });
  return rows;
}
