import { Alert, Button, Card, Flex, Form, Input, InputNumber, List, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showFieldErrors } from '../../components/showFieldErrors';
import type { Rerun } from './api';
import { useDrawRound, useRerun, useRounds } from './queries';

type Values = { periodStart: string; periodEnd: string; samplePercent: number; weightRisk: boolean };

function DrawForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const draw = useDrawRound();
  const [rest, setRest] = useState<string[]>([]);
  const submit = (v: Values) =>
    draw.mutate(
      {
        divisionCode: code,
        periodStart: v.periodStart,
        periodEnd: v.periodEnd,
        sampleRate: v.samplePercent / 100,
        weightRisk: v.weightRisk,
      },
      {
        onSuccess: () => setRest([]),
        onError: (e) =>
          setRest(showFieldErrors(form, e, { periodStart: 'periodStart', periodEnd: 'periodEnd', sampleRate: 'samplePercent' })),
      },
    );
  return (
    <Card size="small" title={t('supervision.draw.title')}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ samplePercent: 5, weightRisk: false }}>
        <Flex gap={12} wrap>
          <Form.Item name="periodStart" label={t('supervision.draw.periodStart')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="periodEnd" label={t('supervision.draw.periodEnd')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="samplePercent" label={t('supervision.draw.rate')}>
            <InputNumber min={1} max={100} addonAfter="%" />
          </Form.Item>
        </Flex>
        <Form.Item
          name="weightRisk"
          label={t('supervision.draw.weightRisk')}
          valuePropName="checked"
          extra={t('supervision.draw.weightRiskHelp')}
        >
          <Switch />
        </Form.Item>
        {rest.length > 0 && <Alert type="error" showIcon message={rest.join(' ')} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={draw.isPending}>
          {t('supervision.draw.submit')}
        </Button>
      </Form>
      {draw.data && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          data-testid="drawn"
          message={t('supervision.draw.done', { count: draw.data.inspections.length, seed: draw.data.seed })}
        />
      )}
    </Card>
  );
}

function RerunResult({ result }: { result: Rerun }) {
  const { t } = useTranslation();
  return (
    <Alert
      type={result.same ? 'success' : 'error'}
      showIcon
      message={result.same ? t('supervision.rerun.same') : t('supervision.rerun.different')}
    />
  );
}

/** Draw a round, and the district's rounds with their seeds, each re-runnable from its record. */
export function RoundsCard({ code }: { code: string }) {
  return (
    <Flex vertical gap={12}>
      <DrawForm code={code} />
      <RoundList code={code} />
    </Flex>
  );
}

/**
 * The rounds of a district (of every district, by the city's code) with their seeds, each
 * re-runnable from its record; `districtName` names the district where the list spans several.
 */
export function RoundList({ code, districtName }: { code: string; districtName?: (code: string) => string }) {
  const { t, i18n } = useTranslation();
  const rounds = useRounds(code);
  const rerun = useRerun();
  return (
    <Flex vertical gap={12}>
      {rounds.isError && <ErrorAlert error={rounds.error} />}
      <List
        loading={rounds.isPending}
        dataSource={rounds.data ?? []}
        renderItem={(r) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="round">
            <Typography.Text strong>
              {districtName ? `${districtName(r.divisionCode)} · ` : ''}
              {r.periodStart} – {r.periodEnd}
            </Typography.Text>
            {r.kind === 'targeted' && <Tag style={{ marginLeft: 8 }}>{t('supervision.round.targeted')}</Tag>}
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('supervision.round.line', {
                drawnAt: new Date(r.drawnAt).toLocaleDateString(i18n.language, { timeZone: 'Asia/Shanghai' }),
                count: r.inspections,
                candidates: r.candidates,
                rate: Math.round(r.sampleRate * 1000) / 10,
                seed: r.seed,
              })}
              {r.weightRisk ? ` · ${t('supervision.round.weighted')}` : ''}
            </Typography.Paragraph>
            <Button size="small" onClick={() => rerun.mutate(r.id)} loading={rerun.isPending && rerun.variables === r.id}>
              {t('supervision.rerun.button')}
            </Button>
            {rerun.data && rerun.variables === r.id && <RerunResult result={rerun.data} />}
          </Card>
        )}
      />
    </Flex>
  );
}
