import { Alert, Button, Flex, Form, Input, Radio, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ComplaintAction, ComplaintWorkflow } from '../../../../domain/complaints/complaintWorkflow.ts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useFeedback } from '../../../components/feedback';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import { showFieldErrors } from '../../../components/showFieldErrors';
import type { Complaint, ComplaintFilter } from './api';
import { ComplaintCard } from './ComplaintCard';
import { useComplaints, useOrderInspection, useTransition } from './queries';

type View = 'open' | 'overdue' | 'all';
const FILTERS: Record<View, ComplaintFilter> = { open: {}, overdue: { overdue: 'true' }, all: {} };
const OPEN = new Set<Complaint['status']>(['submitted', 'accepted', 'escalated']);

/**
 * 投诉办理: a district official's queue (the city's: every district's), overdue first and in red;
 * each complaint offers the steps the transition table allows the reader, with the reason or
 * answer each needs.
 */
export default function ComplaintQueuePage() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('open');
  const complaints = useComplaints(FILTERS[view]);
  const items = (complaints.data?.items ?? [])
    .filter((c) => view !== 'open' || OPEN.has(c.status))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue));
  return (
    <Flex vertical gap={16} style={{ maxWidth: 860 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('complaints.queue.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('complaints.queue.lead')}</Typography.Text>
      <Segmented<View>
        value={view}
        onChange={setView}
        options={(['open', 'overdue', 'all'] as const).map((v) => ({ value: v, label: t(`complaints.queue.${v}`) }))}
      />
      {complaints.isPending ? (
        <PageLoading />
      ) : complaints.isError ? (
        <LoadError error={complaints.error} onRetry={() => void complaints.refetch()} />
      ) : items.length === 0 ? (
        <Typography.Text type="secondary">{t('complaints.queue.empty')}</Typography.Text>
      ) : (
        items.map((c) => (
          <ComplaintCard key={c.id} complaint={c}>
            {c.inspection && (
              <Link to={`/official/inspections/${c.inspection.id}`} data-testid="open-inspection">
                {t('complaints.inspection.open')}
              </Link>
            )}
            {c.mayOrderInspection && <OrderInspection complaintId={c.id} />}
            {c.allowedActions.length > 0 && <Handle complaint={c} />}
          </ComplaintCard>
        ))
      )}
    </Flex>
  );
}

/** A targeted inspection of the institution, its inspectors drawn at random by the server. */
function OrderInspection({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const order = useOrderInspection();
  return (
    <Flex vertical gap={8}>
      <Button
        style={{ alignSelf: 'flex-start' }}
        loading={order.isPending}
        data-testid="order-inspection"
        onClick={() => order.mutate(complaintId, { onSuccess: () => void message.success(t('complaints.inspection.done')) })}
      >
        {t('complaints.inspection.order')}
      </Button>
      {order.isError && <ErrorAlert error={order.error} />}
    </Flex>
  );
}

type Values = { reason?: string; answer?: string; upheld?: boolean };

function Handle({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const transition = useTransition();
  const [action, setAction] = useState<ComplaintAction | null>(null);
  const [problem, setProblem] = useState<string[]>([]);
  const [form] = Form.useForm<Values>();
  const needs = action ? ComplaintWorkflow.step(complaint.status, action)?.needs : null;

  const take = (chosen: ComplaintAction, values: Values = {}) => {
    setProblem([]);
    transition.mutate(
      { complaintId: complaint.id, body: { action: chosen, ...values } },
      {
        onSuccess: () => {
          setAction(null);
          form.resetFields();
          void message.success(t(`complaints.done.${chosen}`));
        },
        onError: (error) => setProblem(showFieldErrors(form, error, { reason: 'reason', answer: 'answer', upheld: 'upheld' })),
      },
    );
  };

  const choose = (chosen: ComplaintAction) => {
    if (ComplaintWorkflow.step(complaint.status, chosen)?.needs === null) take(chosen);
    else setAction(chosen);
  };

  return (
    <Flex vertical gap={8} style={{ marginTop: 4 }}>
      {action && needs ? (
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => take(action, values)} data-testid="transition-form">
          {needs === 'reason' ? (
            <Form.Item
              name="reason"
              label={t(`complaints.reasonFor.${action}`)}
              rules={[{ required: true, whitespace: true, message: t('complaints.reasonRequired') }]}
            >
              <Input.TextArea rows={2} maxLength={500} autoFocus />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="upheld" label={t('complaints.upheld')} rules={[{ required: true, message: t('complaints.upheldRequired') }]}>
                <Radio.Group>
                  <Radio value={true}>{t('complaints.upheldYes')}</Radio>
                  <Radio value={false}>{t('complaints.upheldNo')}</Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item
                name="answer"
                label={t('complaints.answer')}
                rules={[{ required: true, whitespace: true, message: t('complaints.answerRequired') }]}
              >
                <Input.TextArea rows={3} maxLength={2000} autoFocus />
              </Form.Item>
            </>
          )}
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={transition.isPending} data-testid="transition-confirm">
              {t(`complaints.action.${action}`)}
            </Button>
            <Button onClick={() => setAction(null)}>{t('complaints.cancel')}</Button>
          </Flex>
        </Form>
      ) : (
        <Flex gap={8} wrap>
          {complaint.allowedActions.map((a) => (
            <Button
              key={a}
              type={a === 'accept' || a === 'resolve' ? 'primary' : 'default'}
              danger={a === 'reject'}
              loading={transition.isPending && transition.variables?.body.action === a}
              onClick={() => choose(a)}
              data-testid={`action-${a}`}
            >
              {t(`complaints.action.${a}`)}
            </Button>
          ))}
        </Flex>
      )}
      {problem.length > 0 && <Alert type="error" showIcon title={problem.join('；')} data-testid="transition-error" />}
    </Flex>
  );
}
