import { Button, Flex, Modal, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrowthRecord, Measurement } from './api';
import { MeasurementForm } from './MeasurementForm';
import { useDeleteMeasurement } from './queries';

/**
 * Correct or remove one entry. The guardian changes the family's entries and staff their
 * institution's, as the server allows; the server audits the values before and after.
 */
export function MeasurementActions({ record, m }: { record: GrowthRecord; m: Measurement }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const remove = useDeleteMeasurement(record.child.id);
  return (
    <Flex gap={4} align="center" wrap>
      <Button size="small" onClick={() => setEditing(true)} data-testid="correct-measurement">
        {t('growthRecords.list.correct')}
      </Button>
      <Popconfirm
        title={t('growthRecords.list.removeQuestion', { date: m.measuredOn })}
        okText={t('growthRecords.list.removeOk')}
        cancelText={t('growthRecords.form.confirmCancel')}
        okButtonProps={{ danger: true, loading: remove.isPending }}
        onConfirm={() => remove.mutateAsync(m.id).catch(() => undefined)}
      >
        <Button size="small" danger data-testid="remove-measurement">
          {t('growthRecords.list.remove')}
        </Button>
      </Popconfirm>
      {remove.isError && <Typography.Text type="danger">{remove.error.message}</Typography.Text>}
      {editing && (
        <Modal
          open
          title={t('growthRecords.list.correctTitle', { date: m.measuredOn })}
          footer={null}
          onCancel={() => setEditing(false)}
          destroyOnHidden
        >
          <MeasurementForm childId={record.child.id} birthDate={record.child.birthDate} editing={m} onSaved={() => setEditing(false)} />
        </Modal>
      )}
    </Flex>
  );
}
