import type { TFunction } from 'i18next';
import { DesignationKind } from '../../../../domain/institutions/vocabulary.ts';
import { currentLanguage } from '../../../i18n';
import type { ComplianceProblem, Designation, InstitutionStatus } from '../api';

/** Tag colours per status: what is running, what waits on someone, what has stopped. */
export const STATUS_COLOR: Record<InstitutionStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  under_review: 'blue',
  returned: 'orange',
  filed: 'green',
  suspended: 'red',
  closed: 'default',
};

/** Yuan as the UI language writes amounts ("2,100", "1,980.5"). */
export function yuan(value: number | undefined): string {
  return value === undefined ? '—' : new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits: 2 }).format(value);
}

/** Items of a list in running text: "全日托、半日托", "Full-day, Half-day"; a dash when there are none. */
export function joinList(t: TFunction, items: string[]): string {
  return items.length ? items.join(t('registry.separator')) : '—';
}

/** Designations in force, inclusive first, so every row and page reads them in the same order. */
export function currentDesignations(designations: Designation[]): Designation[] {
  return designations.filter((d) => d.current).sort((a, b) => DesignationKind.indexOf(a.kind) - DesignationKind.indexOf(b.kind));
}

/** "省级试点", "Pilot (provincial)"; an inclusive designation has no level. */
export function designationLabel(t: TFunction, d: Pick<Designation, 'kind' | 'level'>): string {
  const kind = t(`institutions.designation.${d.kind}`);
  return d.level ? t('registry.designationWithLevel', { kind, level: t(`institutions.level.${d.level}`) }) : kind;
}

/** The classes and staff a problem may name: a record's, or a filing snapshot's. */
export type Named = { classes: { id: string; name: string }[]; staff: { id: string; name: string }[] };

/** One compliance problem in words, naming the class or staff member it is about. */
export function problemText(t: TFunction, p: ComplianceProblem, record: Named): string {
  return t(`registry.problem.${p.code}`, {
    ...p,
    className: record.classes.find((c) => c.id === p.classId)?.name ?? '',
    type: p.classType ? t(`institutions.classType.${p.classType}`) : '',
    staff: record.staff.find((s) => s.id === p.staffId)?.name ?? '',
    fee: yuan(p.feeYuan),
    cap: yuan(p.capYuan),
  });
}
