import { Alert, Card, Flex, QRCode, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { shanghaiTime } from '../../enrollment/format';
import type { Voucher, VoucherStatus } from './api';
import { yuan } from './format';
import { UsableAt } from './UsableAt';

export const VOUCHER_STATUS_COLOR: Record<VoucherStatus, string> = { active: 'green', spent: 'default', expired: 'red' };

/** One voucher as the family shows it at the institution's desk: the code, its QR code, value and expiry. */
export function VoucherCard({ voucher }: { voucher: Voucher }) {
  const { t } = useTranslation();
  const active = voucher.status === 'active';
  return (
    <Card
      size="small"
      title={<span style={{ whiteSpace: 'normal' }}>{voucher.programName}</span>}
      extra={
        <Tag color={VOUCHER_STATUS_COLOR[voucher.status]} data-testid="voucher-status">
          {t(`vouchers.status.${voucher.status}`)}
        </Tag>
      }
      data-testid="voucher"
      data-child={voucher.childName}
    >
      {voucher.expiresSoon && (
        <Alert
          type="warning"
          showIcon
          title={t('vouchers.expiresSoon', { days: voucher.daysLeft, date: voucher.expiresOn })}
          style={{ marginBottom: 12 }}
          data-testid="expires-soon"
        />
      )}
      <Flex gap={16} wrap align="flex-start">
        {active && <QRCode value={voucher.qrText} size={132} bordered={false} style={{ padding: 0 }} aria-label={t('vouchers.qrLabel')} />}
        <Flex vertical gap={4} style={{ flex: '1 1 160px', minWidth: 0 }}>
          <Typography.Text type="secondary">{t('vouchers.forChild', { name: voucher.childName })}</Typography.Text>
          <Typography.Text strong style={{ fontSize: 24, lineHeight: 1.3 }} data-testid="voucher-balance">
            {yuan(voucher.balanceFen)}
          </Typography.Text>
          <Typography.Text type="secondary">{t('vouchers.faceValue', { amount: yuan(voucher.faceValueFen) })}</Typography.Text>
          <Typography.Text
            copyable={active ? { text: voucher.code } : false}
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 15, whiteSpace: 'nowrap' }}
            data-testid="voucher-code"
          >
            {voucher.codeDisplay}
          </Typography.Text>
        </Flex>
      </Flex>
      <Flex vertical gap={4} style={{ marginTop: 12 }}>
        <Typography.Text>
          {t('vouchers.validity', { from: voucher.validFrom, to: voucher.expiresOn })}
          {active && voucher.daysLeft >= 0 && ` · ${t('vouchers.daysLeft', { days: voucher.daysLeft })}`}
        </Typography.Text>
        <UsableAt where={voucher.usableAt} />
        {voucher.redemption && (
          <Typography.Text data-testid="voucher-redemption">
            {t('vouchers.redeemedAt', {
              time: shanghaiTime(voucher.redemption.redeemedAt, true),
              institution: voucher.redemption.institutionName,
              amount: yuan(voucher.redemption.amountFen),
            })}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
