import { Button, Card, Empty, Flex, Form, Input, message, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RolePageProps } from '../../../components/RoleShell';
import { showFieldErrors } from '../../../components/showFieldErrors';
import type { CertificateRequest } from './api';
import { shanghaiMinute } from './format';
import { useCertificateRequestQueue, useDecideCertificateRequest } from './queries';

/**
 * Utility-certificate requests waiting in the official's division. The district health bureau
 * is the issuer, so only its officials approve (the certificate is issued then) or return them.
 */
export function CertificateRequests({ grant }: Pick<RolePageProps, 'grant'>) {
  const { t } = useTranslation();
  const queue = useCertificateRequestQueue();
  if (queue.isPending) return null;
  if (queue.isError) return <Typography.Text type="danger">{queue.error.message}</Typography.Text>;
  if (queue.data.items.length === 0) return <Empty description={t('subsidyApplications.certificate.queueEmpty')} />;
  return (
    <Flex vertical gap={12} data-testid="certificate-requests">
      {queue.data.items.map((r) => (
        <RequestCard key={r.id} request={r} decides={grant.role === 'district_official'} />
      ))}
    </Flex>
  );
}

function RequestCard({ request: r, decides }: { request: CertificateRequest; decides: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const [reason, setReason] = useState('');
  const [returning, setReturning] = useState(false);
  const decide = useDecideCertificateRequest();
  const onError = (e: Error) => {
    const rest = showFieldErrors(form, e, { reason: 'reason' });
    if (rest.length > 0) void message.error(rest.join('；'));
  };
  return (
    <Card size="small" data-testid="certificate-request-item" title={r.institutionName}>
      <Typography.Paragraph type="secondary">
        {t('subsidyApplications.certificate.requestedAt')}：{shanghaiMinute(r.requestedAt)}
      </Typography.Paragraph>
      {decides && (
        <Form form={form} layout="vertical" onValuesChange={(_, all: { reason?: string }) => setReason(all.reason ?? '')}>
          {returning && (
            <Form.Item name="reason" label={t('subsidyApplications.certificate.returnReason')}>
              <Input.TextArea maxLength={500} aria-label={t('subsidyApplications.certificate.returnReason')} />
            </Form.Item>
          )}
          <Space wrap>
            <Popconfirm
              title={t('subsidyApplications.certificate.approveConfirm', { institution: r.institutionName })}
              okText={t('account.ok')}
              cancelText={t('account.cancel')}
              onConfirm={() =>
                decide.mutate(
                  { requestId: r.id, decision: { decision: 'approve' } },
                  { onSuccess: () => void message.success(t('subsidyApplications.certificate.approvedToast')), onError },
                )
              }
            >
              <Button type="primary" loading={decide.isPending && decide.variables?.decision.decision === 'approve'}>
                {t('subsidyApplications.certificate.approve')}
              </Button>
            </Popconfirm>
            <Button
              danger
              disabled={returning && !reason.trim()}
              loading={decide.isPending && decide.variables?.decision.decision === 'return'}
              onClick={() =>
                returning
                  ? decide.mutate(
                      { requestId: r.id, decision: { decision: 'return', reason } },
                      { onSuccess: () => void message.success(t('subsidyApplications.certificate.returnedToast')), onError },
                    )
                  : setReturning(true)
              }
            >
              {t('subsidyApplications.certificate.return')}
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
