import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, message, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../components/showFieldErrors';
import { type FilingActionName, type FilingDetail, postInstitutionTransition } from './api';
import { refusedItems } from './filingItems';
import { keys } from './queries';

type Props = {
  filing: FilingDetail;
  offered: FilingActionName[];
  checked: Record<string, boolean>;
  /** Problems the institution has now: filing past them needs a written reason. */
  problems: number;
};

type Values = { returnReason?: string; fileReason?: string };

/** The reviewer's decision: start the review, file (with a reason while problems remain) or return with reasons. */
export function ReviewDecision({ filing, offered, checked, problems }: Props) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const returnReason = Form.useWatch('returnReason', form) ?? '';
  const [formError, setFormError] = useState<string[]>([]);
  const act = useMutation({
    mutationFn: (action: FilingActionName) => {
      const { returnReason: toReturn, fileReason } = form.getFieldsValue();
      if (action === 'file')
        return postInstitutionTransition(filing.institutionId, { action, checklist: checked, reason: fileReason?.trim() || undefined });
      if (action === 'return')
        return postInstitutionTransition(filing.institutionId, { action, reason: toReturn ?? '', checklist: checked });
      return postInstitutionTransition(filing.institutionId, { action: action as 'start_review' });
    },
    onMutate: () => setFormError([]),
    onSuccess: (result) => {
      void message.success(result.receiptNumber ? t('institutions.filedWith', { number: result.receiptNumber }) : t('institutions.saved'));
      return client.invalidateQueries({ queryKey: keys.all });
    },
    onError: (e, action) => {
      const rest = showFieldErrors(form, e, { reason: action === 'file' ? 'fileReason' : 'returnReason' });
      // Checklist items the server found unconfirmed, named as the checklist names them.
      const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
      const labels = new Map(filing.checklistItems.map((c) => [c.item, c[lang]]));
      setFormError([...rest, ...refusedItems(e).map((item) => labels.get(item) ?? item)]);
    },
  });
  return (
    <Card title={t('institutions.decision')}>
      <Form form={form} layout="vertical">
        {offered.includes('file') && problems > 0 && (
          <Form.Item name="fileReason" label={t('institutions.fileReason', { count: problems })}>
            <Input.TextArea aria-label={t('institutions.fileReasonShort')} maxLength={500} />
          </Form.Item>
        )}
        {offered.includes('return') && (
          <Form.Item name="returnReason" label={t('institutions.returnReason')}>
            <Input.TextArea aria-label={t('institutions.returnReason')} maxLength={500} />
          </Form.Item>
        )}
        {formError.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={formError[0]}
            description={formError.slice(1).join('；') || undefined}
          />
        )}
        <Space wrap>
          {offered.map((a) => (
            <Button
              key={a}
              type={a === 'return' ? 'default' : 'primary'}
              danger={a === 'return'}
              disabled={a === 'return' && !returnReason.trim()}
              loading={act.isPending && act.variables === a}
              onClick={() => act.mutate(a)}
            >
              {t(`institutions.action.${a}`)}
            </Button>
          ))}
        </Space>
      </Form>
    </Card>
  );
}
