// The public search over an in-memory index of filed institutions in operation: a grid of
// cells for "near a point", buckets per township for "in a division". No SQL here: the cache
// (searchCache.ts) keeps the index exact, searchLoad.ts reads the entries.
import type { z } from 'zod';
import { ClassType, classTypesForAge } from '../../../../domain/classes/classTypes.ts';
import type { IsoDate } from '../../../../domain/dates/shanghai.ts';
import { divisionPrefix } from '../../../../domain/geography/divisionCode.ts';
import { type DesignationTerm, isCurrent } from '../../../../domain/institutions/designations.ts';
import { type Fen, yuanToFen } from '../../../../domain/money/fen.ts';
import { fenToYuan } from '../common/fees.ts';
import { DEFAULT_RADIUS_KM, type SearchQuery } from './schemas.ts';
import { chordOf, EARTH_RADIUS_M, earthPoint, greatCircleOf } from './sphere.ts';

export type SearchEntry = {
  id: string;
  name: string;
  address: string;
  pinyin: string;
  /**
   * What a keyword matches, lower case: a keyword in Chinese the name; one in Latin letters the
   * pinyin without spaces, the pinyin initials and any Latin letters of the name.
   */
  keywords: { name: string; latin: string };
  lat: number;
  lng: number;
  /** The point on earthdistance's sphere, in metres (filed_institutions.x, y, z). */
  point: { x: number; y: number; z: number };
  divisionCode: string;
  serviceForms: string[];
  feesFen: Partial<Record<ClassType, Fen>>;
  /** Places free per class type of the filed classes; a type not offered is absent. */
  vacancies: Partial<Record<ClassType, number>>;
  designations: DesignationTerm[];
};

export type SearchParams = z.infer<typeof SearchQuery>;

// About 5.5 km north–south: a 5 km search reads 9–12 cells.
const CELL_DEGREES = 0.05;
const MARGIN_DEGREES = 1e-9;
const cellOf = (degrees: number) => Math.floor(degrees / CELL_DEGREES);
const cellKey = (latCell: number, lngCell: number) => latCell * 10_000 + lngCell;

export class SearchIndex {
  readonly #entries = new Map<string, SearchEntry>();
  readonly #cells = new Map<number, Map<string, SearchEntry>>();
  readonly #divisions = new Map<string, Map<string, SearchEntry>>();
  /**
   * Every entry in the stated order (a place free first, then pinyin, then id), each entry's place in that order, and the keyword texts of
   * all entries in that order, one string each: a keyword search over the whole city is then one
   * indexOf walk through contiguous text rather than a visit to ten thousand objects.
   * Rebuilt after a name changes.
   */
  #order: { entries: SearchEntry[]; text: Record<'latin' | 'name', { all: string; starts: Int32Array }> } | null = null;
  readonly #rank = new Map<string, number>();

  constructor(entries: Iterable<SearchEntry> = []) {
    for (const e of entries) this.#add(e);
  }

  get size() {
    return this.#entries.size;
  }

  /** Replaces what the index holds for `ids` with `entries` (an id without an entry leaves). */
  replace(ids: Iterable<string>, entries: SearchEntry[]) {
    const before = new Map([...ids].map((id) => [id, this.#entries.get(id)]));
    for (const id of before.keys()) this.#remove(id);
    for (const e of entries) this.#add(e);
    if (!this.#order) return;
    // Vacancies and fees change often, names and whether any place is free more rarely: keep the
    // order when every entry keeps its place.
    for (const [id, old] of before) {
      const now = this.#entries.get(id);
      const rank = this.#rank.get(id);
      const same =
        old &&
        now &&
        now.pinyin === old.pinyin &&
        now.keywords.latin === old.keywords.latin &&
        now.keywords.name === old.keywords.name &&
        hasPlace(now) === hasPlace(old);
      if (!same || rank === undefined) {
        this.#order = null;
        return;
      }
      this.#order.entries[rank] = now;
    }
  }

  /** All entries in the stated order: those with a place free first, then by pinyin, then id. */
  ordered(): readonly SearchEntry[] {
    return this.#ordering().entries;
  }

  /** The entry's place in `ordered()`. */
  rank(id: string): number {
    this.#ordering();
    return this.#rank.get(id) as number;
  }

  /** Places in `ordered()` of the entries whose keyword text holds `q`, in order. */
  matching(q: string, kind: 'latin' | 'name'): number[] {
    const { all, starts } = this.#ordering().text[kind];
    const found: number[] = [];
    let at = all.indexOf(q);
    while (at >= 0) {
      // The entry whose text holds position `at`: the last start at or before it.
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] as number) <= at) lo = mid;
        else hi = mid - 1;
      }
      found.push(lo);
      at = lo + 1 < starts.length ? all.indexOf(q, starts[lo + 1]) : -1;
    }
    return found;
  }

  #ordering() {
    if (!this.#order) {
      const entries = [...this.#entries.values()].sort(
        (a, b) => Number(hasPlace(b)) - Number(hasPlace(a)) || compare(a.pinyin, b.pinyin) || compare(a.id, b.id),
      );
      this.#rank.clear();
      for (const [i, e] of entries.entries()) this.#rank.set(e.id, i);
      const joined = (kind: 'latin' | 'name') => {
        const starts = new Int32Array(entries.length);
        let offset = 0;
        entries.forEach((e, i) => {
          starts[i] = offset;
          offset += e.keywords[kind].length + 1;
        });
        // NUL never occurs in PostgreSQL text, so no match runs from one entry into the next.
        return { all: entries.map((e) => e.keywords[kind]).join('\0'), starts };
      };
      this.#order = { entries, text: { latin: joined('latin'), name: joined('name') } };
    }
    return this.#order;
  }

  #add(e: SearchEntry) {
    this.#remove(e.id);
    this.#entries.set(e.id, e);
    bucket(this.#cells, cellKey(cellOf(e.lat), cellOf(e.lng))).set(e.id, e);
    bucket(this.#divisions, e.divisionCode).set(e.id, e);
  }

  #remove(id: string) {
    const e = this.#entries.get(id);
    if (!e) return;
    this.#entries.delete(id);
    this.#cells.get(cellKey(cellOf(e.lat), cellOf(e.lng)))?.delete(id);
    this.#divisions.get(e.divisionCode)?.delete(id);
  }

  /**
   * Entries whose cell overlaps the box around the circle: latitude ± r/R, longitude
   * ± asin(sin(r/R) / cos φ), the circle's widest point on the sphere, with a hair's margin for
   * rounding. Around a pole or across the ±180° meridian it would not be a box, and every
   * entry is a candidate. The caller still tests each candidate against the circle. The cells'
   * own collections, not a copy of their entries: copying was a tenth of a search's time.
   */
  near(lat: number, lng: number, radiusM: number): Iterable<SearchEntry>[] {
    const angle = radiusM / EARTH_RADIUS_M;
    const cosLat = Math.cos((lat * Math.PI) / 180);
    const dLat = (angle * 180) / Math.PI + MARGIN_DEGREES;
    if (lat + dLat >= 90 || lat - dLat <= -90 || Math.sin(angle) >= cosLat) return [this.#entries.values()];
    const dLng = (Math.asin(Math.sin(angle) / cosLat) * 180) / Math.PI + MARGIN_DEGREES;
    if (lng - dLng <= -180 || lng + dLng >= 180) return [this.#entries.values()];
    const found: Iterable<SearchEntry>[] = [];
    for (let i = cellOf(lat - dLat); i <= cellOf(lat + dLat); i++) {
      for (let j = cellOf(lng - dLng); j <= cellOf(lng + dLng); j++) {
        const cell = this.#cells.get(cellKey(i, j));
        if (cell) found.push(cell.values());
      }
    }
    return found;
  }

  /** Entries in a district or township (buckets per township code, a few hundred). */
  within(division: string): Iterable<SearchEntry> {
    const prefix = divisionPrefix(division);
    const found: SearchEntry[] = [];
    for (const [code, entries] of this.#divisions) if (code.startsWith(prefix)) found.push(...entries.values());
    return found;
  }
}

/** A place free now in any class type: a family without a point sees these first. */
function hasPlace(e: SearchEntry) {
  for (const t of ClassType) if ((e.vacancies[t] ?? 0) > 0) return true;
  return false;
}

function bucket<K>(map: Map<K, Map<string, SearchEntry>>, key: K) {
  let b = map.get(key);
  if (!b) {
    b = new Map();
    map.set(key, b);
  }
  return b;
}

/** By kind, then level, a designation without a level (inclusive) after those with one. */
function designationOrder(a: DesignationTerm, b: DesignationTerm) {
  return compare(a.kind, b.kind) || compare(a.level ?? '\uffff', b.level ?? '\uffff');
}

/**
 * The search the public route answers. Great-circle distance grows with the straight chord
 * between two points of the sphere, so the circle test and the order compare squared chords;
 * only the page's distances are converted (sphere.ts).
 */
/** `excluded`: institutions another module rules out (those with an open rectification, when asked). */
export function search(index: SearchIndex, params: SearchParams, today: IsoDate, excluded: ReadonlySet<string> = new Set()) {
  const prefix = params.division ? divisionPrefix(params.division) : null;
  const q = params.q ? keyword(params.q) : null;
  const latin = q !== null && LATIN.test(q);
  const types = params.birthDate ? classTypesForAge(params.birthDate, params.startDate ?? today) : [...ClassType];
  const fees = params.feeFrom !== undefined || params.feeTo !== undefined;
  const byType = params.birthDate !== undefined || params.vacancy === true || fees;
  const from = yuanToFen(params.feeFrom ?? 0);
  const to = params.feeTo === undefined ? null : yuanToFen(params.feeTo);

  const fits = (e: SearchEntry) =>
    types.some((t) => {
      const free = e.vacancies[t];
      if (free === undefined || (params.vacancy && free <= 0)) return false;
      if (!fees) return true;
      const fee = e.feesFen[t];
      return fee !== undefined && fee >= from && (to === null || fee <= to);
    });

  const keep = (e: SearchEntry) =>
    !excluded.has(e.id) &&
    (!prefix || e.divisionCode.startsWith(prefix)) &&
    (!q || (latin ? e.keywords.latin.includes(q) : e.keywords.name.includes(q))) &&
    (!params.serviceForm || e.serviceForms.includes(params.serviceForm)) &&
    (!params.inclusive || e.designations.some((d) => d.kind === 'inclusive' && isCurrent(d, today))) &&
    (!byType || fits(e));
  const start = (params.page - 1) * params.pageSize;
  const end = start + params.pageSize;

  if (params.lat !== undefined && params.lng !== undefined) {
    const radiusM = (params.radiusKm ?? DEFAULT_RADIUS_KM) * 1000;
    const limit2 = chordOf(radiusM) ** 2;
    const point = earthPoint(params.lat, params.lng);
    const hits: Hit[] = [];
    for (const cell of index.near(params.lat, params.lng, radiusM)) {
      for (const e of cell) {
        const chord2 = (e.point.x - point.x) ** 2 + (e.point.y - point.y) ** 2 + (e.point.z - point.z) ** 2;
        if (chord2 <= limit2 && keep(e)) hits.push({ e, key: chord2 });
      }
    }
    const first = leading(hits, end, (a, b) => a.key - b.key || compare(a.e.id, b.e.id));
    return { total: hits.length, order: 'distance' as const, items: first.slice(start, end).map((h) => itemOf(h.e, h.key, today)) };
  }
  if (params.division) {
    const hits: Hit[] = [];
    for (const e of index.within(params.division)) if (keep(e)) hits.push({ e, key: index.rank(e.id) });
    const first = leading(hits, end, (a, b) => a.key - b.key);
    return { total: hits.length, order: STATED, items: first.slice(start, end).map((h) => itemOf(h.e, null, today)) };
  }
  // The whole city in the stated order: walk the order (or the keyword's matches in it), keep only the page.
  const ordered = index.ordered();
  const walk =
    q === null ? ordered : q.includes('\0') ? [] : index.matching(q, latin ? 'latin' : 'name').map((r) => ordered[r] as SearchEntry);
  if (!params.serviceForm && !params.inclusive && !byType) {
    return { total: walk.length, order: STATED, items: walk.slice(start, end).map((e) => itemOf(e, null, today)) };
  }
  let total = 0;
  const page: SearchEntry[] = [];
  for (const e of walk) {
    if (!keep(e)) continue;
    if (total >= start && total < end) page.push(e);
    total += 1;
  }
  return { total, order: STATED, items: page.map((e) => itemOf(e, null, today)) };
}

const STATED = 'vacancy_then_name' as const;

type Hit = { e: SearchEntry; key: number };

/**
 * The hits up to `end`, in order. Most searches show the first page of many hits: a plain
 * numeric sort of the keys finds where that page ends, and only the hits before it are sorted
 * with the full order (ties at the cut stay in, the order breaks them).
 */
function leading(hits: Hit[], end: number, order: (a: Hit, b: Hit) => number): Hit[] {
  if (hits.length <= end * 4) return hits.sort(order);
  const keys = new Float64Array(hits.length);
  for (const [i, h] of hits.entries()) keys[i] = h.key;
  keys.sort();
  const cut = keys[end - 1] as number;
  return hits.filter((h) => h.key <= cut).sort(order);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const LATIN = /^[\x20-\x7e]+$/;

/** Lower case; an ASCII keyword loses its spaces, so "lian yun" finds the pinyin "lianyun". */
function keyword(q: string): string {
  const lower = q.toLowerCase();
  return LATIN.test(lower) ? lower.replace(/\s+/g, '') : lower;
}

function itemOf(e: SearchEntry, chord2: number | null, today: IsoDate) {
  const vacancies: Partial<Record<ClassType, number>> = {};
  const monthlyFeeYuan: Partial<Record<ClassType, number>> = {};
  for (const t of ClassType) {
    const free = e.vacancies[t];
    if (free === undefined) continue;
    vacancies[t] = free;
    const fee = e.feesFen[t];
    if (fee !== undefined) monthlyFeeYuan[t] = fenToYuan(fee);
  }
  const designations = e.designations
    .filter((d) => isCurrent(d, today))
    .sort(designationOrder)
    .map((d) => ({ kind: d.kind, level: d.level }));
  return {
    id: e.id,
    name: e.name,
    address: e.address,
    distanceKm: chord2 === null ? null : Math.round(greatCircleOf(Math.sqrt(chord2)) / 10) / 100,
    inclusive: designations.some((d) => d.kind === 'inclusive'),
    designations,
    vacancies,
    monthlyFeeYuan,
    location: { lat: e.lat, lng: e.lng },
    divisionCode: e.divisionCode,
  };
}
