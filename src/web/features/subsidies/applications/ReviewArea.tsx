import { Flex, Select, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useSearchParams } from 'react-router';
import { APPLICATION_STATUSES, SUBSIDY_KINDS } from '../../../../domain/subsidies/institutionSubsidies.ts';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import type { RolePageProps } from '../../../components/RoleShell';
import { ChildcareClaims } from '../family/ChildcareClaims';
import { StatusTag } from './ApplicationParts';
import type { ApplicationStatus, SubsidyApplication, SubsidyKind } from './api';
import { CertificateRequests } from './CertificateRequests';
import { formatYuan, shanghaiMinute } from './format';
import { useApplicationQueue } from './queries';
import { ReviewDetail } from './ReviewDetail';

/** The officials' subsidy reviews: institution applications (queue and detail) and childcare subsidy claims. */
export default function ReviewArea(props: RolePageProps) {
  return (
    <Routes>
      <Route index element={<ReviewHome {...props} />} />
      <Route path=":applicationId" element={<ReviewDetail {...props} />} />
    </Routes>
  );
}

const ALL = 'all';

function ReviewHome(props: RolePageProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab = asked === 'claims' || asked === 'certificates' ? asked : 'applications';
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('subsidyApplications.reviewTitle')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'applications' ? {} : { tab: key })}
        items={[
          { key: 'applications', label: t('subsidyApplications.applicationsTab'), children: <ApplicationQueue {...props} /> },
          { key: 'claims', label: t('subsidyApplications.claims.tab'), children: <ChildcareClaims /> },
          {
            key: 'certificates',
            label: t('subsidyApplications.certificate.tab'),
            children: <CertificateRequests grant={props.grant} />,
          },
        ]}
      />
    </Flex>
  );
}

/**
 * Filtered by status and kind, kept in the address so the back button returns to the same list.
 * Each level starts on the applications waiting for it: the district on new ones, the city on
 * those the district passed.
 */
function ApplicationQueue({ grant, base }: RolePageProps) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const waiting: ApplicationStatus = grant.role === 'city_official' ? 'district_approved' : 'submitted';
  const statusParam = params.get('status') ?? waiting;
  const kindParam = params.get('kind') ?? ALL;
  const status = (APPLICATION_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as ApplicationStatus) : undefined;
  const kind = (SUBSIDY_KINDS as readonly string[]).includes(kindParam) ? (kindParam as SubsidyKind) : undefined;
  const queue = useApplicationQueue({ status, kind });
  const setFilter = (key: 'status' | 'kind', value: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set(key, value);
      return next;
    });
  const money = (fen: number | null) => (fen === null ? '—' : formatYuan(fen, i18n.language));

  return (
    <Flex vertical gap={12}>
      <Flex gap={16} wrap align="center">
        <Flex gap={8} align="center">
          <Typography.Text>{t('subsidyApplications.statusLabel')}</Typography.Text>
          <Select
            aria-label={t('subsidyApplications.statusLabel')}
            value={status ?? ALL}
            onChange={(v) => setFilter('status', v)}
            style={{ width: 160 }}
            options={[ALL, ...APPLICATION_STATUSES].map((s) => ({
              value: s,
              label: s === ALL ? t('subsidyApplications.all') : t(`subsidyApplications.status.${s}`),
            }))}
          />
        </Flex>
        <Flex gap={8} align="center">
          <Typography.Text>{t('subsidyApplications.kindLabel')}</Typography.Text>
          <Select
            aria-label={t('subsidyApplications.kindLabel')}
            value={kind ?? ALL}
            onChange={(v) => setFilter('kind', v)}
            style={{ width: 180 }}
            options={[ALL, ...SUBSIDY_KINDS].map((k) => ({
              value: k,
              label: k === ALL ? t('subsidyApplications.all') : t(`subsidyApplications.kind.${k}`),
            }))}
          />
        </Flex>
      </Flex>
      {queue.isPending ? (
        <PageLoading />
      ) : queue.isError ? (
        <LoadError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <Table<SubsidyApplication>
          rowKey="id"
          size="small"
          dataSource={queue.data.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: true }}
          data-testid="review-queue"
          locale={{ emptyText: t('subsidyApplications.queueEmpty') }}
          columns={[
            {
              title: t('subsidyApplications.institution'),
              dataIndex: 'institutionName',
              render: (name: string, row) => <Link to={`${base}/subsidy-applications/${row.id}`}>{name}</Link>,
            },
            {
              title: t('subsidyApplications.kindLabel'),
              dataIndex: 'kind',
              render: (k: SubsidyKind) => t(`subsidyApplications.kind.${k}`),
            },
            { title: t('subsidyApplications.period'), key: 'period', render: (_, row) => `${row.periodFrom} – ${row.periodTo}` },
            { title: t('subsidyApplications.requested'), dataIndex: 'requestedFen', align: 'right', render: money },
            { title: t('subsidyApplications.approved'), dataIndex: 'approvedFen', align: 'right', render: money },
            {
              title: t('subsidyApplications.statusLabel'),
              dataIndex: 'status',
              render: (s: ApplicationStatus) => <StatusTag status={s} />,
            },
            { title: t('subsidyApplications.submittedAt'), dataIndex: 'submittedAt', render: (at: string) => shanghaiMinute(at) },
          ]}
        />
      )}
    </Flex>
  );
}
