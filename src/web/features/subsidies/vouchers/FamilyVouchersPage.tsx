import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import type { RolePageProps } from '../../../components/RoleShell';
import { shanghaiTime } from '../../enrollment/format';
import { type VoucherApplication, withdrawVoucherApplication } from './api';
import { ProgramOffer } from './ProgramOffer';
import { keys, useAvailablePrograms, useMyVouchers, useVoucherApplications } from './queries';
import { VoucherCard } from './VoucherCard';

const APPLICATION_COLOR: Record<VoucherApplication['status'], string> = {
  pending: 'blue',
  won: 'green',
  lost: 'default',
  withdrawn: 'default',
};

/** 补贴券: the family's vouchers to show at the institution, the programs to claim from, lottery applications. Phone first. */
export default function FamilyVouchersPage(_: RolePageProps) {
  const { t } = useTranslation();
  const vouchers = useMyVouchers();
  const available = useAvailablePrograms();
  const applications = useVoucherApplications();

  if (vouchers.isPending || available.isPending || applications.isPending) return <PageLoading />;
  if (vouchers.isError) return <LoadError error={vouchers.error} onRetry={() => void vouchers.refetch()} />;
  if (available.isError) return <LoadError error={available.error} onRetry={() => void available.refetch()} />;
  if (applications.isError) return <LoadError error={applications.error} onRetry={() => void applications.refetch()} />;

  // Usable ones first, those running out soonest on top: they are what the family needs to act on.
  const mine = [...vouchers.data.items].sort(
    (a, b) => Number(b.status === 'active') - Number(a.status === 'active') || a.expiresOn.localeCompare(b.expiresOn),
  );
  const expiring = mine.filter((v) => v.expiresSoon).length;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 640 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('vouchers.title')}
      </Typography.Title>
      {expiring > 0 && (
        <Alert type="warning" showIcon title={t('vouchers.expiringBanner', { count: expiring })} data-testid="expiring-banner" />
      )}

      <Card size="small" title={t('vouchers.mine')} data-testid="my-vouchers">
        {mine.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('vouchers.none')} />
        ) : (
          <Flex vertical gap={12}>
            <Typography.Text type="secondary">{t('vouchers.showAtDesk')}</Typography.Text>
            {mine.map((voucher) => (
              <VoucherCard key={voucher.id} voucher={voucher} />
            ))}
          </Flex>
        )}
      </Card>

      <Card size="small" title={t('vouchers.available')} data-testid="available-programs">
        {available.data.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('vouchers.noneAvailable')} />
        ) : (
          <Flex vertical gap={12}>
            {available.data.items.map((program) => (
              <ProgramOffer key={program.id} program={program} />
            ))}
          </Flex>
        )}
      </Card>

      {applications.data.items.length > 0 && <Applications items={applications.data.items} />}
    </Flex>
  );
}

function Applications({ items }: { items: VoucherApplication[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const withdraw = useMutation({
    mutationFn: withdrawVoucherApplication,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.family }),
  });
  return (
    <Card size="small" title={t('vouchers.applications')} data-testid="lottery-applications">
      <List
        dataSource={items}
        renderItem={(a) => (
          <List.Item
            actions={
              a.status === 'pending'
                ? [
                    <Button
                      key="withdraw"
                      size="small"
                      loading={withdraw.isPending && withdraw.variables === a.id}
                      onClick={() => withdraw.mutate(a.id)}
                    >
                      {t('vouchers.withdraw')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={<span style={{ whiteSpace: 'normal' }}>{a.programName}</span>}
              description={
                <Flex vertical gap={2}>
                  <span>
                    {a.childName} <Tag color={APPLICATION_COLOR[a.status]}>{t(`vouchers.applicationStatus.${a.status}`)}</Tag>
                  </span>
                  {a.lotteryAt && <span>{t('vouchers.lotteryAt', { time: shanghaiTime(a.lotteryAt, true) })}</span>}
                </Flex>
              }
            />
          </List.Item>
        )}
      />
      <ErrorAlert error={withdraw.error} />
    </Card>
  );
}
