import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  open: boolean;
  title: string;
  /** What happens on confirming, said before the official commits to it. */
  consequence: string;
  okText: string;
  danger?: boolean;
  pending: boolean;
  error: Error | null;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
};

/** Confirms an action that must be explained: the reason is required, audited and shown to the director. */
export function ReasonModal({ open, title, consequence, okText, danger, pending, error, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger, disabled: !reason.trim() }}
      confirmLoading={pending}
      onCancel={onCancel}
      onOk={() => onConfirm(reason.trim())}
      afterClose={() => setReason('')}
      destroyOnHidden
    >
      <Typography.Paragraph>{consequence}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('registry.reason')} required>
          <Input.TextArea
            aria-label={t('registry.reason')}
            rows={3}
            maxLength={500}
            showCount
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error.message} />}
    </Modal>
  );
}
