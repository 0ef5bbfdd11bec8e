import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVoucherCode } from '../../../../domain/subsidies/voucherCode.ts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useFeedback } from '../../../components/feedback';
import { LoadError } from '../../../components/PageStatus';
import { shanghaiTime } from '../../enrollment/format';
import { keys as enrollmentKeys } from '../../enrollment/queries';
import { type Redemption, reverseRedemption } from './api';
import { yuan } from './format';
import { keys, useRedemptions } from './queries';

const STATUS_COLOR: Record<Redemption['status'], string> = { redeemed: 'green', reversed: 'default', settled: 'blue', paid: 'cyan' };

/** The month's redemptions at this institution; one of this month, not yet settled, can be reversed with a reason. */
export function RedemptionsCard({ institutionId, month }: { institutionId: string; month: string }) {
  const { t } = useTranslation();
  const redemptions = useRedemptions(institutionId, month);
  const [reversing, setReversing] = useState<Redemption | null>(null);
  return (
    <Card size="small" title={t('statements.redemptionsTitle', { month })} data-testid="redemptions">
      {redemptions.isError ? (
        <LoadError error={redemptions.error} onRetry={() => void redemptions.refetch()} />
      ) : (
        <Table<Redemption>
          rowKey="id"
          size="small"
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          loading={redemptions.isPending}
          dataSource={redemptions.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('statements.noRedemptions') }}
          columns={[
            { title: t('statements.redeemedAt'), dataIndex: 'redeemedAt', render: (at: string) => shanghaiTime(at, true) },
            { title: t('statements.child'), dataIndex: 'childName' },
            { title: t('statements.code'), dataIndex: 'code', render: (code: string) => formatVoucherCode(code) },
            { title: t('statements.statementMonth'), dataIndex: 'statementMonth' },
            { title: t('statements.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => yuan(fen) },
            {
              title: t('statements.status'),
              dataIndex: 'status',
              render: (status: Redemption['status'], r) => (
                <>
                  <Tag color={STATUS_COLOR[status]}>{t(`statements.redemptionStatus.${status}`)}</Tag>
                  {r.reversalReason && <Typography.Text type="secondary">{r.reversalReason}</Typography.Text>}
                </>
              ),
            },
            {
              title: t('statements.actions'),
              key: 'reverse',
              render: (_, r) =>
                r.reversible && (
                  <Button size="small" danger onClick={() => setReversing(r)} data-testid="reverse">
                    {t('statements.reverse')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      {reversing && <ReverseDialog redemption={reversing} onClose={() => setReversing(null)} />}
    </Card>
  );
}

function ReverseDialog({ redemption, onClose }: { redemption: Redemption; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const reverse = useMutation({
    mutationFn: () => reverseRedemption(redemption.id, reason.trim()),
    onSuccess: async () => {
      void message.success(t('statements.reversed'));
      await Promise.all([
        client.invalidateQueries({ queryKey: enrollmentKeys.statements }),
        client.invalidateQueries({ queryKey: keys.redemptions(redemption.institutionId, redemption.month) }),
      ]);
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('statements.reverseTitle', { name: redemption.childName, amount: yuan(redemption.amountFen) })}
      okText={t('statements.reverse')}
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: reverse.isPending }}
      cancelText={t('statements.cancel')}
      onOk={() => reverse.mutate()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('statements.reverseHelp')}</Typography.Paragraph>
      <Input.TextArea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={500}
        placeholder={t('statements.reverseReason')}
        aria-label={t('statements.reverseReason')}
      />
      <ErrorAlert error={reverse.error} style={{ marginTop: 8 }} />
    </Modal>
  );
}
