import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Drawer, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { InstitutionPlace } from './api';
import { INCIDENT_KINDS, type IncidentKind, postIncident } from './api';
import { thisMonth, today } from './format';
import { keys } from './queries';

type Values = { time: string; childIds: string[]; kind: IncidentKind; description: string; actionTaken: string; informed: boolean };

/** The wall-clock time in Shanghai as a time input holds it; h23, as some engines print midnight as 24:00. */
const nowHHMM = () =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());

/**
 * 记录意外事件 on today's date: when, which children (the current class listed first), what
 * happened, what was done, and whether the parents have been told yet.
 */
export function IncidentForm({
  institutionId,
  places,
  classId,
  onClose,
}: {
  institutionId: string;
  places: InstitutionPlace[];
  classId: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const record = useMutation({
    mutationFn: (v: Values) => {
      const day = today();
      const now = new Date().toISOString();
      return postIncident(institutionId, {
        // The tablet's own zone does not matter: the day and time are Shanghai's.
        occurredAt: `${day}T${v.time}:00+08:00`,
        childIds: v.childIds,
        kind: v.kind,
        description: v.description.trim(),
        actionTaken: v.actionTaken.trim(),
        parentsInformedAt: v.informed ? now : null,
      });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.incidents(institutionId, thisMonth()) });
      onClose();
    },
  });

  const classes = new Map<string, { label: string; options: Array<{ value: string; label: string }> }>();
  for (const p of [...places].sort((a, b) => Number(b.classId === classId) - Number(a.classId === classId))) {
    const group = classes.get(p.classId) ?? { label: p.className, options: [] };
    group.options.push({ value: p.childId, label: p.childName });
    classes.set(p.classId, group);
  }
  const required = { required: true, whitespace: true, message: t('enrollment.required') };

  return (
    <Drawer open title={t('attendance.incident.formTitle')} onClose={onClose} size={480} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ time: nowHHMM(), childIds: [], kind: 'fall', description: '', actionTaken: '', informed: false }}
        onFinish={(v) => record.mutate(v)}
        data-testid="incident-form"
      >
        <Form.Item name="time" label={t('attendance.incident.time')} rules={[required]}>
          <Input type="time" size="large" />
        </Form.Item>
        <Form.Item
          name="childIds"
          label={t('attendance.incident.children')}
          rules={[{ required: true, message: t('enrollment.required') }]}
        >
          <Select
            mode="multiple"
            size="large"
            options={[...classes.values()]}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="incident-children"
          />
        </Form.Item>
        <Form.Item name="kind" label={t('attendance.incident.kind')} rules={[required]}>
          <Select size="large" options={INCIDENT_KINDS.map((k) => ({ value: k, label: t(`attendance.incident.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('attendance.incident.description')} rules={[required]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="actionTaken" label={t('attendance.incident.actionTaken')} rules={[required]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="informed" valuePropName="checked">
          <Checkbox>{t('attendance.incident.informedNow')}</Checkbox>
        </Form.Item>
        <ErrorAlert error={record.error} style={{ marginBottom: 12 }} />
        <Button type="primary" size="large" htmlType="submit" loading={record.isPending} block>
          {t('attendance.incident.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
