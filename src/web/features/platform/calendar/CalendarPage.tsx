import { Alert, Button, Card, Flex, Form, Input, InputNumber, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../components/feedback';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import { showFieldErrors } from '../../../components/showFieldErrors';
import type { CalendarYear, CalendarDay as Day } from './api';
import { useCalendarYear, useCalendarYears, useReplaceCalendarYear } from './queries';

const KIND_WORD: Record<Day['kind'], string> = { holiday: '放假', workday: '上班' };

/** A line per day: `2027-02-06 上班 春节`; 放假/holiday and 上班/workday both read. */
function parseDays(text: string): Day[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [day = '', kind = '', ...name] = line.split(/\s+/);
      const k =
        kind === '上班' || kind === 'workday' ? 'workday' : kind === '放假' || kind === 'holiday' ? 'holiday' : (kind as Day['kind']);
      return { day, kind: k, name: name.join(' ') };
    });
}

const formatDays = (days: CalendarYear['days']) => days.map((d) => `${d.day} ${KIND_WORD[d.kind]} ${d.name}`).join('\n');

/** 节假日安排: the official holidays and weekend days worked, per year, that every working-day deadline counts with. */
export default function CalendarPage() {
  const { t } = useTranslation();
  const years = useCalendarYears();
  const [year, setYear] = useState(() => new Date().getFullYear() + 1);
  return (
    <Flex vertical gap={16} style={{ maxWidth: 860 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('calendar.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('calendar.lead')}</Typography.Text>
      {years.isPending ? (
        <PageLoading />
      ) : years.isError ? (
        <LoadError error={years.error} onRetry={() => void years.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="year"
          pagination={false}
          dataSource={years.data.items}
          scroll={{ x: true }}
          onRow={(row) => ({ onClick: () => setYear(row.year), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('calendar.year'), dataIndex: 'year' },
            { title: t('calendar.holidays'), dataIndex: 'holidays' },
            { title: t('calendar.workdays'), dataIndex: 'workdays' },
            { title: t('calendar.source'), dataIndex: 'source' },
          ]}
        />
      )}
      <Flex gap={8} align="center">
        <Typography.Text>{t('calendar.edit')}</Typography.Text>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="calendar-year" />
      </Flex>
      <YearEditor year={year} />
    </Flex>
  );
}

function YearEditor({ year }: { year: number }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const current = useCalendarYear(year);
  const save = useReplaceCalendarYear(year);
  const [form] = Form.useForm<{ source: string; days: string }>();
  const [problem, setProblem] = useState<string[]>([]);

  useEffect(() => {
    if (current.data) form.setFieldsValue({ source: current.data.source ?? '', days: formatDays(current.data.days) });
  }, [current.data, form]);

  if (current.isPending) return <PageLoading />;
  if (current.isError) return <LoadError error={current.error} onRetry={() => void current.refetch()} />;
  return (
    <Card size="small" title={t('calendar.yearTitle', { year })}>
      {!current.data.known && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('calendar.unknownYear', { year })} />}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => {
          setProblem([]);
          save.mutate(
            { source: values.source, days: parseDays(values.days ?? '') },
            {
              onSuccess: () => void message.success(t('calendar.saved')),
              onError: (error) => setProblem(showFieldErrors(form, error, { source: 'source', days: 'days' })),
            },
          );
        }}
      >
        <Form.Item name="source" label={t('calendar.source')} rules={[{ required: true, message: t('calendar.sourceRequired') }]}>
          <Input maxLength={200} placeholder={t('calendar.sourcePlaceholder', { year })} />
        </Form.Item>
        <Form.Item name="days" label={t('calendar.days')} extra={t('calendar.daysHelp')}>
          <Input.TextArea rows={10} style={{ fontFamily: 'monospace' }} data-testid="calendar-days" />
        </Form.Item>
        {problem.length > 0 && <Alert type="error" showIcon title={problem.join('；')} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('calendar.save')}
        </Button>
      </Form>
    </Card>
  );
}
