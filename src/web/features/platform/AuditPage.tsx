import { Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/PageStatus';
import { currentLanguage } from '../../i18n';
import type { AuditEntry } from './api';
import { useRecentAudit } from './queries';

const LIMIT = 50;

/** The product's time zone is Asia/Shanghai wherever the reader's computer is. */
function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLanguage(), {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(iso));
}

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

export default function AuditPage() {
  const { t } = useTranslation();
  const audit = useRecentAudit(LIMIT);

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', render: formatTime, onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
    { title: t('audit.action'), dataIndex: 'action', render: (action: string) => <span style={mono}>{action}</span> },
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
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('audit.lead')}</Typography.Paragraph>
      {audit.isError ? (
        <LoadError error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={audit.isPending}
          columns={columns}
          dataSource={audit.data?.items}
          pagination={false}
          locale={{ emptyText: t('audit.empty') }}
        />
      )}
    </>
  );
}
