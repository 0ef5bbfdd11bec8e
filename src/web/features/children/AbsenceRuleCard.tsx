import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ClassType } from '../../../domain/classes/classTypes.ts';
import { formatCny } from '../../../domain/money/fen.ts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFeedback } from '../../components/feedback';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { type AbsenceRule, putAbsenceRule } from '../enrollment/api';
import { keys, useFeeRule } from '../enrollment/queries';

/**
 * 缺勤退费规则: the institution states how absences count on the monthly fee statement — the first
 * N absent days of a month are charged in full, each further day refunds P% of the daily rate.
 * Statements already generated keep the rule they were made with.
 */
export function AbsenceRuleCard({ institutionId }: { institutionId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const client = useQueryClient();
  const rule = useFeeRule(institutionId);
  const save = useMutation({
    mutationFn: (values: AbsenceRule) => putAbsenceRule(institutionId, values),
    onSuccess: (saved) => {
      client.setQueryData(keys.feeRule(institutionId), saved);
      void message.success(t('enrollment.absenceRule.saved'));
    },
  });

  if (rule.isPending) return <PageLoading />;
  if (rule.isError) return <LoadError error={rule.error} onRetry={() => void rule.refetch()} />;
  const { fees, refundAfterDays, refundPercent } = rule.data;

  return (
    <Card size="small" title={t('enrollment.absenceRule.title')} data-testid="absence-rule" style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary">{t('enrollment.absenceRule.lead')}</Typography.Paragraph>
      <Descriptions size="small" column={1} bordered title={t('enrollment.absenceRule.fees')} style={{ marginBottom: 16 }}>
        {ClassType.map((type) => (
          <Descriptions.Item key={type} label={t(`enrollment.classType.${type}`)}>
            {fees[type] === null
              ? t('enrollment.absenceRule.feeNone')
              : t('enrollment.absenceRule.perMonth', { amount: formatCny(fees[type], i18n.language) })}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Typography.Paragraph strong data-testid="absence-rule-summary">
        {t('enrollment.absenceRule.summary', { days: refundAfterDays, percent: refundPercent })}
      </Typography.Paragraph>
      <Form<AbsenceRule>
        layout="inline"
        initialValues={{ refundAfterDays, refundPercent }}
        onFinish={(values) => save.mutate(values)}
        style={{ rowGap: 12 }}
      >
        <Form.Item
          name="refundAfterDays"
          label={t('enrollment.absenceRule.refundAfterDays')}
          rules={[{ required: true, message: t('enrollment.required') }]}
        >
          <InputNumber min={0} max={31} precision={0} suffix={t('enrollment.absenceRule.days')} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item
          name="refundPercent"
          label={t('enrollment.absenceRule.refundPercent')}
          rules={[{ required: true, message: t('enrollment.required') }]}
        >
          <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('enrollment.absenceRule.save')}
          </Button>
        </Form.Item>
      </Form>
      <ErrorAlert error={save.error} style={{ marginTop: 12 }} />
    </Card>
  );
}
