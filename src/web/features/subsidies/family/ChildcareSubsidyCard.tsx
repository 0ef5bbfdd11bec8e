import { Alert, Button, Card, Empty, Flex, message, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { toShanghaiDate } from '../../../../domain/dates/shanghai.ts';
import { formatCny } from '../../../../domain/money/fen.ts';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import type { ChildRecord } from '../../children/api';
import type { ChildcareSubsidy, ClaimStatus } from './api';
import { useApplyChildcareSubsidy, useChildcareSubsidy } from './queries';

const CLAIM_COLOR: Record<ClaimStatus, string> = { applied: 'blue', approved: 'green', rejected: 'red' };

/** 育儿补贴: for each child, the months and amounts due under 3, and the application for them. */
export function ChildcareSubsidyCard({ items }: { items: ChildRecord[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('benefits.subsidy.title')} data-testid="childcare-subsidy">
      <Typography.Paragraph type="secondary">{t('benefits.subsidy.lead')}</Typography.Paragraph>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('benefits.noChildren')} />
      ) : (
        <Flex vertical gap={12}>
          {items.map((child) => (
            <ChildSubsidy key={child.id} childId={child.id} />
          ))}
        </Flex>
      )}
    </Card>
  );
}

function ChildSubsidy({ childId }: { childId: string }) {
  const { t, i18n } = useTranslation();
  const subsidy = useChildcareSubsidy(childId);
  const apply = useApplyChildcareSubsidy(childId);
  if (subsidy.isPending) return <PageLoading />;
  if (subsidy.isError) return <LoadError error={subsidy.error} onRetry={() => void subsidy.refetch()} />;
  const s = subsidy.data;
  const money = (fen: number) => formatCny(fen, i18n.language);
  const due = s.years.length > 0;

  return (
    <Card size="small" type="inner" title={s.childName} extra={due && money(s.totalFen)} data-testid="subsidy-child">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          {t('benefits.subsidy.policy', { amount: money(s.policy.yearlyFen), from: s.policy.fromMonth, birthDate: s.birthDate })}
        </Typography.Text>
        {due ? (
          <Table<ChildcareSubsidy['years'][number]>
            rowKey="year"
            size="small"
            pagination={false}
            dataSource={s.years}
            columns={[
              { title: t('benefits.subsidy.year'), dataIndex: 'year' },
              {
                title: t('benefits.subsidy.months'),
                dataIndex: 'months',
                render: (months: string[]) => (
                  <Flex vertical>
                    <span>{t('benefits.subsidy.monthRange', { first: months[0], last: months.at(-1) })}</span>
                    <Typography.Text type="secondary">{t('benefits.subsidy.monthCount', { count: months.length })}</Typography.Text>
                  </Flex>
                ),
              },
              { title: t('benefits.subsidy.amount'), dataIndex: 'amountFen', align: 'right', render: money },
            ]}
          />
        ) : (
          <Typography.Text>{t('benefits.subsidy.notDue')}</Typography.Text>
        )}
        <ClaimState subsidy={s} />
        {due && !s.claim && (
          <Popconfirm
            title={t('benefits.subsidy.applyConfirm')}
            okText={t('benefits.subsidy.apply')}
            cancelText={t('benefits.subsidy.cancel')}
            onConfirm={() =>
              apply.mutate(undefined, {
                onSuccess: () => void message.success(t('benefits.subsidy.applied')),
                onError: (e) => void message.error(e.message),
              })
            }
          >
            <Button type="primary" loading={apply.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('benefits.subsidy.apply')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
    </Card>
  );
}

function ClaimState({ subsidy: { claim } }: { subsidy: ChildcareSubsidy }) {
  const { t } = useTranslation();
  if (!claim) return null;
  const day = (iso: string) => toShanghaiDate(new Date(iso));
  return (
    <Flex vertical gap={4} data-testid="subsidy-claim">
      <Flex gap={8} align="center" wrap>
        <Tag color={CLAIM_COLOR[claim.status]} style={{ marginInlineEnd: 0 }}>
          {t(`benefits.subsidy.status.${claim.status}`)}
        </Tag>
        <Typography.Text type="secondary">
          {claim.decidedAt
            ? t('benefits.subsidy.decidedOn', { date: day(claim.decidedAt) })
            : t('benefits.subsidy.appliedOn', { date: day(claim.appliedAt) })}
        </Typography.Text>
      </Flex>
      {claim.reason && <Alert type={claim.status === 'rejected' ? 'error' : 'info'} showIcon title={claim.reason} />}
    </Flex>
  );
}
