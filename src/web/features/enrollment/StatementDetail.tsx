import { Descriptions, Divider, Flex, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCny } from '../../../domain/money/fen.ts';
import type { Statement } from './api';
import { shanghaiTime } from './format';

type Row = { key: string; label: string; amountFen: number; testId?: string };

/** One month's statement as a family and the institution read it: the fee, its reductions, the deductions, what is due. */
export function StatementDetail({ statement: s }: { statement: Statement }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} data-testid="statement">
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('statements.class')}>
          {s.className}（{t(`enrollment.classType.${s.classType}`)}）
        </Descriptions.Item>
        <Descriptions.Item label={t('statements.monthlyFee')}>{formatCny(s.monthlyFeeFen)}</Descriptions.Item>
        <Descriptions.Item label={t('statements.days')}>
          {t('statements.daysOf', { charged: s.chargedDays, service: s.serviceDays })}
        </Descriptions.Item>
        <Descriptions.Item label={t('statements.absentDays')}>{s.absentDays}</Descriptions.Item>
        <Descriptions.Item label={t('statements.deductions')}>
          <span data-testid="statement-deductions">{formatCny(s.deductionsFen)}</span>
        </Descriptions.Item>
      </Descriptions>
      <Lines statement={s} />
      <Divider style={{ margin: '4px 0' }} />
      <Flex justify="space-between" align="baseline">
        <Typography.Text strong>{t('statements.totalDue')}</Typography.Text>
        <Typography.Text strong style={{ fontSize: 22 }} data-testid="statement-total-due">
          {formatCny(s.totalDueFen)}
        </Typography.Text>
      </Flex>
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
      onRow={(row) => (row.testId ? ({ 'data-testid': row.testId } as HTMLAttributes<HTMLElement>) : {})}
      columns={[
        { dataIndex: 'label' },
        { dataIndex: 'amountFen', align: 'right', render: (fen: number) => (fen < 0 ? `−${formatCny(-fen)}` : formatCny(fen)) },
      ]}
    />
  );
}
