import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { z } from 'zod';
import { ClassType, classTypesForAge } from '../../../../domain/classes/classTypes.ts';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { divisionPrefix } from '../../../../domain/geography/divisionCode.ts';
import type { DesignationKind, DesignationLevel } from '../../../../domain/institutions/vocabulary.ts';
import { yuanToFen } from '../../../../domain/money/fen.ts';
import type { DB } from '../../../db/schema.ts';
import { fenToYuan } from '../common/fees.ts';
import { likeLiteral } from '../registry/queries.ts';
import { DEFAULT_RADIUS_KM, type SearchQuery } from './schemas.ts';
import { chordOf, earthPoint, greatCircleOf } from './sphere.ts';

type Params = z.infer<typeof SearchQuery>;

const FEE_COLUMN: Record<ClassType, string> = {
  infant: 'fee_infant_fen',
  toddler: 'fee_toddler_fen',
  older_toddler: 'fee_older_toddler_fen',
  mixed: 'fee_mixed_fen',
};

/**
 * Vacancies per class type of filed classes: places minus children enrolled, counted through
 * class_enrolment_counts (the enrolment seam, see the README). A type the institution does not
 * offer has no vacancies column value (null).
 */
function vacancies(institutions: RawBuilder<unknown>) {
  const perType = ClassType.map(
    (t) =>
      sql`sum(greatest(k.filed_capacity - coalesce(e.enrolled, 0), 0)) filter (where k.filed_class_type = ${t})::integer as ${sql.ref(t)}`,
  );
  return sql`select k.institution_id, ${sql.join(perType)}
    from institution_classes k
    left join class_enrolment_counts e on e.class_id = k.id
    where k.filed_capacity is not null and k.institution_id in (${institutions})
    group by k.institution_id`;
}

/** Designations in force on `today` (revoked on a day means no longer in force that day). */
const inForce = (today: string) =>
  sql`d.valid_from <= ${today} and (d.valid_to is null or d.valid_to >= ${today}) and (d.revoked_on is null or d.revoked_on > ${today})`;

type Row = {
  institution_id: string;
  name: string;
  lat: number;
  lng: number;
  division_code: string;
  chord2: number | null;
  total: number;
  designations: { kind: DesignationKind; level: DesignationLevel | null }[];
} & Record<ClassType, number | null> &
  Record<string, unknown>;

/**
 * The public search as SQL: one statement for the page with the total (count(*) over ()), and a
 * count for a page past the end.
 *
 * With a point, candidates come from the GiST index on each filed institution's point on
 * earthdistance's sphere (x, y, z, migration 0015) through earth_box, a cube around the point
 * slightly larger than the circle. Great-circle distance grows with the straight-line chord
 * between two points of the sphere, so the circle test and the order compare squared chords,
 * plain arithmetic on the stored point; the page's great-circle distances are converted from
 * their chords (sphere.ts). sec_to_gc and earth_distance on every candidate cost most of a
 * search with thousands of candidates.
 *
 * Only filed institutions in operation are active rows of filed_institutions.
 */
export function searchStatements(params: Params, today: string) {
  const point = params.lat !== undefined && params.lng !== undefined ? { lat: params.lat, lng: params.lng } : null;
  const radiusM = (params.radiusKm ?? DEFAULT_RADIUS_KM) * 1000;
  const types = params.birthDate ? classTypesForAge(params.birthDate, params.startDate ?? today) : [...ClassType];
  const fees = params.feeFrom !== undefined || params.feeTo !== undefined;
  // Filters that look at each class type need the vacancies of every candidate, not just the page's.
  const byType = params.birthDate !== undefined || params.vacancy === true || fees;

  const origin = point ? sql`ll_to_earth(${point.lat}::float8, ${point.lng}::float8)` : null;
  const o = point ? earthPoint(point.lat, point.lng) : null;
  // Squared chord: plain arithmetic on the stored point, cheap enough for every candidate.
  const chord2 = o
    ? sql`((f.x - ${o.x}::float8) * (f.x - ${o.x}::float8) + (f.y - ${o.y}::float8) * (f.y - ${o.y}::float8) + (f.z - ${o.z}::float8) * (f.z - ${o.z}::float8))`
    : sql`null::float8`;
  const where: RawBuilder<unknown>[] = [sql`f.active`];
  if (origin) {
    where.push(sql`earth_box(${origin}, ${radiusM}::float8) @> cube(array[f.x, f.y, f.z])`);
    where.push(sql`${chord2} <= ${chordOf(radiusM) ** 2}::float8`);
  }
  if (params.division) where.push(sql`f.division_code like ${`${divisionPrefix(params.division)}%`}`);
  if (params.q) where.push(sql`f.search_text like ${`%${likeLiteral(keyword(params.q))}%`}`);
  if (params.serviceForm) where.push(sql`${params.serviceForm} = any(f.service_forms)`);
  if (params.inclusive) {
    where.push(
      sql`exists (select 1 from institution_designations d where d.institution_id = f.institution_id and d.kind = 'inclusive' and ${inForce(today)})`,
    );
  }

  const kept: RawBuilder<unknown>[] = [sql`true`];
  if (byType) {
    const from = yuanToFen(params.feeFrom ?? 0);
    const to = params.feeTo === undefined ? null : yuanToFen(params.feeTo);
    const clauses = types.map((t) => {
      const parts = [sql`${sql.ref(`v.${t}`)} is not null`];
      if (params.vacancy) parts.push(sql`${sql.ref(`v.${t}`)} > 0`);
      if (fees) parts.push(sql`${sql.ref(`c.${FEE_COLUMN[t]}`)} >= ${from}`);
      if (fees && to !== null) parts.push(sql`${sql.ref(`c.${FEE_COLUMN[t]}`)} <= ${to}`);
      return sql`(${sql.join(parts, sql` and `)})`;
    });
    kept.push(clauses.length > 0 ? sql`(${sql.join(clauses, sql` or `)})` : sql`false`);
  }

  const order = origin ? sql`chord2, institution_id` : sql`pinyin, institution_id`;
  const feeColumns = sql.join(Object.values(FEE_COLUMN).map((c) => sql.ref(`f.${c}`)));
  const typeColumns = sql.join(ClassType.map((t) => sql.ref(`v.${t}`)));
  const ctes = [
    sql`candidates as (
      select f.institution_id, f.name, f.pinyin, f.lat, f.lng, f.division_code, ${feeColumns}, ${chord2} as chord2
      from filed_institutions f
      where ${sql.join(where, sql` and `)}
    )`,
    ...(byType ? [sql`vacancies as (${vacancies(sql`select institution_id from candidates`)})`] : []),
  ];
  const fromCandidates = byType ? sql`candidates c join vacancies v on v.institution_id = c.institution_id` : sql`candidates c`;
  const condition = sql.join(kept, sql` and `);

  const page = sql<Row>`
    with ${sql.join(ctes)}, page as (
      select c.*, ${byType ? sql`${typeColumns},` : sql``} count(*) over () as total
      from ${fromCandidates}
      where ${condition}
      order by ${order}
      limit ${params.pageSize} offset ${(params.page - 1) * params.pageSize}
    )${byType ? sql`` : sql`, v as (${vacancies(sql`select institution_id from page`)})`}
    select page.*, ${byType ? sql`` : sql`${typeColumns},`} coalesce(d.list, '[]'::json) as designations
    from page
    ${byType ? sql`` : sql`left join v on v.institution_id = page.institution_id`}
    left join lateral (
      select json_agg(json_build_object('kind', d.kind, 'level', d.level) order by d.kind, d.level) as list
      from institution_designations d where d.institution_id = page.institution_id and ${inForce(today)}
    ) d on true
    order by ${order}
  `;
  const count = sql<{ n: number }>`with ${sql.join(ctes)} select count(*) as n from ${fromCandidates} where ${condition}`;
  return { page, count };
}

export async function searchInstitutions(db: Kysely<DB>, now: Date, params: Params) {
  const statements = searchStatements(params, todayInShanghai(now));
  const { rows } = await statements.page.execute(db);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && params.page > 1) total = (await statements.count.execute(db)).rows[0]?.n ?? 0;
  return { total: Number(total), items: rows.map(itemOf) };
}

/** Lower case; an ASCII keyword loses its spaces, so "lian yun" finds the pinyin "lianyun". */
function keyword(q: string): string {
  const lower = q.toLowerCase();
  return /^[\x20-\x7e]+$/.test(lower) ? lower.replace(/\s+/g, '') : lower;
}

function itemOf(row: Row) {
  const vacancies: Partial<Record<ClassType, number>> = {};
  const monthlyFeeYuan: Partial<Record<ClassType, number>> = {};
  for (const t of ClassType) {
    const free = row[t];
    if (free === null || free === undefined) continue;
    vacancies[t] = Number(free);
    const fee = row[FEE_COLUMN[t]] as number | null;
    if (fee !== null) monthlyFeeYuan[t] = fenToYuan(fee);
  }
  return {
    id: row.institution_id,
    name: row.name,
    distanceKm: row.chord2 === null ? null : Math.round(greatCircleOf(Math.sqrt(row.chord2)) / 10) / 100,
    inclusive: row.designations.some((d) => d.kind === 'inclusive'),
    designations: row.designations,
    vacancies,
    monthlyFeeYuan,
    location: { lat: row.lat, lng: row.lng },
    divisionCode: row.division_code,
  };
}
