import { Alert, Card, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { missingForFiling } from '../../../../domain/institutions/filingReadiness.ts';
import type { DocumentType } from '../../../../domain/institutions/vocabulary.ts';
import type { InstitutionRecord } from '../api';
import { activeElsewhereText, missingItemText } from '../filingItems';
import { documentInputId } from './DocumentsCard';

/**
 * Where a missing item is filled in: antd names a form field's input `<form name>_<field path>`
 * (the forms "facts", "service", "newClass" and "newStaff" on this page); the township has no
 * field here, so its item leads to the facts card.
 */
function targetOf(item: string): string {
  const [group, key = ''] = item.split('.', 2);
  if (group === 'documents') return documentInputId(key as DocumentType);
  if (group === 'fees') return `facts_fee_${key}`;
  if (group === 'classes') return 'newClass_name';
  if (group === 'staff') return 'newStaff_name';
  const field: Record<string, string> = {
    serviceForms: 'director-service',
    openingHours: 'service_openingHours_opensAt',
    location: 'facts_location_lat',
    divisionCode: 'director-facts',
  };
  return field[key] ?? `facts_${key}`;
}

/** The roster's card, where someone employed elsewhere is changed or let go. */
const STAFF_CARD = 'director-staff';

function jump(event: MouseEvent, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

/**
 * Before a filing is submitted: what it still needs, by the rule the server refuses a submission
 * with, each item a link to where it is filled in.
 */
export function FilingNeeds({ record }: { record: InstitutionRecord }) {
  const { t } = useTranslation();
  if (record.status !== 'draft' && record.status !== 'returned') return null;
  const missing = missingForFiling({
    facts: record.facts,
    classes: record.classes.filter((c) => !c.archived),
    staff: record.staff,
    documents: record.documents,
  });
  // Someone employed in another filed or reviewed institution: the submission would be refused for them.
  const elsewhere = record.rosterConflicts.map((c) => ({ id: c.staffId, text: activeElsewhereText(t, c.staffName, c.institution) }));
  return (
    <Card title={t('institutions.director.needsTitle')} data-testid="filing-needs">
      {elsewhere.length > 0 && (
        <ul style={{ margin: '0 0 12px', paddingInlineStart: 20 }}>
          {elsewhere.map((c) => (
            <li key={c.id} data-testid="filing-need-staff">
              <a href={`#${STAFF_CARD}`} onClick={(e) => jump(e, STAFF_CARD)}>
                {c.text}
              </a>
            </li>
          ))}
        </ul>
      )}
      {missing.length === 0 && elsewhere.length === 0 ? (
        <Alert type="success" showIcon title={t('institutions.director.needsNone')} />
      ) : (
        missing.length > 0 && (
          <>
            <Typography.Paragraph>{t('institutions.director.needsIntro', { count: missing.length })}</Typography.Paragraph>
            <ol style={{ margin: 0, paddingInlineStart: 20 }}>
              {missing.map((item) => {
                const id = targetOf(item);
                return (
                  <li key={item} data-testid="filing-need">
                    <a href={`#${id}`} onClick={(e) => jump(e, id)}>
                      {missingItemText(t, item)}
                    </a>
                  </li>
                );
              })}
            </ol>
          </>
        )
      )}
    </Card>
  );
}
