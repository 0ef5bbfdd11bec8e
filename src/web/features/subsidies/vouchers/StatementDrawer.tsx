import { Descriptions, Divider, Drawer, Flex, Grid, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import type { Statement } from '../../enrollment/api';
import { shanghaiTime } from '../../enrollment/format';
import { useStatement } from '../../enrollment/queries';
import { yuan } from './format';
import { RedeemForm } from './RedeemForm';

/** One child's statement for the month: its lines and deductions, and a voucher to redeem against what is still due. */
export function StatementDrawer({ statementId, onClose }: { statementId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  const statement = useStatement(statementId);
  return (
    <Drawer
      open
      onClose={onClose}
      size={wide ? 600 : '100%'}
      title={statement.data ? t('statements.drawerTitle', { name: statement.data.childName, month: statement.data.month }) : ''}
    >
      {statement.isPending ? (
        <PageLoading />
      ) : statement.isError ? (
        <LoadError error={statement.error} onRetry={() => void statement.refetch()} />
      ) : (
        <StatementBody statement={statement.data} />
      )}
    </Drawer>
  );
}

type Row = { key: string; label: string; amountFen: number; testId?: string };

function StatementBody({ statement: s }: { statement: Statement }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} data-testid="statement">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('statements.class')}>
          {s.className}（{t(`enrollment.classType.${s.classType}`)}）
        </Descriptions.Item>
        <Descriptions.Item label={t('statements.monthlyFee')}>{yuan(s.monthlyFeeFen)}</Descriptions.Item>
        <Descriptions.Item label={t('statements.days')}>
          {t('statements.daysOf', { charged: s.chargedDays, service: s.serviceDays })}
        </Descriptions.Item>
        <Descriptions.Item label={t('statements.absentDays')}>{s.absentDays}</Descriptions.Item>
      </Descriptions>
      <Lines statement={s} />
      <Divider style={{ margin: '4px 0' }} />
      <Flex justify="space-between" align="baseline">
        <Typography.Text strong>{t('statements.totalDue')}</Typography.Text>
        <Typography.Text strong style={{ fontSize: 22 }} data-testid="statement-total-due">
          {yuan(s.totalDueFen)}
        </Typography.Text>
      </Flex>
      {s.totalDueFen > 0 ? <RedeemForm statement={s} /> : <Typography.Text type="secondary">{t('statements.nothingDue')}</Typography.Text>}
    </Flex>
  );
}

/** The fee, its reductions and the deductions, each signed as it moves the amount due. */
function Lines({ statement }: { statement: Statement }) {
  const { t } = useTranslation();
  const rows: Row[] = [
    ...statement.lines.map((line, i) => ({
      key: `line-${i}`,
      label:
        line.days === null
          ? t(`statements.line.${line.kind}`)
          : t('statements.lineDays', { kind: t(`statements.line.${line.kind}`), days: line.days }),
      amountFen: line.amountFen,
    })),
    ...statement.deductions.map((d) => ({
      key: d.id,
      label: `${t(`statements.deduction.${d.kind}`)}${d.reference ? ` ${d.reference}` : ''} · ${shanghaiTime(d.createdAt, true)}`,
      amountFen: -d.appliedFen,
      testId: 'deduction',
    })),
  ];
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      pagination={false}
      showHeader={false}
      dataSource={rows}
      onRow={(row) => (row.testId ? ({ 'data-testid': row.testId } as React.HTMLAttributes<HTMLElement>) : {})}
      columns={[
        { dataIndex: 'label' },
        { dataIndex: 'amountFen', align: 'right', render: (fen: number) => (fen < 0 ? `−${yuan(-fen)}` : yuan(fen)) },
      ]}
    />
  );
}
