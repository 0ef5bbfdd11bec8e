import type { Kysely } from 'kysely';
import { ClassType } from '../../../../domain/classes/classTypes.ts';
import type { DesignationKind, DesignationLevel } from '../../../../domain/institutions/vocabulary.ts';
import type { DB } from '../../../db/schema.ts';
import { feesFromColumns } from '../common/fees.ts';
import { enrolledQuery, entryQueries } from './queries.ts';
import type { SearchEntry } from './searchIndex.ts';
import { filedClassVacancies } from './vacancies.ts';

/**
 * The search entries of filed institutions in operation: all of them, or those of `ids` (an id
 * without an entry is no longer filed and active).
 */
export async function loadSearchEntries(db: Kysely<DB>, ids?: string[]): Promise<SearchEntry[]> {
  if (ids?.length === 0) return [];
  const q = entryQueries(db, ids);
  const [filed, classes, designations, enrolledInAll] = await Promise.all([
    q.filed.execute(),
    q.classes.execute(),
    q.designations.execute(),
    ids ? undefined : enrolledQuery(db).execute(),
  ]);
  const enrolledRows =
    enrolledInAll ??
    (classes.length > 0
      ? await enrolledQuery(
          db,
          classes.map((k) => k.id),
        ).execute()
      : []);
  const counts = new Map(enrolledRows.map((r) => [r.class_id, r]));

  const entries = new Map<string, SearchEntry>();
  for (const f of filed) {
    entries.set(f.institution_id, {
      id: f.institution_id,
      name: f.name,
      address: f.address,
      pinyin: f.pinyin,
      keywords: keywordsOf(f.search_text),
      lat: f.lat,
      lng: f.lng,
      point: { x: f.x, y: f.y, z: f.z },
      divisionCode: f.division_code,
      serviceForms: f.service_forms,
      feesFen: feesFromColumns(f),
      vacancies: {},
      designations: [],
    });
  }
  // Places offerable per filed class, summed per class type.
  for (const k of classes) {
    const e = entries.get(k.institution_id);
    const type = k.filed_class_type as ClassType;
    if (!e || !ClassType.includes(type)) continue;
    const count = counts.get(k.id);
    const free = filedClassVacancies({ ...k, enrolled: count?.enrolled ?? 0, open_offers: count?.open_offers ?? 0 });
    e.vacancies[type] = (e.vacancies[type] ?? 0) + free;
  }
  for (const d of designations) {
    entries.get(d.institution_id)?.designations.push({
      kind: d.kind as DesignationKind,
      level: d.level as DesignationLevel | null,
      validFrom: d.valid_from,
      validTo: d.valid_to,
      revokedOn: d.revoked_on,
    });
  }
  return [...entries.values()];
}

/**
 * Splits filed_institutions.search_text (lower(name), pinyin without spaces, initials; see
 * filing/publish.ts) for matching: a Latin keyword then scans only Latin text.
 */
export function keywordsOf(searchText: string) {
  const parts = searchText.split(' ');
  const initials = parts.pop() ?? '';
  const pinyin = parts.pop() ?? '';
  const name = parts.join(' ');
  const latinOfName = name
    .replace(/[^\x20-\x7e]+/g, ' ')
    .trim()
    .replace(/\s+/g, '');
  return { name, latin: latinOfName ? `${pinyin} ${initials} ${latinOfName}` : `${pinyin} ${initials}` };
}
