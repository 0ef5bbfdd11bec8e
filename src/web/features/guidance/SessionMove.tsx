import { Alert, Button, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shanghaiWallToIso, toShanghaiWall } from '../../../domain/dates/shanghai.ts';
import { useFeedback } from '../../components/feedback';
import { showFieldErrors } from '../../components/showFieldErrors';

export type SessionTime = { startsAt: string; endsAt: string };

/** A session's start and end pickers, in the browser's local time, both required. */
export function SessionTimeFields({ starts, ends, required }: { starts: string; ends: string; required: string }) {
  const rules = [{ required: true, message: required }];
  return (
    <>
      <Form.Item name="startsAt" label={starts} rules={rules} style={{ marginBottom: 8 }}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="endsAt" label={ends} rules={rules} style={{ marginBottom: 8 }}>
        <Input type="datetime-local" />
      </Form.Item>
    </>
  );
}

/**
 * 调整时间 — a session not yet started moved to a new start and end, typed in Shanghai time and sent as
 * instants; the server's refusals (a start in the past, hours longer than the session) show at their
 * fields, and a refusal of the whole (already started) below.
 */
export function SessionMove({ session, move }: { session: SessionTime; move: (time: SessionTime) => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<SessionTime>();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [rest, setRest] = useState<string[]>([]);
  if (!open)
    return (
      <div>
        <Button size="small" onClick={() => setOpen(true)} data-testid="move-session">
          {t('sessionMove.action')}
        </Button>
      </div>
    );
  const onFinish = (v: SessionTime) => {
    setRest([]);
    setPending(true);
    move({ startsAt: shanghaiWallToIso(v.startsAt), endsAt: shanghaiWallToIso(v.endsAt) })
      .then(
        () => {
          setOpen(false);
          void message.success(t('sessionMove.moved'));
        },
        (e: Error) => setRest(showFieldErrors(form, e, { startsAt: 'startsAt', endsAt: 'endsAt' })),
      )
      .finally(() => setPending(false));
  };
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ startsAt: toShanghaiWall(session.startsAt), endsAt: toShanghaiWall(session.endsAt) }}
      data-testid="move-form"
    >
      <Flex wrap gap={8} align="end">
        <SessionTimeFields starts={t('sessionMove.startsAt')} ends={t('sessionMove.endsAt')} required={t('sessionMove.required')} />
        <Flex gap={8} style={{ marginBottom: 8 }}>
          <Button type="primary" htmlType="submit" loading={pending}>
            {t('sessionMove.save')}
          </Button>
          <Button onClick={() => setOpen(false)}>{t('sessionMove.cancel')}</Button>
        </Flex>
      </Flex>
      {rest.length > 0 && <Alert type="error" showIcon message={rest.join('；')} />}
    </Form>
  );
}
