import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { shanghaiWallToIso } from '../../../../domain/dates/shanghai.ts';
import { parseYuanInput } from '../../../../domain/money/fen.ts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { RolePageProps } from '../../../components/RoleShell';
import { useInstitutionSearch } from '../../institutions/queries';
import { createProgram, type IssuanceMode, type NewProgram } from './api';
import { useDivisions } from './divisions';
import { keys } from './queries';

type Values = {
  name: string;
  description?: string;
  budgetYuan: string;
  faceValueYuan: string;
  validFrom: string;
  validTo: string;
  voucherValidDays?: number | null;
  issuance: IssuanceMode;
  lotteryAt?: string;
  maxAgeMonths: number;
  residenceDivisionCodes?: string[];
  perChildLimit: number;
  inclusiveOnly: boolean;
  institutions?: { value: string; label: string }[];
};

/** 新建补贴券项目: the server's CreateProgram body, with money typed in yuan and sent as fen. */
export function ProgramForm({ base }: RolePageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const issuance = Form.useWatch('issuance', form);
  const divisions = useDivisions();
  const [q, setQ] = useState('');
  const institutions = useInstitutionSearch({ q: q || undefined, pageSize: 50 });
  const create = useMutation({
    mutationFn: createProgram,
    onSuccess: async (program) => {
      await client.invalidateQueries({ queryKey: keys.programs });
      void navigate(`${base}/voucher-programs/${program.id}`);
    },
  });

  const yuanRule = {
    validator: (_: unknown, v: string | undefined) =>
      v && (parseYuanInput(v) ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(t('voucherPrograms.form.yuanInvalid'))),
  };
  const required = { required: true, message: t('voucherPrograms.form.required') };

  const submit = (v: Values) => {
    const input: NewProgram = {
      name: v.name,
      description: v.description?.trim() || undefined,
      budgetFen: parseYuanInput(v.budgetYuan) as number,
      faceValueFen: parseYuanInput(v.faceValueYuan) as number,
      validFrom: v.validFrom,
      validTo: v.validTo,
      voucherValidDays: v.voucherValidDays ?? null,
      issuance: v.issuance,
      lotteryAt: v.issuance === 'lottery' && v.lotteryAt ? shanghaiWallToIso(v.lotteryAt) : null,
      maxAgeMonths: v.maxAgeMonths,
      residenceDivisionCodes: v.residenceDivisionCodes?.length ? v.residenceDivisionCodes : undefined,
      perChildLimit: v.perChildLimit,
      inclusiveOnly: v.inclusiveOnly,
      institutionIds: (v.institutions ?? []).map((i) => i.value),
    };
    create.mutate(input);
  };

  return (
    <Card
      title={
        <>
          <Link to={`${base}/voucher-programs`} aria-label={t('voucherPrograms.back')}>
            <ArrowLeftOutlined />
          </Link>{' '}
          {t('voucherPrograms.form.title')}
        </>
      }
      style={{ maxWidth: 880 }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ issuance: 'claim', maxAgeMonths: 36, perChildLimit: 1, inclusiveOnly: false }}
        data-testid="program-form"
      >
        <Form.Item name="name" label={t('voucherPrograms.form.name')} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('voucherPrograms.form.description')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="budgetYuan" label={t('voucherPrograms.form.budget')} rules={[yuanRule]} required>
              <Input prefix="¥" inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="faceValueYuan"
              label={t('voucherPrograms.form.faceValue')}
              required
              dependencies={['budgetYuan']}
              rules={[
                yuanRule,
                ({ getFieldValue }) => ({
                  validator: (_, v: string | undefined) => {
                    const face = parseYuanInput(v ?? '');
                    const budget = parseYuanInput(getFieldValue('budgetYuan') ?? '');
                    return face !== undefined && budget !== undefined && face > budget
                      ? Promise.reject(new Error(t('voucherPrograms.form.faceOverBudget')))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <Input prefix="¥" inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="validFrom" label={t('voucherPrograms.form.validFrom')} rules={[required]}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="validTo"
              label={t('voucherPrograms.form.validTo')}
              dependencies={['validFrom']}
              rules={[
                required,
                ({ getFieldValue }) => ({
                  validator: (_, v: string | undefined) =>
                    v && getFieldValue('validFrom') && v < getFieldValue('validFrom')
                      ? Promise.reject(new Error(t('voucherPrograms.form.datesReversed')))
                      : Promise.resolve(),
                }),
              ]}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="voucherValidDays"
              label={t('voucherPrograms.form.voucherValidDays')}
              extra={t('voucherPrograms.form.voucherValidDaysHelp')}
            >
              <InputNumber min={1} max={3660} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>{t('voucherPrograms.form.issuanceTitle')}</Typography.Title>
        <Form.Item name="issuance">
          <Radio.Group
            options={(['claim', 'lottery', 'automatic'] as const).map((mode) => ({
              value: mode,
              label: t(`voucherPrograms.form.issuance.${mode}`),
            }))}
          />
        </Form.Item>
        {issuance === 'lottery' && (
          <Form.Item
            name="lotteryAt"
            label={t('voucherPrograms.form.lotteryAt')}
            rules={[required]}
            extra={t('voucherPrograms.form.lotteryAtHelp')}
          >
            <Input type="datetime-local" style={{ maxWidth: 260 }} />
          </Form.Item>
        )}

        <Typography.Title level={5}>{t('voucherPrograms.form.eligibilityTitle')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item name="maxAgeMonths" label={t('voucherPrograms.form.maxAgeMonths')} rules={[required]}>
              <InputNumber min={1} max={36} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="perChildLimit" label={t('voucherPrograms.form.perChildLimit')} rules={[required]}>
              <InputNumber min={1} max={24} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="residenceDivisionCodes"
              label={t('voucherPrograms.form.residence')}
              extra={t('voucherPrograms.form.residenceHelp')}
            >
              <Select
                mode="multiple"
                options={divisions.options}
                loading={divisions.loading}
                maxCount={20}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>{t('voucherPrograms.form.redeemTitle')}</Typography.Title>
        <Form.Item name="inclusiveOnly" valuePropName="checked">
          <Checkbox>{t('voucherPrograms.form.inclusiveOnly')}</Checkbox>
        </Form.Item>
        <Form.Item name="institutions" label={t('voucherPrograms.form.institutions')} extra={t('voucherPrograms.form.institutionsHelp')}>
          <Select
            mode="multiple"
            labelInValue
            showSearch={{ onSearch: setQ, filterOption: false }}
            loading={institutions.isFetching}
            options={(institutions.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
            placeholder={t('voucherPrograms.form.institutionsPlaceholder')}
          />
        </Form.Item>

        <ErrorAlert error={create.error} style={{ marginBottom: 12 }} />
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('voucherPrograms.form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
