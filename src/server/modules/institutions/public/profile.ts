import { subMonths } from 'date-fns';
import type { ClassType } from '../../../../domain/classes/classTypes.ts';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { isCurrent } from '../../../../domain/institutions/designations.ts';
import type { OperatorType, ServiceForm } from '../../../../domain/institutions/vocabulary.ts';
import type { Deps } from '../../../deps.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { findDivisionAsOf } from '../../geography/index.ts';
import { capsFromColumns, feesFromColumns, toYuan } from '../common/fees.ts';
import type { InstitutionHooks } from '../common/hooks.ts';
import { designationTerm, iso, photoUrl } from '../common/presenters.ts';
import { findDesignations, findFiledClasses, findListedFiled, findPhotoIds } from './queries.ts';
import { filedClassVacancies } from './vacancies.ts';

/** The public page of a filed institution in operation: what a parent needs to choose. */
export async function getPublicProfile(deps: Deps, id: string, supervisionRecord: InstitutionHooks['supervisionRecord']) {
  const today = todayInShanghai(deps.clock.now());
  const filed = await findListedFiled(deps.db, id);
  if (!filed) throw new AppError('NOT_FOUND');
  const [classes, designations, photos, township, district] = await Promise.all([
    findFiledClasses(deps.db, id),
    findDesignations(deps.db, id),
    findPhotoIds(deps.db, id),
    findDivisionAsOf(deps.db, filed.division_code, today),
    findDivisionAsOf(deps.db, filed.division_code.slice(0, 6), today),
  ]);

  const classViews = classes.map((c) => ({
    classType: c.filed_class_type as ClassType,
    name: c.filed_name as string,
    capacity: c.filed_capacity as number,
    vacancies: filedClassVacancies(c),
    caregivers: c.caregivers,
  }));
  const vacancies: Partial<Record<ClassType, number>> = {};
  for (const c of classViews) vacancies[c.classType] = (vacancies[c.classType] ?? 0) + c.vacancies;
  const fees = feesFromColumns(filed);
  const offeredFees = Object.fromEntries(Object.entries(toYuan(fees)).filter(([t]) => t in vacancies));
  const current = designations.filter((d) => isCurrent(designationTerm(d), today));

  return {
    id,
    name: filed.name,
    address: filed.address,
    divisionCode: filed.division_code,
    townshipName: township?.name ?? null,
    districtName: district?.name ?? null,
    location: { lat: filed.lat, lng: filed.lng },
    operatorType: filed.operator_type as OperatorType,
    serviceForms: filed.service_forms as ServiceForm[],
    openingHours:
      filed.opens_at && filed.closes_at ? { opensAt: filed.opens_at, closesAt: filed.closes_at, weekdays: filed.open_weekdays } : null,
    monthlyFeeYuan: offeredFees,
    servesMeals: filed.serves_meals,
    facilities: filed.facilities,
    description: filed.description,
    contactPhone: filed.contact_phone,
    places: classViews.reduce((sum, c) => sum + c.capacity, 0),
    vacancies,
    classes: classViews,
    inclusive: current.some((d) => d.kind === 'inclusive'),
    designations: current.map((d) => ({
      kind: d.kind as 'inclusive' | 'pilot' | 'demonstration',
      level: d.level as 'city' | 'provincial' | 'national' | null,
      grantedOn: d.granted_on,
      document: d.document,
      validFrom: d.valid_from,
      validTo: d.valid_to,
      priceCapsYuan: toYuan(capsFromColumns(d)),
    })),
    photos: photos.map((p) => ({ id: p.id, url: photoUrl(id, p.id) })),
    // Families weigh a year of complaints, as the public pages of other countries' regulators show.
    ...(await supervisionRecord(deps.db, id, subMonths(deps.clock.now(), 12))),
    filingNumber: filed.filing_number,
    filedAt: iso(filed.filed_at),
  };
}
