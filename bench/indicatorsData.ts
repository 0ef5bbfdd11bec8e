// A province-sized data set for the oversight bench (issue 14), generated set-wise inside the
// bench's PostgreSQL schema: 13 cities, 100 districts, 1,250 townships with reference points and
// population figures, 15,000 filed institutions of three filed classes each (45,000), a fifth of
// them inclusive, some suspended for a while, and 400,000 children enrolled today whose places
// started over the last three years. tuoyu's tree has no province level (a city is the root), so
// the province is the 13 cities side by side, as a provincial deployment would hold them.
import { type Kysely, sql } from 'kysely';
import { addDaysIso, type IsoDate } from '../src/domain/dates/shanghai.ts';
import type { DB } from '../src/server/db/schema.ts';
import { publishFiledVersions } from '../src/server/modules/institutions/filing/queries.ts';

/** The city the bench's official serves, and so asks about. */
export const ROOT = '320100';

export const PROVINCE = { cities: 13, districts: 100, townships: 1_250, institutions: 15_000, classesEach: 3, children: 400_000 };

/** A repeatable number in [0, 1) for row `n` (salted), so every run generates the same province. */
const noise = (n: string, salt: number) =>
  sql.raw(`(abs(sin((${n}) * 12.9898 + ${salt}) * 43758.5453) - floor(abs(sin((${n}) * 12.9898 + ${salt}) * 43758.5453)))`);

/** The day institution k was filed: three in five before the three years of history, the rest spread over them. */
export function filedOn(k: number, today: IsoDate): IsoDate {
  const spread = (k * 7919) % 1_095;
  return k % 5 < 3 ? addDaysIso(today, -1_200 - (k % 300)) : addDaysIso(today, -spread);
}

export async function seedProvince(db: Kysely<DB>, today: IsoDate, now: Date): Promise<void> {
  const p = PROVINCE;
  const year = Number(today.slice(0, 4));
  await db.transaction().execute(async (trx) => {
    // The bundled Lianyungang tree gives way to the generated province.
    await sql`delete from division_population`.execute(trx);
    await sql`delete from divisions`.execute(trx);
    await sql`
      insert into divisions (code, name, parent_code, level, lat, lng, point_source)
      select '32' || lpad(c::text, 2, '0') || '00', '压测市' || c, null, 'city',
             31.5 + (c % 4) * 0.9, 117.6 + (c / 4) * 1.1, 'bench'
      from generate_series(1, ${sql.lit(p.cities)}) c`.execute(trx);
    await sql`
      insert into divisions (code, name, parent_code, level, lat, lng, point_source)
      select '32' || lpad((j % ${sql.lit(p.cities)} + 1)::text, 2, '0') || lpad((j / ${sql.lit(p.cities)} + 1)::text, 2, '0'),
             '压测区' || j, '32' || lpad((j % ${sql.lit(p.cities)} + 1)::text, 2, '0') || '00', 'district',
             c.lat + (${noise('j', 1)} - 0.5) * 0.5, c.lng + (${noise('j', 2)} - 0.5) * 0.5, 'bench'
      from generate_series(0, ${sql.lit(p.districts - 1)}) j
      join divisions c on c.code = '32' || lpad((j % ${sql.lit(p.cities)} + 1)::text, 2, '0') || '00'`.execute(trx);
    await sql`
      insert into divisions (code, name, parent_code, level, lat, lng, point_source)
      select d.code || lpad((k / ${sql.lit(p.districts)} + 1)::text, 3, '0'), '压测镇' || k, d.code, 'township',
             d.lat + (${noise('k', 3)} - 0.5) * 0.2, d.lng + (${noise('k', 4)} - 0.5) * 0.2, 'bench'
      from generate_series(0, ${sql.lit(p.townships - 1)}) k
      join divisions d on d.code = '32' || lpad((k % ${sql.lit(p.districts)} % ${sql.lit(p.cities)} + 1)::text, 2, '0')
                                     || lpad((k % ${sql.lit(p.districts)} / ${sql.lit(p.cities)} + 1)::text, 2, '0')`.execute(trx);
    await sql`
      insert into division_population (division_code, year, total, under3, source)
      select t.code, y, t.total, t.total * 25 / 1000, 'bench'
      from (select code, 30000 + (${noise('row_number() over (order by code)', 5)} * 60000)::integer as total
            from divisions where level = 'township') t
      cross join generate_series(${sql.lit(year - 3)}, ${sql.lit(year)}) y`.execute(trx);

    // Institutions k = 0 … 14,999 over the townships in turn, each within about 2 km of its
    // township's reference point, with three classes of 10 to 25 places.
    await sql`
      with t as (select code, lat, lng, row_number() over (order by code) - 1 as n from divisions where level = 'township')
      insert into institutions (name, division_code, status, credit_code, operator_type, address, lat, lng,
                                indoor_area_m2, outdoor_area_m2, serves_meals, description, pinyin, initials)
      select '压测托育园' || lpad(k::text, 5, '0'), t.code, 'filed', '9132' || lpad(k::text, 14, '0'), 'private_for_profit',
             '压测路' || k || '号', t.lat + (${noise('k', 6)} - 0.5) * 0.04, t.lng + (${noise('k', 7)} - 0.5) * 0.04,
             300, 100, true, '', 'ya ce tuo yu yuan', 'yctyy'
      from generate_series(0, ${sql.lit(p.institutions - 1)}) k join t on t.n = k % ${sql.lit(p.townships)}`.execute(trx);
    const rows = await trx.selectFrom('institutions').select(['id', 'name']).execute();
    await sql`
      insert into institution_classes (institution_id, class_type, name, capacity)
      select i.id, (array['infant', 'toddler', 'older_toddler'])[s], s || '班', 10 + (${noise('s * 100000 + substr(i.name, 6)::integer', 8)} * 16)::integer
      from institutions i cross join generate_series(1, ${sql.lit(p.classesEach)}) s`.execute(trx);
    const kOf = (name: string) => Number(name.slice(5));
    await publishFiledVersions(
      trx,
      rows.map((r) => ({
        institutionId: r.id,
        filingNumber: `压测备${kOf(r.name)}`,
        filedAt: new Date(`${filedOn(kOf(r.name), today)}T10:00:00+08:00`),
      })),
      now,
    );
    // One in forty was suspended for a while within the three years; one in eighty is suspended still.
    await sql`
      insert into institution_operation_changes (institution_id, on_date, active)
      select id, greatest(f.filed_at::date + 1, ${today}::date - 700), false from institutions i join filed_institutions f on f.institution_id = i.id
      where substr(i.name, 6)::integer % 40 = 0
      union all
      select id, greatest(f.filed_at::date + 1, ${today}::date - 700) + 200, true from institutions i join filed_institutions f on f.institution_id = i.id
      where substr(i.name, 6)::integer % 80 = 0`.execute(trx);
    await sql`
      insert into institution_designations (institution_id, kind, granted_on, document, valid_from, valid_to, cap_toddler_fen)
      select f.institution_id, 'inclusive', f.filed_at::date, '压测普惠〔2024〕1号', f.filed_at::date + 30, f.filed_at::date + 30 + 1825, 190000
      from filed_institutions f join institutions i on i.id = f.institution_id
      where substr(i.name, 6)::integer % 5 = 0`.execute(trx);

    // Children: one parent account made them all; child c holds a place at institution c mod
    // 15,000, in one of its classes, since a day between its filing and today. The search-change
    // triggers are not needed for a province that nobody searches here.
    const parent = await trx
      .insertInto('users')
      .values({ phone: '13800000009', name: '压测家长', password_hash: 'bench-not-a-hash' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql`
      insert into children (name, sex, birth_date, residence_division_code, created_by)
      select '压测儿童' || c, case when c % 2 = 0 then 'female' else 'male' end, ${today}::date - 200 - (c % 700), '320101001', ${parent.id}
      from generate_series(0, ${sql.lit(p.children - 1)}) c`.execute(trx);
    await sql`
      with i as (select i.id, f.filed_at::date as filed, row_number() over (order by i.name) - 1 as n
                 from institutions i join filed_institutions f on f.institution_id = i.id),
           k as (select id, class_type, row_number() over (partition by institution_id order by class_type) as s, institution_id from institution_classes),
           c as (select id, substr(name, 5)::integer as n from children)
      insert into enrolments (child_id, institution_id, class_id, start_date)
      select c.id, i.id, k.id, i.filed + ((${today}::date - i.filed) * ${noise('c.n', 9)})::integer
      from c join i on i.n = c.n % ${sql.lit(p.institutions)}
      join k on k.institution_id = i.id and k.s = (c.n / ${sql.lit(p.institutions)}) % ${sql.lit(p.classesEach)} + 1`.execute(trx);
    await sql`set local session_replication_role = origin`.execute(trx);
  });
  await sql`analyze`.execute(db);
}
