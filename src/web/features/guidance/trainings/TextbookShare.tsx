import { Alert, Button, Flex, Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../components/feedback';
import { showFieldErrors } from '../../../components/showFieldErrors';
import type { TrainingDetail } from './api';
import { useShareTextbook, useTrainings } from './queries';

type Values = { fromTrainingId?: string };

/**
 * 使用其他培训的教材 — the center gives the training the textbook already uploaded for another one
 * (the director training textbook serves every director training), chosen among the trainings that
 * have one; the server's refusals show at the field.
 */
export function TextbookShare({ detail }: { detail: TrainingDetail }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const [rest, setRest] = useState<string[]>([]);
  const trainings = useTrainings();
  const sharing = useShareTextbook();
  const options = (trainings.data?.items ?? [])
    .filter((o) => o.id !== detail.id && o.textbook)
    .map((o) => ({ value: o.id, label: `${o.title}（${o.textbook?.filename}）` }));
  if (options.length === 0) return null;
  const onFinish = (v: Values) => {
    setRest([]);
    sharing.mutate(
      { trainingId: detail.id, fromTrainingId: v.fromTrainingId as string },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('trainings.textbookShared'));
        },
        onError: (e) => setRest(showFieldErrors(form, e, { fromTrainingId: 'fromTrainingId' })),
      },
    );
  };
  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish} data-testid="textbook-share">
      <Flex wrap gap={8} align="end">
        <Form.Item
          name="fromTrainingId"
          label={t('trainings.textbookShare')}
          rules={[{ required: true, message: t('trainings.textbookShareRequired') }]}
          style={{ marginBottom: 8, minWidth: 280 }}
        >
          <Select options={options} placeholder={t('trainings.textbookSharePlaceholder')} data-testid="textbook-share-select" />
        </Form.Item>
        <Button htmlType="submit" size="middle" loading={sharing.isPending} style={{ marginBottom: 8 }}>
          {t('trainings.textbookShareAction')}
        </Button>
      </Flex>
      {rest.length > 0 && <Alert type="error" showIcon message={rest.join('；')} />}
    </Form>
  );
}
