import { Button, Card, Descriptions, Flex, Form, Input, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { formatVoucherCode, normalizeVoucherCode } from '../../../../domain/subsidies/voucherCode.ts';
import { ApiError } from '../../../api/client';
import { LoadError, PageLoading } from '../../../components/PageStatus';
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
  const { t } = useTranslation();
  // Links carry the code after `#`, which no server sees; certificates printed earlier put it in the path.
  const { hash } = useLocation();
  const { code: pathCode } = useParams();
  const code = hash.slice(1) || pathCode;
  const verification = useVerification(code);

  return (
    <Flex vertical gap={16} style={{ maxWidth: 720, margin: '0 auto', width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('verifyCertificate.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('verifyCertificate.lead')}
        </Typography.Paragraph>
      </div>
      {code &&
        (verification.isPending ? (
          <PageLoading />
        ) : verification.isError ? (
          verification.error instanceof ApiError && verification.error.status === 404 ? (
            <Card>
              <Result status="error" title={t('verifyCertificate.notFound')} subTitle={t('verifyCertificate.notFoundHint', { code })} />
            </Card>
          ) : (
            <LoadError error={verification.error} onRetry={() => void verification.refetch()} />
          )
        ) : (
          <Outcome verification={verification.data} />
        ))}
      <CodeForm key={code} another={!!code} />
    </Flex>
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

/** A code typed from paper: checked here for its check character before anything is asked of the server. */
function CodeForm({ another }: { another: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card size="small" title={another ? t('verifyCertificate.another') : undefined}>
      <Form
        layout="vertical"
        onFinish={(v: { code: string }) => navigate({ pathname: '/verify/utility-certificates', hash: normalizeVoucherCode(v.code) ?? '' })}
      >
        <Form.Item
          label={t('verifyCertificate.codeLabel')}
          name="code"
          extra={t('verifyCertificate.codeHint')}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                normalizeVoucherCode(value ?? '') ? Promise.resolve() : Promise.reject(t('verifyCertificate.codeInvalid')),
            },
          ]}
        >
          <Input placeholder="XXXX-XXXX-XXXX" autoComplete="off" style={{ fontFamily: 'monospace', maxWidth: 280 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('verifyCertificate.check')}
        </Button>
      </Form>
    </Card>
  );
}
