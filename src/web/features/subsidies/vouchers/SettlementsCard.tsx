import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sumFen } from '../../../../domain/money/fen.ts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useFeedback } from '../../../components/feedback';
import { LoadError } from '../../../components/PageStatus';
import { shanghaiTime } from '../../enrollment/format';
import { paySettlement, runSettlement, type Settlement, settlementsXlsxHref } from './api';
import { currentMonth, previousMonth, yuan } from './format';
import { keys, useSettlements } from './queries';

/**
 * 月度结算: what the city owes each institution for a month's redemptions. The city runs it
 * (last month by default, as the city does early each month) and marks each one paid; after
 * that the month's redemptions can no longer be reversed. District bureaus read only.
 */
export function SettlementsCard({ canSettle }: { canSettle: boolean }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const client = useQueryClient();
  const [month, setMonth] = useState(previousMonth);
  const [paying, setPaying] = useState<Settlement | null>(null);
  const settlements = useSettlements(month);
  const run = useMutation({
    mutationFn: () => runSettlement(month),
    onSuccess: (result) => {
      void message.success(t('voucherPrograms.settlement.done', { month: result.month, count: result.created.length }));
      // Settling moves redeemed money to payable in every program's accounts.
      return client.invalidateQueries({ queryKey: keys.all });
    },
  });
  const items = settlements.data?.items ?? [];

  return (
    <Card size="small" title={t('voucherPrograms.settlement.title')} data-testid="settlements">
      <Flex vertical gap={12}>
        <Flex gap={8} wrap align="center">
          <Input
            type="month"
            value={month}
            max={currentMonth()}
            onChange={(e) => e.target.value && setMonth(e.target.value)}
            style={{ width: 180 }}
            aria-label={t('voucherPrograms.settlement.month')}
          />
          {canSettle && (
            <Popconfirm
              title={t('voucherPrograms.settlement.confirm', { month })}
              onConfirm={() => run.mutate()}
              okText={t('voucherPrograms.ok')}
              cancelText={t('voucherPrograms.cancel')}
            >
              <Button type="primary" loading={run.isPending} data-testid="run-settlement">
                {t('voucherPrograms.settlement.run')}
              </Button>
            </Popconfirm>
          )}
          <Button icon={<DownloadOutlined />} href={settlementsXlsxHref(month)} download>
            {t('voucherPrograms.settlement.export')}
          </Button>
        </Flex>
        <ErrorAlert error={run.error} />
        {settlements.isError ? (
          <LoadError error={settlements.error} onRetry={() => void settlements.refetch()} />
        ) : (
          <Table<Settlement>
            rowKey="id"
            size="small"
            // One settlement per institution: the city has well over a hundred in a month.
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            loading={settlements.isPending}
            dataSource={items}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('voucherPrograms.settlement.empty') }}
            columns={[
              { title: t('voucherPrograms.settlement.institution'), dataIndex: 'institutionName' },
              { title: t('voucherPrograms.settlement.redemptions'), dataIndex: 'redemptions', align: 'right' },
              { title: t('voucherPrograms.settlement.total'), dataIndex: 'totalFen', align: 'right', render: (fen: number) => yuan(fen) },
              {
                title: t('voucherPrograms.settlement.status'),
                dataIndex: 'status',
                render: (status: Settlement['status'], s) => (
                  <Flex vertical>
                    <span>
                      <Tag color={status === 'paid' ? 'green' : 'gold'}>{t(`voucherPrograms.settlement.statusValue.${status}`)}</Tag>
                    </span>
                    {s.paidAt && (
                      <Typography.Text type="secondary">
                        {t('voucherPrograms.settlement.paidOn', { time: shanghaiTime(s.paidAt, true), reference: s.paymentReference })}
                      </Typography.Text>
                    )}
                  </Flex>
                ),
              },
              ...(canSettle
                ? [
                    {
                      title: t('voucherPrograms.settlement.actions'),
                      key: 'pay',
                      render: (_: unknown, s: Settlement) =>
                        s.status === 'settled' && (
                          <Button size="small" onClick={() => setPaying(s)}>
                            {t('voucherPrograms.settlement.pay')}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
            summary={() =>
              items.length > 0 && (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong>{t('voucherPrograms.settlement.sum')}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {items.reduce((n, s) => n + s.redemptions, 0)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    <Typography.Text strong>{yuan(sumFen(items.map((s) => s.totalFen)))}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} colSpan={canSettle ? 2 : 1} />
                </Table.Summary.Row>
              )
            }
          />
        )}
      </Flex>
      {paying && <PayDialog settlement={paying} onClose={() => setPaying(null)} />}
    </Card>
  );
}

function PayDialog({ settlement, onClose }: { settlement: Settlement; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reference, setReference] = useState('');
  const pay = useMutation({
    mutationFn: () => paySettlement(settlement.id, reference.trim()),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.all });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('voucherPrograms.settlement.payTitle', { name: settlement.institutionName, amount: yuan(settlement.totalFen) })}
      okText={t('voucherPrograms.settlement.pay')}
      okButtonProps={{ disabled: !reference.trim(), loading: pay.isPending }}
      cancelText={t('voucherPrograms.cancel')}
      onOk={() => pay.mutate()}
      onCancel={onClose}
    >
      <Input
        value={reference}
        onChange={(e) => setReference(e.target.value)}
        maxLength={100}
        placeholder={t('voucherPrograms.settlement.reference')}
        aria-label={t('voucherPrograms.settlement.reference')}
      />
      <ErrorAlert error={pay.error} style={{ marginTop: 8 }} />
    </Modal>
  );
}
