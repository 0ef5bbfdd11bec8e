import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sumFen } from '../../../../domain/money/fen.ts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import type { RolePageProps } from '../../../components/RoleShell';
import { type GenerateResult, generateStatements, type StatementSummary, statementsXlsxHref } from '../../enrollment/api';
import { keys, useStatements } from '../../enrollment/queries';
import { currentMonth, yuan } from './format';
import { RedemptionsCard } from './RedemptionsCard';
import { StatementDrawer } from './StatementDrawer';

/** 收费与核销: the month's fee statements of every child, redemption of vouchers on them, and the month's redemptions. */
export default function StatementsPage({ grant }: RolePageProps) {
  const { t } = useTranslation();
  const institutionId = grant.institutionId ?? '';
  const [month, setMonth] = useState(currentMonth);
  const [open, setOpen] = useState<string | null>(null);
  const client = useQueryClient();
  const statements = useStatements(institutionId, month);
  const generate = useMutation({
    mutationFn: () => generateStatements(institutionId, month),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.statements }),
  });
  const latest = generate.data?.month === month ? generate.data : undefined;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('statements.title')}
      </Typography.Title>
      <Flex gap={8} wrap align="center">
        <Input
          type="month"
          value={month}
          max={currentMonth()}
          onChange={(e) => e.target.value && setMonth(e.target.value)}
          style={{ width: 180 }}
          aria-label={t('statements.month')}
          data-testid="statement-month"
        />
        <Button type="primary" loading={generate.isPending} onClick={() => generate.mutate()} data-testid="generate">
          {t('statements.generate')}
        </Button>
        <Button icon={<DownloadOutlined />} href={statementsXlsxHref(institutionId, month)} download data-testid="export-statements">
          {t('statements.export')}
        </Button>
      </Flex>
      <ErrorAlert error={generate.error} />
      {latest && <GenerateOutcome result={latest} />}

      {statements.isPending ? (
        <PageLoading />
      ) : statements.isError ? (
        <LoadError error={statements.error} onRetry={() => void statements.refetch()} />
      ) : (
        <StatementTable items={statements.data.items} onOpen={setOpen} />
      )}

      <RedemptionsCard institutionId={institutionId} month={month} />
      {open && <StatementDrawer statementId={open} onClose={() => setOpen(null)} />}
    </Flex>
  );
}

function GenerateOutcome({ result }: { result: GenerateResult }) {
  const { t } = useTranslation();
  const notes = [
    ...result.locked.map((l) => t('statements.locked', { name: l.childName })),
    ...result.skipped.map((s) => t('statements.skipped', { name: s.childName, classType: t(`enrollment.classType.${s.classType}`) })),
  ];
  return (
    <Alert
      type={result.skipped.length > 0 ? 'warning' : 'success'}
      showIcon
      closable
      title={t('statements.generated', { month: result.month, created: result.created, replaced: result.replaced })}
      description={notes.length > 0 ? notes.join('；') : undefined}
      data-testid="generated"
    />
  );
}

function StatementTable({ items, onOpen }: { items: StatementSummary[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const money = { align: 'right' as const, render: (fen: number) => yuan(fen) };
  return (
    <Card size="small" title={t('statements.listTitle', { count: items.length })}>
      <Table
        rowKey="id"
        size="small"
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('statements.empty') }}
        data-testid="statements"
        columns={[
          { title: t('statements.child'), dataIndex: 'childName' },
          { title: t('statements.class'), dataIndex: 'className' },
          {
            title: t('statements.days'),
            key: 'days',
            align: 'right',
            render: (_, s) => t('statements.daysOf', { charged: s.chargedDays, service: s.serviceDays }),
          },
          { title: t('statements.absentDays'), dataIndex: 'absentDays', align: 'right' },
          { title: t('statements.fee'), dataIndex: 'subtotalFen', ...money },
          { title: t('statements.deductions'), dataIndex: 'deductionsFen', ...money },
          {
            title: t('statements.totalDue'),
            dataIndex: 'totalDueFen',
            align: 'right',
            render: (fen: number) => <Typography.Text strong>{yuan(fen)}</Typography.Text>,
          },
          {
            title: t('statements.actions'),
            key: 'open',
            render: (_, s) => (
              <Button size="small" type={s.totalDueFen > 0 ? 'primary' : 'default'} ghost={s.totalDueFen > 0} onClick={() => onOpen(s.id)}>
                {s.totalDueFen > 0 ? t('statements.redeem') : t('statements.view')}
              </Button>
            ),
          },
        ]}
        summary={() =>
          items.length > 0 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4}>
                <Typography.Text strong>{t('statements.total')}</Typography.Text>
              </Table.Summary.Cell>
              {(['subtotalFen', 'deductionsFen', 'totalDueFen'] as const).map((k, i) => (
                <Table.Summary.Cell key={k} index={4 + i} align="right">
                  <Typography.Text strong>{yuan(sumFen(items.map((s) => s[k])))}</Typography.Text>
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={7} />
            </Table.Summary.Row>
          )
        }
      />
    </Card>
  );
}
