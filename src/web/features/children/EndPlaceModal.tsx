import { useMutation } from '@tanstack/react-query';
import { AutoComplete, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFeedback } from '../../components/feedback';
import type { InstitutionPlace } from '../enrollment/api';
import { endEnrollment } from '../enrollment/api';
import { today } from '../enrollment/format';
import { useRefreshPlaces } from '../enrollment/queries';

const REASONS = ['age3', 'kindergarten', 'moved', 'family'] as const;

type Values = { endDate: string; reason: string };

/** 离园: ends the child's place on a date with a reason; the place goes back to the waitlist. */
export function EndPlaceModal({
  institutionId,
  place,
  defaults,
  onClose,
}: {
  institutionId: string;
  place: InstitutionPlace;
  defaults?: Partial<Values>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const refresh = useRefreshPlaces(institutionId);
  const end = useMutation({
    mutationFn: (values: Values) => endEnrollment(place.id, { endDate: values.endDate, reason: values.reason.trim() }),
    onSuccess: async (enrollment) => {
      await refresh();
      void message.success(t('enrollment.places.ended', { name: place.childName, date: enrollment.endDate }));
      onClose();
    },
  });
  const required = { required: true, whitespace: true, message: t('enrollment.required') };

  return (
    <Modal
      open
      title={t('enrollment.places.endTitle', { name: place.childName })}
      okText={t('enrollment.places.confirmEnd')}
      okButtonProps={{ danger: true }}
      cancelText={t('enrollment.cancel')}
      confirmLoading={end.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ endDate: defaults?.endDate ?? today(), reason: defaults?.reason ?? '' }}
        onFinish={(values) => end.mutate(values)}
        data-testid="end-form"
      >
        <Form.Item name="endDate" label={t('enrollment.places.endDate')} rules={[required]}>
          <Input type="date" min={place.startDate} />
        </Form.Item>
        <Form.Item name="reason" label={t('enrollment.places.reason')} rules={[required]}>
          <AutoComplete
            options={REASONS.map((r) => ({ value: t(`enrollment.places.reasons.${r}`) }))}
            placeholder={t('enrollment.places.reasonPlaceholder')}
            maxLength={200}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={end.error} />
    </Modal>
  );
}
