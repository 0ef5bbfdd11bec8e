import { Alert, Button, Card, Flex, Form, Input, message, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseYuanInput } from '../../../../domain/money/fen.ts';
import { showFieldErrors } from '../../../components/showFieldErrors';
import { ApplicationFacts, ApplicationFiles, ApplicationHistory, returnNote } from './ApplicationParts';
import { ACCEPT, AmountInput, DetailInputs, detailsOf } from './ApplyForm';
import type { SubsidyApplication, SubsidyDetails } from './api';
import { yuanText } from './format';
import { useApplicationAction, useUploadFile } from './queries';

type ResubmitValues = { details: SubsidyDetails; requestedYuan: string; note: string };

const RESUBMIT_FIELDS: Record<string, string> = {
  'details.insuredStaff': 'details.insuredStaff',
  'details.newPlaces': 'details.newPlaces',
  'details.places': 'details.places',
  'details.months': 'details.months',
  requestedFen: 'requestedYuan',
  note: 'note',
};

/** One of the institution's applications: its facts, documents, history and what the director may do now. */
export function DirectorApplication({ application: a }: { application: SubsidyApplication }) {
  const { t } = useTranslation();
  const upload = useUploadFile();
  const act = useApplicationAction();
  const [form] = Form.useForm<ResubmitValues>();
  const [error, setError] = useState<string[] | null>(null);
  const reason = returnNote(a);
  // Documents may be added until the application is decided for good.
  const open = a.status !== 'approved' && a.status !== 'withdrawn';

  const resubmit = (v: ResubmitValues) => {
    setError(null);
    act.mutate(
      {
        applicationId: a.id,
        input: {
          action: 'resubmit',
          details: detailsOf(a.kind, v.details),
          requestedFen: parseYuanInput(v.requestedYuan) as number,
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        },
      },
      {
        onSuccess: () => void message.success(t('subsidyApplications.resubmitted')),
        onError: (e) => setError(showFieldErrors(form, e, RESUBMIT_FIELDS)),
      },
    );
  };

  return (
    <Flex vertical gap={12}>
      {reason && <Alert type="warning" showIcon title={t('subsidyApplications.returnedBecause')} description={reason} />}
      <ApplicationFacts application={a} />

      <Card size="small" title={t('subsidyApplications.files')}>
        <ApplicationFiles application={a} />
        {open && (
          <label style={{ display: 'block', marginTop: 12 }}>
            <Typography.Text>{t('subsidyApplications.addFile')}</Typography.Text>{' '}
            <input
              type="file"
              accept={ACCEPT}
              aria-label={t('subsidyApplications.addFile')}
              disabled={upload.isPending}
              style={{ maxWidth: '100%' }}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file)
                  upload.mutate(
                    { applicationId: a.id, file },
                    {
                      onSuccess: () => void message.success(t('subsidyApplications.fileAdded', { name: file.name })),
                      onError: (err) => void message.error(err.message),
                    },
                  );
              }}
            />
          </label>
        )}
      </Card>

      {a.allowedActions.includes('resubmit') && (
        <Card size="small" title={t('subsidyApplications.resubmitTitle')}>
          <Form
            form={form}
            layout="vertical"
            onFinish={resubmit}
            initialValues={{ details: a.details, requestedYuan: yuanText(a.requestedFen) }}
            data-testid="resubmit-form"
          >
            <DetailInputs kind={a.kind} />
            <AmountInput name="requestedYuan" label={t('subsidyApplications.form.requestedYuan')} />
            <Form.Item label={t('subsidyApplications.resubmitNote')} name="note">
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
            {error && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                title={error[0]}
                description={error.slice(1).join('；') || undefined}
              />
            )}
            <Button type="primary" htmlType="submit" loading={act.isPending && act.variables?.input.action === 'resubmit'}>
              {t('subsidyApplications.action.resubmit')}
            </Button>
          </Form>
        </Card>
      )}

      {a.allowedActions.includes('withdraw') && (
        <div>
          <Popconfirm
            title={t('subsidyApplications.withdrawConfirm')}
            okText={t('subsidyApplications.action.withdraw')}
            cancelText={t('subsidyApplications.cancel')}
            onConfirm={() =>
              act.mutate(
                { applicationId: a.id, input: { action: 'withdraw' } },
                {
                  onSuccess: () => void message.success(t('subsidyApplications.withdrawn')),
                  onError: (e) => void message.error(e.message),
                },
              )
            }
          >
            <Button danger loading={act.isPending && act.variables?.input.action === 'withdraw'}>
              {t('subsidyApplications.action.withdraw')}
            </Button>
          </Popconfirm>
        </div>
      )}

      <Card size="small" title={t('subsidyApplications.history')}>
        <ApplicationHistory application={a} />
      </Card>
    </Flex>
  );
}
