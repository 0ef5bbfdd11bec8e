import { useMutation } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../../../api/client';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import { showFieldErrors } from '../../../components/showFieldErrors';
import { useTownshipOptions } from '../../geography/townships';
import { useMe } from '../../platform/queries';
import { useEnterGrant } from '../../platform/useEnterGrant';
import { type StartInstitutionInput, startInstitution } from '../api';
import { FormError } from '../director/FormError';

const FIELDS = { name: 'name', creditCode: 'creditCode', address: 'address', divisionCode: 'divisionCode' };

/**
 * Anyone signed in starts their own institution: a draft whose director they become, so the page
 * ends in the director's record of it, where the filing is completed. The server's one refusal of
 * its own, a credit code another institution uses, belongs to the credit code field.
 */
export default function StartInstitutionPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const townships = useTownshipOptions();
  const enter = useEnterGrant();
  const [form] = Form.useForm<StartInstitutionInput>();
  const [formError, setFormError] = useState<string[]>([]);
  const start = useMutation({
    mutationFn: startInstitution,
    onMutate: () => setFormError([]),
    onSuccess: (record) => enter((g) => g.role === 'institution_admin' && g.institutionId === record.id, 'my-institution'),
    onError: (error) => {
      const rest = showFieldErrors(form, error, FIELDS);
      if (error instanceof ApiError && error.code === 'CREDIT_CODE_TAKEN')
        form.setFields([{ name: 'creditCode', errors: [error.message] }]);
      else setFormError(rest);
    },
  });

  if (me.isPending) return <PageLoading />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;

  const required = { required: true, whitespace: true, message: t('institutions.required') };
  return (
    <Flex justify="center" style={{ paddingBlock: 24 }}>
      <Card style={{ width: '100%', maxWidth: 560 }}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('startInstitution.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('startInstitution.lead')}</Typography.Paragraph>
        <FormError messages={formError} />
        <Form<StartInstitutionInput>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) =>
            start.mutate({ ...v, name: v.name.trim(), creditCode: v.creditCode.trim().toUpperCase(), address: v.address.trim() })
          }
          data-testid="start-institution-form"
        >
          <Form.Item label={t('institutions.name')} name="name" rules={[required]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label={t('institutions.creditCode')} name="creditCode" rules={[required]} extra={t('startInstitution.creditCodeHelp')}>
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('institutions.address')} name="address" rules={[required]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            label={t('startInstitution.township')}
            name="divisionCode"
            rules={[{ required: true, message: t('institutions.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={townships.options}
              loading={townships.loading}
              placeholder={t('startInstitution.townshipPlaceholder')}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={start.isPending}>
            {t('startInstitution.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
