import { Alert, Button, Flex, Form, Input, InputNumber, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { parseYuanInput } from '../../../../domain/money/fen.ts';
import { SUBSIDY_KINDS, suggestedAmount } from '../../../../domain/subsidies/institutionSubsidies.ts';
import { showFieldErrors } from '../../../components/showFieldErrors';
import { DETAIL_FIELDS } from './ApplicationParts';
import type { SubsidyDetails, SubsidyKind } from './api';
import { formatYuan, yuanText } from './format';
import { type Applied, useApply, useSubsidyPolicy } from './queries';

/** The file types the server accepts, told by their content (PDF, JPEG, PNG). */
export const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

type Values = {
  kind: SubsidyKind;
  periodFrom: string;
  periodTo: string;
  details: SubsidyDetails;
  requestedYuan: string;
  description: string;
};

/** Server body paths → form fields, for showing the server's field messages in place. */
const FIELDS: Record<string, string> = {
  kind: 'kind',
  periodFrom: 'periodFrom',
  periodTo: 'periodTo',
  'details.insuredStaff': 'details.insuredStaff',
  'details.newPlaces': 'details.newPlaces',
  'details.places': 'details.places',
  'details.months': 'details.months',
  requestedFen: 'requestedYuan',
  description: 'description',
};

const MAX_COUNT: Record<keyof SubsidyDetails, number> = { insuredStaff: 100_000, newPlaces: 100_000, places: 100_000, months: 120 };

/** The facts of the chosen kind (staff and months, new places, or places and months), whole numbers. */
export function DetailInputs({ kind }: { kind: SubsidyKind }) {
  const { t } = useTranslation();
  return (
    <Flex gap={16} wrap>
      {DETAIL_FIELDS[kind].map((field) => (
        <Form.Item
          key={field}
          label={t(`subsidyApplications.detail.${field}`)}
          name={['details', field]}
          rules={[{ required: true, message: t('subsidyApplications.form.required') }]}
        >
          <InputNumber min={field === 'months' ? 1 : 0} max={MAX_COUNT[field]} precision={0} style={{ width: 160 }} />
        </Form.Item>
      ))}
    </Flex>
  );
}

/** Yuan as typed; checked here as the server will count it, in whole fen. */
export function AmountInput({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={label}
      name={name}
      rules={[
        { required: true, message: t('subsidyApplications.form.required') },
        {
          validator: (_, v: string) =>
            parseYuanInput(v ?? '') === undefined ? Promise.reject(t('subsidyApplications.form.amountInvalid')) : Promise.resolve(),
        },
      ]}
    >
      <Input prefix="¥" inputMode="decimal" style={{ maxWidth: 240 }} />
    </Form.Item>
  );
}

/** The details only the fields of the chosen kind ask for, so a kind switched midway sends no stray facts. */
export function detailsOf(kind: SubsidyKind, details: SubsidyDetails | undefined): SubsidyDetails {
  return Object.fromEntries(DETAIL_FIELDS[kind].map((f) => [f, details?.[f]]).filter(([, v]) => v !== undefined && v !== null));
}

/** A new application: kind, period, facts, the amount asked for, a note and the documents. */
export function ApplyForm({ institutionId, onDone }: { institutionId: string; onDone: (applied: Applied) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const apply = useApply(institutionId);
  const policy = useSubsidyPolicy();
  const [files, setFiles] = useState<File[]>([]);
  const [formError, setFormError] = useState<string[] | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'social_insurance';
  const details = Form.useWatch('details', form);
  const year = todayInShanghai(new Date()).slice(0, 4);
  const rates = policy.data?.institutionSubsidyRates;
  const suggested = rates ? suggestedAmount(kind, detailsOf(kind, details), rates) : null;

  const onFinish = (v: Values) => {
    setFormError(null);
    const input = {
      kind: v.kind,
      periodFrom: v.periodFrom,
      periodTo: v.periodTo,
      details: detailsOf(v.kind, v.details),
      requestedFen: parseYuanInput(v.requestedYuan) as number,
      description: v.description?.trim() ?? '',
    };
    apply.mutate(
      { input, files },
      {
        onSuccess: (applied) => {
          form.resetFields();
          setFiles([]);
          onDone(applied);
        },
        onError: (error) => setFormError(showFieldErrors(form, error, FIELDS)),
      },
    );
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={onFinish}
      data-testid="apply-form"
      initialValues={{ kind: 'social_insurance', periodFrom: `${year}-01-01`, periodTo: `${year}-12-31`, details: { months: 12 } }}
    >
      <Form.Item label={t('subsidyApplications.kindLabel')} name="kind" extra={t(`subsidyApplications.kindHint.${kind}`)}>
        <Radio.Group
          options={SUBSIDY_KINDS.map((k) => ({ value: k, label: t(`subsidyApplications.kind.${k}`) }))}
          style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}
        />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item
          label={t('subsidyApplications.form.periodFrom')}
          name="periodFrom"
          rules={[{ required: true, message: t('subsidyApplications.form.required') }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          label={t('subsidyApplications.form.periodTo')}
          name="periodTo"
          dependencies={['periodFrom']}
          rules={[
            { required: true, message: t('subsidyApplications.form.required') },
            ({ getFieldValue }) => ({
              validator: (_, v: string) =>
                !v || !getFieldValue('periodFrom') || v >= getFieldValue('periodFrom')
                  ? Promise.resolve()
                  : Promise.reject(t('subsidyApplications.form.periodOrder')),
            }),
          ]}
        >
          <Input type="date" />
        </Form.Item>
      </Flex>
      <DetailInputs kind={kind} />
      <AmountInput name="requestedYuan" label={t('subsidyApplications.form.requestedYuan')} />
      {suggested !== null && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -16 }}>
          {t('subsidyApplications.form.suggestion', { amount: formatYuan(suggested, i18n.language) })}{' '}
          <Typography.Link onClick={() => form.setFieldValue('requestedYuan', yuanText(suggested))}>
            {t('subsidyApplications.form.useSuggestion')}
          </Typography.Link>
        </Typography.Paragraph>
      )}
      <Form.Item label={t('subsidyApplications.description')} name="description">
        <Input.TextArea
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder={t('subsidyApplications.form.descriptionHint')}
        />
      </Form.Item>
      <Form.Item label={t('subsidyApplications.form.files')} htmlFor="subsidy-files" extra={t('subsidyApplications.form.filesHint')}>
        <input
          id="subsidy-files"
          type="file"
          multiple
          accept={ACCEPT}
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          style={{ maxWidth: '100%' }}
        />
      </Form.Item>
      {formError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={formError[0]}
          description={formError.slice(1).join('；') || undefined}
        />
      )}
      <Button type="primary" htmlType="submit" loading={apply.isPending}>
        {t('subsidyApplications.form.submit')}
      </Button>
    </Form>
  );
}
