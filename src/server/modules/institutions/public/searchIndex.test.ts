import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../../domain/random/prng.ts';
import { SearchQuery } from './schemas.ts';
import { type SearchEntry, SearchIndex, search } from './searchIndex.ts';
import { keywordsOf } from './searchLoad.ts';
import { EARTH_RADIUS_M, earthPoint } from './sphere.ts';

const TODAY = '2026-11-29';

function entry(id: number, lat: number, lng: number, over: Partial<SearchEntry> = {}): SearchEntry {
  return {
    id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    name: `托育园${id}`,
    address: `测试路${id}号`,
    pinyin: `tuo yu yuan ${id}`,
    keywords: keywordsOf(`托育园${id} tuoyuyuan${id} tyy`),
    lat,
    lng,
    point: earthPoint(lat, lng),
    divisionCode: '320706001',
    serviceForms: ['full_day'],
    feesFen: { toddler: 200_000 },
    vacancies: { toddler: 3 },
    designations: [],
    ...over,
  };
}

/** Haversine on earthdistance's sphere: the reference the index must agree with. */
function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

const query = (q: Record<string, string>) => SearchQuery.parse({ pageSize: '100', ...q });

describe('search index', () => {
  // 10,000 institutions over Lianyungang's extent (about 2° × 2°).
  const prng = createPrng(7);
  const city = Array.from({ length: 10_000 }, (_, i) => entry(i, 33.9 + 2 * prng.next(), 118.4 + 2 * prng.next()));
  const index = new SearchIndex(city);

  it('reads the cells around the point, not every institution, and finds exactly those within the circle', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 33.8, max: 36, noNaN: true }),
        fc.double({ min: 118.3, max: 120.5, noNaN: true }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        (lat, lng, radiusKm) => {
          const candidates = index.near(lat, lng, radiusKm * 1000).flatMap((cell) => [...cell]);
          const inside = city.filter((e) => distanceM({ lat, lng }, e) <= radiusKm * 1000 - 1e-3).map((e) => e.id);
          const found = new Set(candidates.map((e) => e.id));
          for (const id of inside) expect(found.has(id)).toBe(true);
          if (radiusKm <= 10) expect(candidates.length).toBeLessThan(city.length / 20);
          const result = search(index, query({ lat: String(lat), lng: String(lng), radiusKm: String(radiusKm), pageSize: '100' }), TODAY);
          expect(result.total).toBeGreaterThanOrEqual(inside.length);
          const outside = city.filter((e) => distanceM({ lat, lng }, e) > radiusKm * 1000 + 1e-3).map((e) => e.id);
          expect(result.total).toBeLessThanOrEqual(city.length - outside.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('sorts by distance, then id, and reports great-circle kilometres to 10 m', () => {
    const home = { lat: 34.6, lng: 119.2 };
    const result = search(index, query({ lat: '34.6', lng: '119.2', radiusKm: '3' }), TODAY);
    const distances = result.items.map((i) => i.distanceKm as number);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const item of result.items) expect(item.distanceKm).toBeCloseTo(distanceM(home, item.location) / 1000, 2);
  });

  it('pages through many hits exactly as a full sort would, nearest first and then by id', () => {
    const home = { lat: 34.6, lng: 119.2 };
    // Twins at the same point: their order is by id.
    const twins = new SearchIndex([...city, entry(20_001, 34.61, 119.21), entry(20_000, 34.61, 119.21)]);
    const all = [...city, entry(20_001, 34.61, 119.21), entry(20_000, 34.61, 119.21)]
      .map((e) => ({ id: e.id, d: distanceM(home, e) }))
      .filter((h) => h.d <= 25_000)
      .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
    expect(all.length).toBeGreaterThan(200);
    for (const page of [1, 2, 5]) {
      const got = search(twins, query({ lat: '34.6', lng: '119.2', radiusKm: '25', pageSize: '20', page: String(page) }), TODAY);
      expect(got.total).toBe(all.length);
      expect(got.items.map((i) => i.id)).toEqual(all.slice((page - 1) * 20, page * 20).map((h) => h.id));
    }
  });

  it('falls back to every entry where the box would wrap: near a pole and across ±180°', () => {
    const edges = new SearchIndex([entry(1, 89.99, 0), entry(2, 89.99, 180), entry(3, 10, 179.99), entry(4, 10, -179.99)]);
    expect(search(edges, query({ lat: '89.995', lng: '90', radiusKm: '5' }), TODAY).total).toBe(2);
    expect(search(edges, query({ lat: '10', lng: '180', radiusKm: '5' }), TODAY).total).toBe(2);
  });

  it('finds by division through township buckets, sorted by pinyin', () => {
    const local = new SearchIndex([
      entry(1, 34.6, 119.2, { divisionCode: '320706001', pinyin: 'b' }),
      entry(2, 34.6, 119.2, { divisionCode: '320706002', pinyin: 'a' }),
      entry(3, 34.6, 119.2, { divisionCode: '320707001', pinyin: 'c' }),
    ]);
    expect(search(local, query({ division: '320706' }), TODAY).items.map((i) => i.name)).toEqual(['托育园2', '托育园1']);
    expect(search(local, query({ division: '320706002' }), TODAY).total).toBe(1);
    expect(search(local, query({ division: '320700' }), TODAY).total).toBe(3);
  });

  it('puts entries with a place free first, and moves one whose last place is taken or freed', () => {
    const local = new SearchIndex([
      entry(1, 34.6, 119.2, { pinyin: 'a', vacancies: { toddler: 0 } }),
      entry(2, 34.6, 119.2, { pinyin: 'b', vacancies: { toddler: 0, infant: 2 } }),
      entry(3, 34.6, 119.2, { pinyin: 'c' }),
    ]);
    const city = () => search(local, query({}), TODAY).items.map((i) => i.name);
    expect(city()).toEqual(['托育园2', '托育园3', '托育园1']);
    expect(search(local, query({ division: '320706' }), TODAY).items.map((i) => i.name)).toEqual(['托育园2', '托育园3', '托育园1']);
    const freed = entry(1, 34.6, 119.2, { pinyin: 'a', vacancies: { toddler: 1 } });
    local.replace([freed.id], [freed]);
    expect(city()).toEqual(['托育园1', '托育园2', '托育园3']);
    const taken = entry(2, 34.6, 119.2, { pinyin: 'b', vacancies: { toddler: 0, infant: 0 } });
    local.replace([taken.id], [taken]);
    expect(search(local, query({ q: 'tuoyuyuan' }), TODAY).items.map((i) => i.name)).toEqual(['托育园1', '托育园3', '托育园2']);
    expect(search(local, query({ q: 'tuoyuyuan2' }), TODAY).items.map((i) => i.name)).toEqual(['托育园2']);
    expect(search(local, query({}), TODAY).order).toBe('vacancy_then_name');
  });

  it('replaces, moves and removes entries', () => {
    const local = new SearchIndex([entry(1, 34.6, 119.2), entry(2, 34.6, 119.2)]);
    const moved = entry(1, 35.5, 119.9, { divisionCode: '320707001' });
    local.replace([moved.id, entry(2, 0, 0).id], [moved]);
    expect(local.size).toBe(1);
    expect(search(local, query({ lat: '34.6', lng: '119.2' }), TODAY).total).toBe(0);
    expect(search(local, query({ lat: '35.5', lng: '119.9' }), TODAY).total).toBe(1);
    expect(search(local, query({ division: '320706' }), TODAY).total).toBe(0);
    expect(search(local, query({ division: '320707' }), TODAY).total).toBe(1);
  });

  it('shows the designations in force on the day, inclusive first', () => {
    const designated = entry(1, 34.6, 119.2, {
      designations: [
        { kind: 'pilot', level: 'provincial', validFrom: '2025-01-01', validTo: null, revokedOn: null },
        { kind: 'pilot', level: 'city', validFrom: '2024-01-01', validTo: null, revokedOn: null },
        { kind: 'inclusive', level: null, validFrom: '2025-01-01', validTo: '2026-12-31', revokedOn: null },
        { kind: 'demonstration', level: 'city', validFrom: '2025-01-01', validTo: null, revokedOn: '2026-11-29' },
      ],
    });
    const local = new SearchIndex([designated]);
    expect(search(local, query({}), TODAY).items[0]?.designations).toEqual([
      { kind: 'inclusive', level: null },
      { kind: 'pilot', level: 'city' },
      { kind: 'pilot', level: 'provincial' },
    ]);
    expect(search(local, query({ inclusive: 'true' }), '2027-01-01').total).toBe(0);
    expect(search(local, query({}), '2026-11-28').items[0]?.designations.map((d) => d.kind)).toContain('demonstration');
  });

  it('matches a keyword in the name, or in Latin letters in the pinyin, the initials and the Latin letters of the name', () => {
    const local = new SearchIndex([
      entry(1, 34.6, 119.2, { keywords: keywordsOf('abc 宝贝托育 abcbaobeituoyu abcbbty') }),
      entry(2, 34.6, 119.2, { keywords: keywordsOf('连云港托育 lianyungangtuoyu lygty') }),
    ]);
    const found = (q: string) => search(local, query({ q }), TODAY).items.map((i) => i.name);
    expect(found('LYG')).toEqual(['托育园2']);
    expect(found('lian yun')).toEqual(['托育园2']);
    expect(found('宝贝')).toEqual(['托育园1']);
    expect(found('abc 宝贝')).toEqual(['托育园1']);
    expect(found('tuoyu')).toEqual(['托育园1', '托育园2']);
    expect(found('托育 lyg')).toEqual([]);
    expect(keywordsOf('baby home 托育 babyhometuoyu bhty')).toEqual({ name: 'baby home 托育', latin: 'babyhometuoyu bhty babyhome' });
  });

  it('matches the fee range and vacancy on a class type the child fits', () => {
    const local = new SearchIndex([
      entry(1, 34.6, 119.2, { vacancies: { toddler: 0, infant: 2 }, feesFen: { toddler: 150_000, infant: 300_000 } }),
      entry(2, 34.6, 119.2, { vacancies: { toddler: 1 }, feesFen: { toddler: 250_000 } }),
    ]);
    // 18 months old on 2026-11-29: toddler class.
    const toddler = { birthDate: '2025-05-29' };
    expect(search(local, query({ ...toddler, vacancy: 'true' }), TODAY).items.map((i) => i.name)).toEqual(['托育园2']);
    expect(search(local, query({ ...toddler, feeTo: '2000' }), TODAY).items.map((i) => i.name)).toEqual(['托育园1']);
    expect(search(local, query({ vacancy: 'true', feeFrom: '2800' }), TODAY).items.map((i) => i.name)).toEqual(['托育园1']);
    expect(search(local, query({ q: 'TYY', pageSize: '1', page: '2' }), TODAY)).toMatchObject({ total: 2, items: [{ name: '托育园2' }] });
  });
});
