import type { TFunction } from 'i18next';
import type { DivisionNode } from '../geography/api';
import type { SearchFilters } from './searchAddress';

/** Each district, then its townships under it: a link may search a whole district too. */
export function divisionOptions(tree: DivisionNode[]): { value: string; label: string }[] {
  return tree.flatMap((node) => {
    if (node.level === 'township') return [{ value: node.code, label: node.name }];
    const below = divisionOptions(node.children);
    if (node.level !== 'district') return below;
    return [{ value: node.code, label: node.name }, ...below.map((o) => ({ ...o, label: `${node.name} · ${o.label}` }))];
  });
}

/** Names of districts and townships by code, to write an address from a search item's divisionCode. */
export function divisionNames(tree: DivisionNode[], into = new Map<string, string>()): Map<string, string> {
  for (const node of tree) {
    if (node.level === 'district' || node.level === 'township') into.set(node.code, node.name);
    divisionNames(node.children, into);
  }
  return into;
}

/** District · township · street, each named once even when the street address repeats them. */
export function addressLine(divisions: Map<string, string>, divisionCode: string, address: string): string {
  const places = [divisions.get(divisionCode.slice(0, 6)), divisions.get(divisionCode)].filter(
    (p): p is string => !!p && !address.includes(p),
  );
  return [...places, address.trim()].filter(Boolean).join(' · ');
}

type ActiveFilter = { key: string; label: string; without: SearchFilters };

/** What is applied, each as a tag that removes it: the search without it. */
export function activeFilters(f: SearchFilters, { t, divisions }: { t: TFunction; divisions: Map<string, string> }): ActiveFilter[] {
  const tags: ActiveFilter[] = [];
  const add = (key: string, label: string, without: Partial<SearchFilters>) => tags.push({ key, label, without: { ...f, ...without } });
  if (f.lat !== undefined && f.lng !== undefined) {
    add('point', t('search.tag.point', { km: f.radiusKm ?? 5 }), { lat: undefined, lng: undefined, radiusKm: undefined });
  }
  if (f.division) add('division', t('search.tag.division', { name: divisions.get(f.division) ?? f.division }), { division: undefined });
  if (f.q) add('q', t('search.tag.q', { q: f.q }), { q: undefined });
  if (f.birthDate) add('birthDate', t('search.tag.birthDate', { date: f.birthDate }), { birthDate: undefined, startDate: undefined });
  if (f.startDate) add('startDate', t('search.tag.startDate', { date: f.startDate }), { startDate: undefined });
  if (f.feeFrom !== undefined || f.feeTo !== undefined) {
    add('fee', t('search.tag.fee', { from: f.feeFrom ?? 0, to: f.feeTo ?? '∞' }), { feeFrom: undefined, feeTo: undefined });
  }
  if (f.serviceForm)
    add('serviceForm', t('search.tag.serviceForm', { form: t(`registry.serviceForm.${f.serviceForm}`) }), { serviceForm: undefined });
  if (f.vacancy) add('vacancy', t('search.vacancyOnly'), { vacancy: undefined });
  if (f.inclusive) add('inclusive', t('search.inclusiveOnly'), { inclusive: undefined });
  if (f.noOpenRectification) add('noOpenRectification', t('search.noOpenRectification'), { noOpenRectification: undefined });
  return tags;
}
