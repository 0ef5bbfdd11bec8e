import { Button, Checkbox, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ServiceForm } from '../../../domain/institutions/vocabulary.ts';

type Props = { options: { value: string; label: string }[]; loading: boolean; onApply: () => void };

/** The finder's filters, inside the page's form: in a sheet on a phone, in a column on a wide screen. */
export function FilterFields({ options, loading, onApply }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('search.township')} name="division">
        <Select allowClear showSearch optionFilterProp="label" options={options} placeholder={t('search.anyTownship')} loading={loading} />
      </Form.Item>
      <Flex gap={8}>
        <Form.Item label={t('search.birthDate')} name="birthDate" style={{ flex: 1, minWidth: 0 }}>
          <Input type="date" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('search.startDate')} name="startDate" style={{ flex: 1, minWidth: 0 }}>
          <Input type="date" style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Flex gap={8}>
        <Form.Item label={t('search.feeFrom')} name="feeFrom" style={{ flex: 1, minWidth: 0 }}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('search.feeTo')} name="feeTo" style={{ flex: 1, minWidth: 0 }}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item label={t('search.serviceForm')} name="serviceForm">
        <Select
          allowClear
          options={ServiceForm.map((f) => ({ value: f, label: t(`registry.serviceForm.${f}`) }))}
          placeholder={t('search.anyServiceForm')}
        />
      </Form.Item>
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Form.Item name="vacancy" valuePropName="checked" noStyle>
          <Checkbox>{t('search.vacancyOnly')}</Checkbox>
        </Form.Item>
        <Form.Item name="inclusive" valuePropName="checked" noStyle>
          <Checkbox>{t('search.inclusiveOnly')}</Checkbox>
        </Form.Item>
        <Form.Item name="noOpenRectification" valuePropName="checked" noStyle>
          <Checkbox>{t('search.noOpenRectification')}</Checkbox>
        </Form.Item>
      </Flex>
      {/* The sheet lies outside the page's <form> element: the button submits through the form instance. */}
      <Button type="primary" block onClick={onApply} data-testid="apply-filters">
        {t('search.applyFilters')}
      </Button>
    </>
  );
}
