import { Alert, Button, Card, Flex, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../components/feedback';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { showFieldErrors } from '../../components/showFieldErrors';
import { shanghaiMinute } from '../subsidies/applications/format';
import type { ReviewedDeletionRequest } from './api';
import { ErasureOutcome } from './ErasureOutcome';
import { STATUS_COLOR } from './MyDataPage';
import { useDecideDeletion, useDeletionRequests } from './queries';

/** The admin's review of personal-data deletion requests: open ones first. The child is never named here. */
export default function DeletionRequestsPage() {
  const { t } = useTranslation();
  const requests = useDeletionRequests();
  return (
    <Flex vertical gap={16} style={{ maxWidth: 860 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('privacy.review.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('privacy.review.lead')}</Typography.Text>
      {requests.isPending ? (
        <PageLoading />
      ) : requests.isError ? (
        <LoadError error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.data.items.length === 0 ? (
        <Typography.Text type="secondary">{t('privacy.review.empty')}</Typography.Text>
      ) : (
        requests.data.items.map((r) => <RequestCard key={r.id} request={r} />)
      )}
    </Flex>
  );
}

function RequestCard({ request: r }: { request: ReviewedDeletionRequest }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="review-request">
      <Flex vertical gap={6}>
        <Flex gap={8} align="center" wrap>
          <Tag color={STATUS_COLOR[r.status]} style={{ margin: 0 }}>
            {t(`privacy.status.${r.status}`)}
          </Tag>
          <Typography.Text strong>
            {r.scope === 'account' ? t('privacy.review.scopeAccount') : t('privacy.review.scopeChild')}
          </Typography.Text>
        </Flex>
        <Typography.Text>
          {t('privacy.review.requester', { name: r.requester.name, phone: r.requester.phoneMasked || '—' })}
        </Typography.Text>
        <Typography.Text type="secondary">{t('privacy.requestedAt', { at: shanghaiMinute(r.requestedAt) })}</Typography.Text>
        {r.reason && <Typography.Text>{t('privacy.review.reason', { reason: r.reason })}</Typography.Text>}
        {r.decisionReason && <Alert type="warning" title={t('privacy.rejectedBecause', { reason: r.decisionReason })} />}
        {r.outcome && <ErasureOutcome items={r.outcome} />}
        {r.status === 'pending' && <Decide request={r} />}
      </Flex>
    </Card>
  );
}

/** Approve after a confirmation; a rejection needs the reason the parent will read. A refusal shows at the buttons. */
function Decide({ request }: { request: ReviewedDeletionRequest }) {
  const { t } = useTranslation();
  const { modal, message } = useFeedback();
  const decide = useDecideDeletion();
  const [rejecting, setRejecting] = useState(false);
  const [refusal, setRefusal] = useState<string[]>([]);
  const [form] = Form.useForm<{ reason: string }>();

  const approve = () =>
    modal.confirm({
      title: t('privacy.review.approveTitle'),
      content: t('privacy.review.approveConfirm'),
      okText: t('privacy.review.approve'),
      cancelText: t('privacy.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-approve' },
      onOk: () =>
        decide
          .mutateAsync({ requestId: request.id })
          .then(() => void message.success(t('privacy.review.approved')))
          .catch((error: Error) => setRefusal([error.message])),
    });

  const reject = ({ reason }: { reason: string }) =>
    decide
      .mutateAsync({ requestId: request.id, reject: reason ?? '' })
      .then(() => void message.success(t('privacy.review.rejected')))
      .catch((error: Error) => setRefusal(showFieldErrors(form, error, { reason: 'reason' })));

  return (
    <Flex vertical gap={8} style={{ marginTop: 4 }}>
      {rejecting ? (
        <Form form={form} layout="vertical" onFinish={reject} requiredMark={false}>
          <Form.Item name="reason" label={t('privacy.review.rejectReason')} style={{ marginBottom: 8 }}>
            <Input.TextArea rows={2} maxLength={500} autoFocus />
          </Form.Item>
          <Flex gap={8} wrap>
            <Button danger htmlType="submit" loading={decide.isPending}>
              {t('privacy.review.confirmReject')}
            </Button>
            <Button onClick={() => setRejecting(false)}>{t('privacy.cancel')}</Button>
          </Flex>
        </Form>
      ) : (
        <Flex gap={8} wrap>
          <Button type="primary" onClick={approve} loading={decide.isPending} data-testid="approve">
            {t('privacy.review.approve')}
          </Button>
          <Button danger onClick={() => setRejecting(true)}>
            {t('privacy.review.reject')}
          </Button>
        </Flex>
      )}
      {refusal.length > 0 && <Alert type="error" showIcon title={refusal.join('；')} data-testid="error" />}
    </Flex>
  );
}
