import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Flex, message, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { compareIso, todayInShanghai, toShanghaiDate } from '../../../../domain/dates/shanghai.ts';
import type { Certificate } from './api';
import { shanghaiMinute } from './format';
import { useCertificateRequests, useCertificates, useRequestCertificate } from './queries';

/** What a certificate is worth today as the director sees it; the public check says the same from the server. */
function standing(c: Certificate): 'valid' | 'expired' | 'revoked' {
  if (c.revokedAt) return 'revoked';
  return compareIso(todayInShanghai(new Date()), c.validUntil) > 0 ? 'expired' : 'valid';
}

const STANDING_COLOR = { valid: 'green', expired: 'default', revoked: 'red' } as const;

/**
 * 水电气执行居民生活类价格证明: the district health bureau issues it, so the director of a filed
 * institution in operation asks for it here and sees the bureau's answer; the PDF goes to the
 * water, power or gas company, which checks the code on the public page.
 */
export function CertificatesCard({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const certificates = useCertificates(institutionId);
  const requests = useCertificateRequests(institutionId);
  const ask = useRequestCertificate(institutionId);
  const items = certificates.data?.items ?? [];
  const latest = requests.data?.items[0];
  const waiting = latest?.status === 'requested';

  return (
    <Card
      size="small"
      title={t('subsidyApplications.certificate.title')}
      data-testid="certificates"
      extra={
        <Popconfirm
          title={t('subsidyApplications.certificate.requestConfirm')}
          okText={t('account.ok')}
          cancelText={t('account.cancel')}
          disabled={waiting}
          onConfirm={() =>
            ask.mutate(undefined, {
              onSuccess: () => void message.success(t('subsidyApplications.certificate.requested')),
              onError: (e) => void message.error(e.message),
            })
          }
        >
          <Button type="primary" size="small" loading={ask.isPending} disabled={waiting}>
            {t('subsidyApplications.certificate.request')}
          </Button>
        </Popconfirm>
      }
    >
      <Typography.Paragraph type="secondary">{t('subsidyApplications.certificate.lead')}</Typography.Paragraph>
      {latest && latest.status !== 'issued' && (
        <Alert
          data-testid="certificate-request"
          data-status={latest.status}
          style={{ marginBottom: 12 }}
          showIcon
          type={waiting ? 'info' : 'warning'}
          title={
            waiting
              ? t('subsidyApplications.certificate.pending', { at: shanghaiMinute(latest.requestedAt) })
              : t('subsidyApplications.certificate.returned', {
                  at: shanghaiMinute(latest.requestedAt),
                  reason: latest.returnReason ?? '',
                })
          }
        />
      )}
      {certificates.isError && <Typography.Text type="danger">{certificates.error.message}</Typography.Text>}
      {certificates.isSuccess && items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('subsidyApplications.certificate.none')} />
      )}
      <Flex vertical gap={12}>
        {items.map((c) => (
          <CertificateItem key={c.id} certificate={c} />
        ))}
      </Flex>
    </Card>
  );
}

function CertificateItem({ certificate: c }: { certificate: Certificate }) {
  const { t } = useTranslation();
  const state = standing(c);
  const publicAddress = `${window.location.origin}${c.verifyPath}`;
  return (
    <Card size="small" type="inner" data-testid="certificate">
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Text
          strong
          copyable={{ text: c.code }}
          data-testid="certificate-code"
          style={{ fontFamily: 'monospace', fontSize: 16 }}
        >
          {c.codeDisplay}
        </Typography.Text>
        <Tag color={STANDING_COLOR[state]} style={{ marginInlineEnd: 0 }}>
          {t(`verifyCertificate.status.${state}`)}
        </Tag>
      </Flex>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'issued', label: t('subsidyApplications.certificate.issuedOn'), children: toShanghaiDate(new Date(c.issuedAt)) },
          { key: 'valid', label: t('subsidyApplications.certificate.validUntil'), children: c.validUntil },
          { key: 'issuer', label: t('subsidyApplications.certificate.issuer'), children: c.issuer },
          { key: 'filing', label: t('subsidyApplications.certificate.filingNumber'), children: c.filingNumber },
          {
            key: 'check',
            label: t('subsidyApplications.certificate.checkAt'),
            children: (
              <Typography.Text copyable={{ text: publicAddress }} style={{ wordBreak: 'break-all' }}>
                <Link to={c.verifyPath} target="_blank" data-testid="certificate-verify-link">
                  {publicAddress}
                </Link>
              </Typography.Text>
            ),
          },
        ]}
      />
      <Button href={c.pdfPath} icon={<DownloadOutlined />} download data-testid="certificate-pdf">
        {t('subsidyApplications.certificate.download')}
      </Button>
    </Card>
  );
}
