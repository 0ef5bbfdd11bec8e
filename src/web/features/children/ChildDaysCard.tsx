import { Alert, Card, Empty, Flex, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../components/PageStatus';
import type { ChildMonth } from '../enrollment/api';
import { shanghaiTime, thisMonth } from '../enrollment/format';
import { useChildMonth } from '../enrollment/queries';

type Day = ChildMonth['days'][number];

/** 在园记录: the child's days in a month — arrival, who collected them, absences and morning checks. */
export function ChildDaysCard({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(thisMonth());
  const days = useChildMonth(childId, month);
  return (
    <Card
      size="small"
      title={t('attendance.days.title')}
      data-testid="child-days"
      extra={
        <Input
          type="month"
          size="small"
          value={month}
          onChange={(e) => e.target.value && setMonth(e.target.value)}
          style={{ width: 140 }}
          aria-label={t('attendance.days.month')}
        />
      }
    >
      {days.isPending ? (
        <PageLoading />
      ) : days.isError ? (
        // A child without a place has no days: the server's words say so.
        <Alert type="info" showIcon title={days.error.message} />
      ) : (
        <>
          <Typography.Paragraph data-testid="days-summary">{t('attendance.days.summary', days.data.summary)}</Typography.Paragraph>
          {days.data.days.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attendance.days.empty')} />
          ) : (
            <List
              size="small"
              dataSource={[...days.data.days].reverse()}
              pagination={days.data.days.length > 10 ? { pageSize: 10, size: 'small', align: 'center' } : false}
              renderItem={(day) => (
                <List.Item data-testid="child-day" data-date={day.date}>
                  <DayLine day={day} />
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Card>
  );
}

function DayLine({ day }: { day: Day }) {
  const { t } = useTranslation();
  const a = day.attendance;
  const check = day.morningCheck;
  return (
    <Flex vertical gap={2} style={{ width: '100%' }}>
      <Flex justify="space-between" gap={8}>
        <Typography.Text strong>{day.date}</Typography.Text>
        {a?.status === 'present' && <Tag color="green">{t('attendance.counts.present')}</Tag>}
        {a?.status === 'absent' && <Tag color="orange">{t(`attendance.reason.${a.absenceReason ?? 'other'}`)}</Tag>}
        {!a && <Tag>{t('attendance.days.noRecord')}</Tag>}
      </Flex>
      <Typography.Text type="secondary">
        {a?.status === 'present' &&
          [
            a.checkedInAt && t('attendance.inAt', { time: shanghaiTime(a.checkedInAt) }),
            a.checkedOutAt && t('attendance.outAt', { time: shanghaiTime(a.checkedOutAt), name: a.pickedUpBy?.name ?? '' }),
          ]
            .filter(Boolean)
            .join(' · ')}
        {a?.note && ` ${a.note}`}
      </Typography.Text>
      {check && (
        <Typography.Text type="secondary">
          {t('attendance.checked', { temperature: check.temperatureC.toFixed(1) })}
          {check.symptoms.length > 0 && `（${check.symptoms.map((s) => t(`attendance.symptom.${s}`)).join('、')}）`}
          {check.note && ` ${check.note}`}
        </Typography.Text>
      )}
    </Flex>
  );
}
