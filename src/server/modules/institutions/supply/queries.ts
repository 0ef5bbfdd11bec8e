import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DesignationTerm } from '../../../../domain/institutions/designations.ts';
import type { OperationChange } from '../../../../domain/institutions/operation.ts';
import type { Db } from '../../../db/executor.ts';

export type OperatingInstitution = {
  id: string;
  name: string;
  /** The township of the filed version. */
  divisionCode: string;
  lat: number;
  lng: number;
  /** Places of the filed class plan. */
  places: number;
  /** An inclusive (普惠) designation in force on the date. */
  inclusive: boolean;
};

/** Institutions whose township code starts with `prefix` or is one of `codes` (ended ones that now count inside). */
export type InstitutionArea = { prefix: string; codes: readonly string[] };

/** The filed institutions of `area` with their township, location and the places of their filed class plan. */
function filedIn(db: Db, area: InstitutionArea) {
  return db
    .selectFrom('filed_institutions as f')
    .select((eb) => [
      'f.institution_id as id',
      'f.name',
      'f.division_code',
      'f.lat',
      'f.lng',
      eb
        .selectFrom('institution_classes as c')
        .select(sql<number>`coalesce(sum(c.filed_capacity), 0)::integer`.as('places'))
        .whereRef('c.institution_id', '=', 'f.institution_id')
        .as('places'),
    ])
    .where((eb) =>
      eb.or([
        eb('f.division_code', 'like', `${area.prefix}%`),
        ...(area.codes.length > 0 ? [eb('f.division_code', 'in', area.codes)] : []),
      ]),
    );
}

type SupplyRow = { id: string; name: string; division_code: string; lat: number; lng: number; places: number | null };

const supplyOf = (r: SupplyRow): Omit<OperatingInstitution, 'inclusive'> => ({
  id: r.id,
  name: r.name,
  divisionCode: r.division_code,
  lat: r.lat,
  lng: r.lng,
  places: Number(r.places ?? 0),
});

/**
 * The filed institutions operating on `date` (their latest operation change on or before it
 * says active), with the places of their filed class plan and whether an inclusive designation
 * is in force that day (src/domain/institutions/designations.ts `isCurrent`); those of `area`
 * only. One statement for the area: indicators and accessibility roll it up in memory.
 */
export async function findOperatingInstitutions(db: Db, date: string, area: InstitutionArea): Promise<OperatingInstitution[]> {
  const rows = await filedIn(db, area)
    .select((eb) => [
      eb
        .exists(
          eb
            .selectFrom('institution_designations as d')
            .select('d.id')
            .whereRef('d.institution_id', '=', 'f.institution_id')
            .where('d.kind', '=', 'inclusive')
            .where('d.valid_from', '<=', date)
            .where((w) => w.or([w('d.valid_to', 'is', null), w('d.valid_to', '>=', date)]))
            .where((w) => w.or([w('d.revoked_on', 'is', null), w('d.revoked_on', '>', date)])),
        )
        .as('inclusive'),
    ])
    .where((eb) =>
      eb(
        eb
          .selectFrom('institution_operation_changes as o')
          .select('o.active')
          .whereRef('o.institution_id', '=', 'f.institution_id')
          .where('o.on_date', '<=', date)
          .orderBy('o.on_date', 'desc')
          .orderBy('o.seq', 'desc')
          .limit(1),
        '=',
        true,
      ),
    )
    .execute();
  return rows.map((r) => ({
    ...supplyOf(r),
    inclusive: Boolean(r.inclusive),
  }));
}

/** A filed institution of an area over a range of dates: what `findOperatingInstitutions` answers for each day in it. */
export type InstitutionPeriods = Omit<OperatingInstitution, 'inclusive'> & {
  /** Its operation changes up to the range's end, in the order they apply (day, then seq). */
  operation: OperationChange[];
  /** Its inclusive designations in force at some time in the range. */
  inclusive: DesignationTerm[];
};

/**
 * The filed institutions of `area` with the operation changes and inclusive designations that
 * decide, for each day from `from` to `to`, whether they operate and are inclusive
 * (src/domain/institutions/operation.ts `isOperatingOn`, designations.ts `isCurrent`). One
 * statement for the whole range: a monthly series takes each month from it in memory.
 */
export async function findInstitutionPeriods(db: Db, from: string, to: string, area: InstitutionArea): Promise<InstitutionPeriods[]> {
  const rows = await filedIn(db, area)
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('institution_operation_changes as o')
          .select(['o.on_date as onDate', 'o.active'])
          .whereRef('o.institution_id', '=', 'f.institution_id')
          .where('o.on_date', '<=', to)
          .orderBy('o.on_date')
          .orderBy('o.seq'),
      ).as('operation'),
      jsonArrayFrom(
        eb
          .selectFrom('institution_designations as d')
          .select(['d.kind', 'd.level', 'd.valid_from as validFrom', 'd.valid_to as validTo', 'd.revoked_on as revokedOn'])
          .whereRef('d.institution_id', '=', 'f.institution_id')
          .where('d.kind', '=', 'inclusive')
          .where('d.valid_from', '<=', to)
          .where((w) => w.or([w('d.valid_to', 'is', null), w('d.valid_to', '>=', from)]))
          .where((w) => w.or([w('d.revoked_on', 'is', null), w('d.revoked_on', '>', from)])),
      ).as('inclusive'),
    ])
    .execute();
  return rows.map((r) => ({
    ...supplyOf(r),
    operation: r.operation,
    inclusive: r.inclusive as DesignationTerm[],
  }));
}
