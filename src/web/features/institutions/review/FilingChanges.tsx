import { Card, Descriptions, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type DiffClass, type DiffDocument, type DiffFact, diffFiling, isEmptyDiff } from '../../../../domain/institutions/filingDiff.ts';
import type { FilingDetail, OpeningHours } from '../api';
import { joinList, yuan } from '../registry/format';
import { DocumentLink } from './FilingDocuments';

const LABEL: Record<DiffFact, string> = {
  name: 'registry.keyFact.name',
  creditCode: 'registry.keyFact.creditCode',
  operatorType: 'registry.keyFact.operatorType',
  address: 'registry.keyFact.address',
  divisionCode: 'registry.keyFact.divisionCode',
  location: 'registry.keyFact.location',
  indoorAreaM2: 'registry.keyFact.indoorAreaM2',
  outdoorAreaM2: 'registry.keyFact.outdoorAreaM2',
  servesMeals: 'registry.keyFact.servesMeals',
  facilities: 'registry.keyFact.facilities',
  description: 'registry.keyFact.description',
  serviceForms: 'registry.serviceForms',
  openingHours: 'institutions.hours',
  monthlyFeeYuan: 'institutions.fees',
  contactPhone: 'institutions.phone',
};

/** A fact's value in words, as the registry page writes it. */
function inWords(t: TFunction, fact: DiffFact, value: unknown, townships: Map<string, string>): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (fact) {
    case 'operatorType':
      return t(`registry.operator.${value as string}`);
    case 'divisionCode':
      return townships.get(value as string) ?? (value as string);
    case 'location': {
      const { lat, lng } = value as { lat: number; lng: number };
      return `${lat.toFixed(5)}, ${lng.toFixed(5)}`;
    }
    case 'indoorAreaM2':
    case 'outdoorAreaM2':
      return t('registry.m2', { value });
    case 'servesMeals':
      return value ? t('registry.mealsYes') : t('registry.mealsNo');
    case 'facilities':
      return joinList(t, value as string[]);
    case 'serviceForms':
      return joinList(
        t,
        (value as string[]).map((s) => t(`registry.serviceForm.${s}`)),
      );
    case 'openingHours': {
      const h = value as OpeningHours;
      const days = h.weekdays.map((d) => t(`institutions.weekday.${d}`)).join('');
      return `${days} ${h.opensAt}–${h.closesAt}`;
    }
    case 'monthlyFeeYuan':
      return joinList(
        t,
        Object.entries(value as Record<string, number>).map(
          ([c, fee]) => `${t('institutions.feeFor', { type: t(`institutions.classType.${c}`) })} ${yuan(fee)}`,
        ),
      );
    default:
      return String(value);
  }
}

const classText = (t: TFunction, c: DiffClass) => `${c.name}（${t(`institutions.classType.${c.classType}`)} ${c.capacity}）`;

/**
 * A change filing against the filing in force, in words: each changed fact before → after,
 * classes added, removed or changed, documents replaced. The rule is `diffFiling` in src/domain.
 */
export function FilingChanges({ filing, townships }: { filing: FilingDetail; townships: Map<string, string> }) {
  const { t } = useTranslation();
  if (!filing.filedSnapshot) return null;
  const diff = diffFiling(filing.filedSnapshot, filing.snapshot);
  const arrow = (before: string, after: string) => (
    <span>
      <Typography.Text delete type="secondary">
        {before}
      </Typography.Text>
      {' → '}
      <Typography.Text strong>{after}</Typography.Text>
    </span>
  );
  const docs = (list: DiffDocument[]) =>
    list.length === 0 ? '—' : list.map((d) => <DocumentLink key={d.id} institutionId={filing.institutionId} document={d} />);
  const items = [
    ...diff.facts.map((c) => ({
      key: c.fact,
      label: t(LABEL[c.fact]),
      children: arrow(inWords(t, c.fact, c.before, townships), inWords(t, c.fact, c.after, townships)),
    })),
    ...diff.classes.added.map((c) => ({ key: `add-${c.id}`, label: t('institutions.changes.classAdded'), children: classText(t, c) })),
    ...diff.classes.removed.map((c) => ({
      key: `remove-${c.id}`,
      label: t('institutions.changes.classRemoved'),
      children: <Typography.Text delete>{classText(t, c)}</Typography.Text>,
    })),
    ...diff.classes.changed.map((c) => ({
      key: `change-${c.after.id}`,
      label: t('institutions.changes.classChanged'),
      children: arrow(classText(t, c.before), classText(t, c.after)),
    })),
    ...diff.documents.map((d) => ({
      key: `doc-${d.documentType}`,
      label: t(
        d.before.length === 0
          ? 'institutions.changes.documentAdded'
          : d.after.length === 0
            ? 'institutions.changes.documentRemoved'
            : 'institutions.changes.documentReplaced',
        { document: t(`institutions.doc.${d.documentType}`) },
      ),
      children: (
        <span>
          {docs(d.before)}
          {' → '}
          {docs(d.after)}
        </span>
      ),
    })),
  ];
  return (
    <Card title={t('institutions.changes.title')} data-testid="filing-changes">
      {isEmptyDiff(diff) ? (
        <Typography.Text type="secondary">{t('institutions.changes.none')}</Typography.Text>
      ) : (
        <Descriptions column={1} size="small" bordered items={items} />
      )}
    </Card>
  );
}
