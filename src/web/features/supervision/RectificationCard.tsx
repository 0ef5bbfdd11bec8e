import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrorsOf } from '../../components/showFieldErrors';
import { evidencePhotoUrl, type Rectification } from './api';
import { RectificationTags } from './labels';
import { useDecide, useUploadEvidence } from './queries';

function EvidenceForm({ rectificationId }: { rectificationId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [photo, setPhoto] = useState<File | undefined>();
  const upload = useUploadEvidence();
  const errors = upload.error ? fieldErrorsOf(upload.error, { text: 'text', photo: 'photo' }) : undefined;
  return (
    <Form layout="vertical" onFinish={() => upload.mutate({ rectificationId, text, photo }, { onSuccess: () => setText('') })}>
      <Form.Item
        label={t('supervision.evidence.text')}
        htmlFor={`evidence-${rectificationId}`}
        validateStatus={errors?.byField.has('text') ? 'error' : undefined}
        help={errors?.byField.get('text')?.join(' ')}
      >
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          id={`evidence-${rectificationId}`}
        />
      </Form.Item>
      <Form.Item label={t('supervision.evidence.photo')} extra={t('supervision.evidence.photoHelp')} htmlFor={`photo-${rectificationId}`}>
        <input type="file" accept="image/jpeg,image/png" id={`photo-${rectificationId}`} onChange={(e) => setPhoto(e.target.files?.[0])} />
      </Form.Item>
      {errors && errors.rest.length > 0 && <Alert type="error" showIcon message={errors.rest.join(' ')} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={upload.isPending}>
        {t('supervision.evidence.submit')}
      </Button>
    </Form>
  );
}

function Decision({ rectificationId }: { rectificationId: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const decide = useDecide();
  return (
    <Flex vertical gap={8}>
      <Input placeholder={t('supervision.decision.reason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
      <Flex gap={8} wrap>
        <Button type="primary" loading={decide.isPending} onClick={() => decide.mutate({ rectificationId, input: { action: 'accept' } })}>
          {t('supervision.decision.accept')}
        </Button>
        <Button
          danger
          loading={decide.isPending}
          onClick={() => decide.mutate({ rectificationId, input: { action: 'reject', ...(reason ? { reason } : {}) } })}
        >
          {t('supervision.decision.reject')}
        </Button>
      </Flex>
      <ErrorAlert error={decide.error} />
    </Flex>
  );
}

/** One rectification: what must be put right by when, the evidence so far, and what the caller may do now. */
export function RectificationCard({
  rectification: r,
  showInstitution = false,
}: {
  rectification: Rectification;
  showInstitution?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      size="small"
      style={{ marginBottom: 8 }}
      data-testid="rectification"
      data-status={r.status}
      title={
        <Flex gap={8} wrap align="center" style={{ whiteSpace: 'normal', paddingBlock: 6 }}>
          <span>{showInstitution ? `${r.institutionName} · ${r.itemLabel}` : r.itemLabel}</span>
          <RectificationTags status={r.status} overdue={r.overdue} />
        </Flex>
      }
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.requirement}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('supervision.deadline', { deadline: r.deadline })}</Typography.Paragraph>
      {r.rejectionReason && r.status === 'open' && (
        <Alert type="warning" showIcon message={t('supervision.rejected', { reason: r.rejectionReason })} />
      )}
      {r.evidence.map((e) => (
        <Card key={e.id} size="small" type="inner" style={{ marginTop: 8 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{e.text}</Typography.Paragraph>
          <Typography.Text type="secondary">
            {new Date(e.submittedAt).toLocaleString(i18n.language, { timeZone: 'Asia/Shanghai', hour12: false })}
          </Typography.Text>
          {e.hasPhoto && (
            <div>
              <a href={evidencePhotoUrl(r.id, e.id)} target="_blank" rel="noreferrer">
                {t('supervision.evidence.openPhoto')}
              </a>
            </div>
          )}
        </Card>
      ))}
      <div style={{ marginTop: 12 }}>
        {r.allowedActions.includes('submit') && <EvidenceForm rectificationId={r.id} />}
        {r.allowedActions.includes('accept') && <Decision rectificationId={r.id} />}
      </div>
    </Card>
  );
}
