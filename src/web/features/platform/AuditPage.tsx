import { Alert, Button, Card, Flex, Form, Input, Select, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, auditActionLabel } from '../../../domain/audit/actions.ts';
import { LoadError } from '../../components/PageStatus';
import { currentLanguage } from '../../i18n';
import { formatInstant } from '../../i18n/formatInstant';
import { type AuditEntry, type AuditFilters, auditExportHref } from './api';
import { useAuditPages, useVerifyAudit } from './queries';

const PAGE_SIZE = 50;

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 } as const;

/** Ids and hashes are long; the first characters tell entries apart by eye, the tooltip has all. */
function Short({ value, length = 8 }: { value: string | null; length?: number }) {
  if (!value) return <span style={mono}>—</span>;
  return (
    <span style={mono} title={value}>
      {value.length > length ? `${value.slice(0, length)}…` : value}
    </span>
  );
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Recomputes the whole chain on the server and says whether it holds, or where it breaks. */
function VerifyChain() {
  const { t } = useTranslation();
  const verify = useVerifyAudit();
  const result = verify.data;
  return (
    <Flex vertical gap={8}>
      <div>
        <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="verify-audit">
          {t('audit.verify')}
        </Button>
      </div>
      {verify.isError && <Alert type="error" showIcon title={verify.error.message} />}
      {result && (
        <Alert
          data-testid="verify-result"
          type={result.ok ? 'success' : 'error'}
          showIcon
          title={
            result.ok
              ? t('audit.verifiedOk', { checked: result.checked, checkpoints: result.checkpoints })
              : t('audit.verifiedBroken', { seq: result.problem?.seq, reason: t(`audit.problem.${result.problem?.reason}`) })
          }
          description={result.unsealed > 0 ? t('audit.unsealed', { count: result.unsealed }) : undefined}
        />
      )}
    </Flex>
  );
}

/** 审计日志: every write and every read of a child's data, filtered, paged, exported, and the chain verified. */
export default function AuditPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [filters, setFilters] = useState<AuditFilters>({});
  const audit = useAuditPages(filters, PAGE_SIZE);
  const entries = useMemo(() => audit.data?.pages.flatMap((p) => p.items) ?? [], [audit.data]);
  const actionOptions = useMemo(
    () => Object.keys(AUDIT_ACTIONS).map((action) => ({ value: action, label: auditActionLabel(action, lang) })),
    [lang],
  );

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      render: (at: string) => formatInstant(at, { dateStyle: 'short', timeStyle: 'medium' }),
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: string) => (
        <Tooltip title={<span style={mono}>{action}</span>}>
          <span data-testid="audit-action">{auditActionLabel(action, lang)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_, entry) => (
        <>
          <span style={mono}>{entry.entityType}</span> {entry.entityId && <Short value={entry.entityId} />}
        </>
      ),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      responsive: ['md'],
      render: (name: string | null, row: AuditEntry) => name ?? <Short value={row.actorId} />,
    },
    { title: t('audit.hash'), dataIndex: 'hash', responsive: ['lg'], render: (hash: string | null) => <Short value={hash} length={12} /> },
  ];

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('audit.lead')}</Typography.Paragraph>
      </div>
      <Card size="small">
        <Form
          layout="vertical"
          aria-label={t('audit.filters')}
          onFinish={(v: Record<string, unknown>) =>
            setFilters({
              action: text(v.action),
              entityType: text(v.entityType),
              entityId: text(v.entityId),
              from: text(v.from),
              to: text(v.to),
            })
          }
        >
          <Flex wrap gap={12} align="end">
            <Form.Item label={t('audit.action')} name="action" style={{ minWidth: 220, flex: 1, marginBottom: 0 }}>
              <Select allowClear showSearch optionFilterProp="label" options={actionOptions} placeholder={t('audit.anyAction')} />
            </Form.Item>
            <Form.Item label={t('audit.entityType')} name="entityType" style={{ marginBottom: 0 }}>
              <Input placeholder="child" />
            </Form.Item>
            <Form.Item label={t('audit.entityId')} name="entityId" style={{ marginBottom: 0 }}>
              <Input />
            </Form.Item>
            <Form.Item label={t('audit.from')} name="from" style={{ marginBottom: 0 }}>
              <Input type="date" />
            </Form.Item>
            <Form.Item label={t('audit.to')} name="to" style={{ marginBottom: 0 }}>
              <Input type="date" />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('audit.apply')}
            </Button>
            <Button href={auditExportHref(filters)} data-testid="audit-export">
              {t('audit.export')}
            </Button>
          </Flex>
        </Form>
      </Card>
      <VerifyChain />
      {audit.isError ? (
        <LoadError error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={audit.isPending}
          columns={columns}
          dataSource={entries}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('audit.empty') }}
          onRow={() => ({ 'data-testid': 'audit-entry' }) as React.HTMLAttributes<HTMLElement>}
        />
      )}
      {audit.hasNextPage && (
        <div>
          <Button onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage} data-testid="audit-more">
            {t('audit.more')}
          </Button>
        </div>
      )}
    </Flex>
  );
}
