import { Alert, Button, Flex, Form, Input, Rate, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import { showFieldErrors } from '../../../components/showFieldErrors';
import type { Complaint } from './api';
import { ComplaintCard } from './ComplaintCard';
import { useComplaints, useRate } from './queries';

/** 我的投诉: the complaints made with this account or its number, with status, deadline, answer and rating. */
export default function MyComplaintsPage() {
  const { t } = useTranslation();
  const complaints = useComplaints({ mine: 'true' });
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('complaints.mine.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('complaints.mine.lead')}</Typography.Text>
      {complaints.isPending ? (
        <PageLoading />
      ) : complaints.isError ? (
        <LoadError error={complaints.error} onRetry={() => void complaints.refetch()} />
      ) : complaints.data.items.length === 0 ? (
        <Typography.Text type="secondary">{t('complaints.mine.empty')}</Typography.Text>
      ) : (
        complaints.data.items.map((c) => (
          <ComplaintCard key={c.id} complaint={c}>
            {c.mayRate && <RateForm complaint={c} />}
          </ComplaintCard>
        ))
      )}
    </Flex>
  );
}

function RateForm({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const rate = useRate();
  const [form] = Form.useForm<{ score: number; comment?: string }>();
  const [problem, setProblem] = useState<string[]>([]);
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      data-testid="rate-form"
      onFinish={(values) =>
        rate.mutate(
          { complaintId: complaint.id, body: { score: values.score, ...(values.comment ? { comment: values.comment } : {}) } },
          { onError: (error) => setProblem(showFieldErrors(form, error, { score: 'score', comment: 'comment' })) },
        )
      }
    >
      <Form.Item name="score" label={t('complaints.mine.rate')} rules={[{ required: true, message: t('complaints.mine.rateRequired') }]}>
        <Rate />
      </Form.Item>
      <Form.Item name="comment" label={t('complaints.mine.comment')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      {problem.length > 0 && <Alert type="error" showIcon title={problem.join('；')} style={{ marginBottom: 8 }} />}
      <Button type="primary" htmlType="submit" loading={rate.isPending} data-testid="rate-submit">
        {t('complaints.mine.rateSubmit')}
      </Button>
    </Form>
  );
}
