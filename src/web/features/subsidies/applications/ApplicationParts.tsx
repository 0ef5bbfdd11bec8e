import { FileOutlined } from '@ant-design/icons';
import { Descriptions, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ApplicationStatus, applicationFileHref, type SubsidyApplication, type SubsidyDetails, type SubsidyKind } from './api';
import { formatYuan, shanghaiMinute } from './format';

/** The facts each kind is judged on, in the order the form asks for them (server: SubsidyDetails). */
export const DETAIL_FIELDS: Record<SubsidyKind, (keyof SubsidyDetails)[]> = {
  social_insurance: ['insuredStaff', 'months'],
  new_place: ['newPlaces'],
  operating: ['places', 'months'],
};

export const STATUS_COLOR: Record<ApplicationStatus, string> = {
  submitted: 'blue',
  district_approved: 'geekblue',
  approved: 'green',
  returned: 'orange',
  withdrawn: 'default',
};

export function StatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="application-status" style={{ marginInlineEnd: 0 }}>
      {t(`subsidyApplications.status.${status}`)}
    </Tag>
  );
}

/** Why the application came back: the note of the last return, which the director must answer. */
export function returnNote(application: SubsidyApplication): string | null {
  if (application.status !== 'returned') return null;
  return application.events.findLast((e) => e.toStatus === 'returned')?.note ?? null;
}

export function ApplicationFacts({ application: a }: { application: SubsidyApplication }) {
  const { t, i18n } = useTranslation();
  const money = (fen: number) => formatYuan(fen, i18n.language);
  const facts = DETAIL_FIELDS[a.kind]
    .filter((field) => a.details[field] !== undefined)
    .map((field) => t('subsidyApplications.detailValue', { label: t(`subsidyApplications.detail.${field}`), value: a.details[field] }))
    .join(t('subsidyApplications.listSeparator'));
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: 'institution', label: t('subsidyApplications.institution'), children: a.institutionName },
        { key: 'kind', label: t('subsidyApplications.kindLabel'), children: t(`subsidyApplications.kind.${a.kind}`) },
        { key: 'period', label: t('subsidyApplications.period'), children: `${a.periodFrom} – ${a.periodTo}` },
        { key: 'details', label: t('subsidyApplications.details'), children: facts || '—' },
        ...(a.description ? [{ key: 'description', label: t('subsidyApplications.description'), children: a.description }] : []),
        { key: 'requested', label: t('subsidyApplications.requested'), children: money(a.requestedFen) },
        ...(a.suggestedFen === null
          ? []
          : [{ key: 'suggested', label: t('subsidyApplications.suggested'), children: money(a.suggestedFen) }]),
        ...(a.approvedFen === null
          ? []
          : [
              {
                key: 'approved',
                label: t('subsidyApplications.approved'),
                children: (
                  <Typography.Text strong data-testid="approved-amount">
                    {money(a.approvedFen)}
                  </Typography.Text>
                ),
              },
            ]),
        { key: 'submitted', label: t('subsidyApplications.submittedAt'), children: shanghaiMinute(a.submittedAt) },
      ]}
    />
  );
}

/** The documents, each opened (downloaded) from the server, which checks the reader's scope. */
export function ApplicationFiles({ application }: { application: SubsidyApplication }) {
  const { t } = useTranslation();
  if (application.files.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('subsidyApplications.noFiles')} />;
  return (
    <Flex vertical gap={4} data-testid="application-files">
      {application.files.map((f) => (
        <Typography.Link key={f.id} href={applicationFileHref(application.id, f.id)} target="_blank" rel="noopener">
          <FileOutlined /> {f.filename}{' '}
          <Typography.Text type="secondary">
            {t('subsidyApplications.fileSize', { kb: Math.max(1, Math.round(f.sizeBytes / 1024)) })}
          </Typography.Text>
        </Typography.Link>
      ))}
    </Flex>
  );
}

const EVENT_COLOR: Record<string, string> = { approved: 'green', returned: 'red', withdrawn: 'gray' };

/** Every step of the review, oldest first: who did what, when, with the reasons and amounts. */
export function ApplicationHistory({ application }: { application: SubsidyApplication }) {
  const { t, i18n } = useTranslation();
  return (
    <Timeline
      data-testid="application-history"
      items={application.events.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: EVENT_COLOR[e.toStatus] ?? 'blue',
        content: (
          <Flex vertical gap={2}>
            <Typography.Text type="secondary">{shanghaiMinute(e.at)}</Typography.Text>
            <Typography.Text>
              {t(`subsidyApplications.event.${e.action}`, { defaultValue: e.action })}
              {e.actorName ? ` · ${e.actorName}` : ''}
            </Typography.Text>
            {e.amountFen !== null && (
              <Typography.Text>{t('subsidyApplications.eventAmount', { amount: formatYuan(e.amountFen, i18n.language) })}</Typography.Text>
            )}
            {e.note && <Typography.Text type="secondary">{e.note}</Typography.Text>}
          </Flex>
        ),
      }))}
    />
  );
}
