import { Card, Descriptions, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatVoucherCode } from '../../../../domain/subsidies/voucherCode.ts';
import { CertificateCheck } from '../../../components/CertificateCheck';
import type { Verification, VerificationStatus } from './api';
import { shanghaiMinute } from './format';
import { useVerification } from './queries';

const RESULT_STATUS: Record<VerificationStatus, 'success' | 'warning' | 'error'> = {
  valid: 'success',
  expired: 'warning',
  revoked: 'error',
  not_operating: 'error',
};

/**
 * The public check of a utility-price certificate (水电气执行居民生活类价格证明), for the water, power
 * and gas companies: the facts printed on the certificate and whether it holds today.
 */
export default function VerifyCertificatePage() {
  return (
    <CertificateCheck texts="verifyCertificate." pathname="/verify/utility-certificates" useCheck={useVerification}>
      {(verification) => <Outcome verification={verification} />}
    </CertificateCheck>
  );
}

function Outcome({ verification: v }: { verification: Verification }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="verification" data-status={v.status}>
      <Result
        status={RESULT_STATUS[v.status]}
        title={<span data-testid="verification-status">{t(`verifyCertificate.status.${v.status}`)}</span>}
        subTitle={t(`verifyCertificate.explain.${v.status}`)}
        style={{ padding: '16px 0' }}
      />
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'code',
            label: t('verifyCertificate.code'),
            children: <span style={{ fontFamily: 'monospace' }}>{formatVoucherCode(v.code)}</span>,
          },
          { key: 'institution', label: t('verifyCertificate.institution'), children: v.institutionName },
          { key: 'creditCode', label: t('verifyCertificate.creditCode'), children: v.creditCode },
          { key: 'address', label: t('verifyCertificate.address'), children: v.address },
          { key: 'filing', label: t('verifyCertificate.filingNumber'), children: v.filingNumber },
          { key: 'issuer', label: t('verifyCertificate.issuer'), children: v.issuer },
          { key: 'issued', label: t('verifyCertificate.issuedOn'), children: v.issuedOn },
          { key: 'valid', label: t('verifyCertificate.validUntil'), children: v.validUntil },
          { key: 'checked', label: t('verifyCertificate.checkedAt'), children: shanghaiMinute(v.checkedAt) },
        ]}
      />
    </Card>
  );
}
