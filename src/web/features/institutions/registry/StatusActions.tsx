import { Button, message, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstitutionRecord, StatusAction } from '../api';
import { useStatusAction } from '../queries';
import { ReasonModal } from './ReasonModal';

const STATUS_ACTIONS: readonly StatusAction[] = ['suspend', 'reinstate', 'close'];

/** Suspend, reinstate or close, as far as the server's `allowedActions` offers them to this official now. */
export function StatusActions({ record }: { record: InstitutionRecord }) {
  const { t } = useTranslation();
  // The action stays set while the dialog fades out, so its words do not change as it closes.
  const [action, setAction] = useState<StatusAction>('suspend');
  const [open, setOpen] = useState(false);
  const mutation = useStatusAction(record.id);
  const offered = STATUS_ACTIONS.filter((a) => record.allowedActions.includes(a));
  if (offered.length === 0) return null;

  const close = () => {
    setOpen(false);
    mutation.reset();
  };
  return (
    <Space wrap>
      {offered.map((a) => (
        <Button
          key={a}
          danger={a !== 'reinstate'}
          type={a === 'reinstate' ? 'primary' : 'default'}
          onClick={() => {
            setAction(a);
            setOpen(true);
          }}
        >
          {t(`institutions.action.${a}`)}
        </Button>
      ))}
      <ReasonModal
        open={open}
        title={t(`registry.confirm.${action}.title`, { name: record.facts.name })}
        consequence={t(`registry.confirm.${action}.consequence`)}
        okText={t(`institutions.action.${action}`)}
        danger={action !== 'reinstate'}
        pending={mutation.isPending}
        error={mutation.error}
        onCancel={close}
        onConfirm={(reason) =>
          mutation.mutate(
            { action, reason },
            {
              onSuccess: () => {
                void message.success(t(`registry.done.${action}`));
                close();
              },
            },
          )
        }
      />
    </Space>
  );
}
