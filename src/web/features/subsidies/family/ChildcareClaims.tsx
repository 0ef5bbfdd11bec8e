import { Button, Flex, Input, message, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import { useDivisionTree } from '../../geography/queries';
import { findDivision } from '../../geography/search';
import { formatYuan, shanghaiMinute } from '../applications/format';
import type { ClaimStatus, OfficialClaim } from './api';
import { useChildcareClaims, useDecideClaim } from './queries';

const CLAIM_STATUSES: readonly ClaimStatus[] = ['applied', 'approved', 'rejected'];
const CLAIM_COLOR: Record<ClaimStatus, string> = { applied: 'blue', approved: 'green', rejected: 'red' };

/**
 * 育儿补贴 applications in the official's area, by the child's residence. The server sends no
 * names: the township, the birth month and the amount are what deciding and paying need.
 */
export function ChildcareClaims() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<ClaimStatus | 'all'>('applied');
  const claims = useChildcareClaims(status === 'all' ? undefined : status);
  const divisions = useDivisionTree();
  const place = (code: string) => findDivision(divisions.data?.tree ?? [], code)?.name ?? code;

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('subsidyApplications.claims.lead')}</Typography.Text>
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as ClaimStatus | 'all')}
        options={[...CLAIM_STATUSES, 'all' as const].map((s) => ({
          value: s,
          label: s === 'all' ? t('subsidyApplications.all') : t(`subsidyApplications.claims.status.${s}`),
        }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {claims.isPending ? (
        <PageLoading />
      ) : claims.isError ? (
        <LoadError error={claims.error} onRetry={() => void claims.refetch()} />
      ) : (
        <Table<OfficialClaim>
          rowKey="id"
          size="small"
          dataSource={claims.data.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: true }}
          data-testid="childcare-claims"
          locale={{ emptyText: t('subsidyApplications.claims.empty') }}
          columns={[
            { title: t('subsidyApplications.claims.residence'), dataIndex: 'residenceDivisionCode', render: place },
            { title: t('subsidyApplications.claims.birthMonth'), dataIndex: 'birthMonth' },
            {
              title: t('subsidyApplications.claims.total'),
              dataIndex: 'totalFen',
              align: 'right',
              render: (fen: number) => formatYuan(fen, i18n.language),
            },
            { title: t('subsidyApplications.claims.appliedAt'), dataIndex: 'appliedAt', render: (at: string) => shanghaiMinute(at) },
            {
              title: t('subsidyApplications.statusLabel'),
              dataIndex: 'status',
              render: (s: ClaimStatus, row) => (
                <Flex vertical gap={2}>
                  <Tag color={CLAIM_COLOR[s]} style={{ alignSelf: 'flex-start' }}>
                    {t(`subsidyApplications.claims.status.${s}`)}
                  </Tag>
                  {row.reason && <Typography.Text type="secondary">{row.reason}</Typography.Text>}
                </Flex>
              ),
            },
            {
              title: t('subsidyApplications.claims.decide'),
              key: 'decide',
              render: (_, row) => row.status === 'applied' && <Decide claim={row} />,
            },
          ]}
        />
      )}
    </Flex>
  );
}

/** Approve at once; a rejection first asks for the reason the family will read. */
function Decide({ claim }: { claim: OfficialClaim }) {
  const { t } = useTranslation();
  const decide = useDecideClaim();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const done = {
    onSuccess: () => void message.success(t('subsidyApplications.claims.decided')),
    onError: (e: Error) => void message.error(e.message),
  };

  if (rejecting)
    return (
      <Flex gap={8} wrap style={{ minWidth: 260 }}>
        <Input
          size="small"
          autoFocus
          maxLength={500}
          aria-label={t('subsidyApplications.claims.reason')}
          placeholder={t('subsidyApplications.claims.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          style={{ flex: 1, minWidth: 140 }}
        />
        <Button
          size="small"
          danger
          disabled={!reason.trim()}
          loading={decide.isPending}
          onClick={() => decide.mutate({ claimId: claim.id, input: { decision: 'reject', reason: reason.trim() } }, done)}
        >
          {t('subsidyApplications.claims.confirmReject')}
        </Button>
        <Button size="small" onClick={() => setRejecting(false)}>
          {t('subsidyApplications.cancel')}
        </Button>
      </Flex>
    );
  return (
    <Flex gap={8}>
      <Button
        size="small"
        type="primary"
        loading={decide.isPending}
        onClick={() => decide.mutate({ claimId: claim.id, input: { decision: 'approve' } }, done)}
      >
        {t('subsidyApplications.claims.approve')}
      </Button>
      <Button size="small" danger onClick={() => setRejecting(true)}>
        {t('subsidyApplications.claims.reject')}
      </Button>
    </Flex>
  );
}
