import { Alert, Card, Checkbox, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useParams } from 'react-router';
import { todayInShanghai } from '../../../domain/dates/shanghai.ts';
import { allowedFilingActions } from '../../../domain/institutions/filingWorkflow.ts';
import { LoadError, PageLoading } from '../../components/PageStatus';
import type { RolePageProps } from '../../components/RoleShell';
import { activeElsewhereText } from './filingItems';
import { useFiling, useFilingQueue } from './queries';
import { ReviewDecision } from './ReviewDecision';
import { CompliancePanel } from './registry/CompliancePanel';
import { useScopeDivisions } from './registry/divisions';
import { FilingChanges } from './review/FilingChanges';
import { FilingDocuments } from './review/FilingDocuments';

/** The district's review queue and one filing's review page, under the official's "filings" area. */
export default function FilingsArea(props: RolePageProps) {
  return (
    <Routes>
      <Route index element={<FilingQueuePage {...props} />} />
      <Route path=":filingId" element={<ReviewPage {...props} />} />
    </Routes>
  );
}

function FilingQueuePage({ base }: RolePageProps) {
  const { t } = useTranslation();
  const queue = useFilingQueue();
  if (queue.isPending) return <PageLoading />;
  if (queue.isError) return <LoadError error={queue.error} onRetry={() => void queue.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('institutions.queueTitle')}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={queue.data.items}
        scroll={{ x: true }}
        columns={[
          {
            title: t('institutions.name'),
            dataIndex: 'institutionName',
            render: (name: string, row) => <Link to={`${base}/filings/${row.id}`}>{name}</Link>,
          },
          { title: t('institutions.kind'), dataIndex: 'kind', render: (k: string) => t(`institutions.filingKind.${k}`) },
          {
            title: t('institutions.statusLabel'),
            dataIndex: 'institutionStatus',
            render: (s: string) => <Tag>{t(`institutions.status.${s}`)}</Tag>,
          },
          { title: t('institutions.waiting'), dataIndex: 'waitingDays', render: (d: number) => t('institutions.days', { count: d }) },
        ]}
      />
    </Space>
  );
}

function ReviewPage({ grant, base }: RolePageProps) {
  const { t, i18n } = useTranslation();
  const { filingId = '' } = useParams();
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  const filing = useFiling(filingId);
  const divisions = useScopeDivisions(grant.divisionCode);
  if (filing.isPending) return <PageLoading />;
  if (filing.isError) return <LoadError error={filing.error} onRetry={() => void filing.refetch()} />;
  const f = filing.data;
  // Only the reviewing actions belong on this page; the table says which the status offers to this role.
  const offered = allowedFilingActions(f.institutionStatus, [grant.role], false).filter(
    (a) => (a === 'start_review' || a === 'file' || a === 'return') && f.allowedActions.includes(a),
  );
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const snap = f.snapshot as {
    facts: {
      name: string;
      creditCode: string | null;
      address: string | null;
      indoorAreaM2: number | null;
      outdoorAreaM2: number | null;
      monthlyFeeYuan: Record<string, number>;
    };
    classes: { id: string; classType: string; name: string; capacity: number }[];
    staff: { id: string; name: string; role: string }[];
    documents: { id: string; documentType: string | null; filename: string; contentType: string }[];
  };
  const fees = Object.entries(snap.facts.monthlyFeeYuan)
    .map(([c, fee]) => `${t('institutions.feeFor', { type: t(`institutions.classType.${c}`) })} ${fee}`)
    .join('；');
  const snapshotRows: [string, string][] = [
    [t('institutions.name'), snap.facts.name],
    [t('institutions.creditCode'), snap.facts.creditCode ?? '—'],
    [t('institutions.address'), snap.facts.address ?? '—'],
    [t('institutions.indoorArea'), String(snap.facts.indoorAreaM2 ?? '—')],
    [t('institutions.outdoorArea'), String(snap.facts.outdoorAreaM2 ?? '—')],
    [t('institutions.fees'), fees || '—'],
    [
      t('institutions.classes'),
      snap.classes.map((c) => `${c.name}（${t(`institutions.classType.${c.classType}`)} ${c.capacity}）`).join('；') || '—',
    ],
    [t('institutions.staff'), snap.staff.map((m) => `${m.name}（${t(`institutions.role.${m.role}`)}）`).join('；') || '—'],
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to={`${base}/filings`}>{t('institutions.backToQueue')}</Link>
      <Typography.Title level={2}>{f.institutionName}</Typography.Title>
      <Space wrap>
        <Tag data-testid="filing-status">{t(`institutions.status.${f.institutionStatus}`)}</Tag>
        <Tag>{t(`institutions.filingKind.${f.kind}`)}</Tag>
        {f.receiptNumber && (
          <Typography.Text data-testid="receipt-number">{t('institutions.filingNumberIs', { number: f.receiptNumber })}</Typography.Text>
        )}
      </Space>
      {f.reasons && <Alert type="warning" message={t('institutions.reason')} description={f.reasons} />}
      {f.filedDespiteReason && (
        <Alert type="info" showIcon title={t('institutions.filedDespite')} description={f.filedDespiteReason} data-testid="filed-despite" />
      )}
      {(f.rosterConflicts ?? []).length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="roster-conflicts"
          title={t('institutions.rosterConflicts')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {(f.rosterConflicts ?? []).map((c) => (
                <li key={c.staffId}>{activeElsewhereText(t, c.staffName, c.institution)}</li>
              ))}
            </ul>
          }
        />
      )}
      {/* While open, the problems as they are now (what filing passes over); once decided, as submitted. */}
      <CompliancePanel
        problems={f.compliance ?? f.snapshot.compliance}
        checkedOn={f.compliance ? todayInShanghai(new Date()) : todayInShanghai(new Date(f.submittedAt))}
        named={f.snapshot}
      />
      <FilingChanges filing={f} townships={divisions.names} />
      <FilingDocuments institutionId={f.institutionId} documents={snap.documents} />
      <Card title={t('institutions.snapshot')}>
        <Descriptions column={1} size="small" bordered>
          {snapshotRows.map(([k, v]) => (
            <Descriptions.Item key={k} label={k}>
              {v}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Card title={t('institutions.checklist')}>
        <Space direction="vertical">
          {f.checklistItems.map((c) => (
            <Checkbox
              key={c.item}
              checked={checked[c.item] ?? f.checklist?.[c.item] ?? false}
              disabled={!offered.includes('file')}
              onChange={(e) => setChecked((prev) => ({ ...prev, [c.item]: e.target.checked }))}
            >
              {c[lang]}
            </Checkbox>
          ))}
        </Space>
      </Card>
      {offered.length > 0 && <ReviewDecision filing={f} offered={offered} checked={checked} problems={(f.compliance ?? []).length} />}
    </Space>
  );
}
