import { Button, Flex, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../components/showFieldErrors';
import type { Division } from './api';
import { useSetReferencePoint } from './queries';

type Values = { lat: number; lng: number; source?: string };
const FIELDS = { lat: 'lat', lng: 'lng', source: 'source' };

/** The admin places a division's reference point by hand (e.g. read off a map); errors at their fields. */
export function ReferencePointForm({ division }: { division: Division }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSetReferencePoint(division.code);
  const point = division.referencePoint;
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      aria-label={t('divisions.pointForm')}
      initialValues={{ lat: point?.lat, lng: point?.lng, source: point?.source ?? '' }}
      onFinish={(values) =>
        save.mutate({ ...values, source: values.source?.trim() || undefined }, { onError: (e) => showFieldErrors(form, e, FIELDS) })
      }
      style={{ marginTop: 12 }}
    >
      <Flex wrap gap={12} align="end">
        <Form.Item
          label={t('divisions.lat')}
          name="lat"
          rules={[{ required: true, message: t('divisions.pointRequired') }]}
          style={{ marginBottom: 0 }}
        >
          <InputNumber<number> step={0.0001} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item
          label={t('divisions.lng')}
          name="lng"
          rules={[{ required: true, message: t('divisions.pointRequired') }]}
          style={{ marginBottom: 0 }}
        >
          <InputNumber<number> step={0.0001} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item label={t('divisions.pointSource')} name="source" style={{ marginBottom: 0, flex: 1, minWidth: 140 }}>
          <Input placeholder={t('divisions.pointSourceHint')} maxLength={200} />
        </Form.Item>
        <Button htmlType="submit" loading={save.isPending} data-testid="save-point">
          {t('divisions.savePoint')}
        </Button>
      </Flex>
    </Form>
  );
}
