import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Input, Row, Select, Space, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../components/PageStatus';
import type { RolePageProps } from '../../components/RoleShell';
import { AttendanceChildCard } from './AttendanceChildCard';
import { today } from './format';
import { IncidentForm } from './IncidentForm';
import { useClassDay, useInstitutionPlaces } from './queries';
import { TodayIncidentsCard } from './TodayIncidentsCard';

/**
 * 今日考勤: a caregiver's tablet screen for one class today — big buttons, one card per child, and
 * the day's incidents. An earlier day can be looked up (and an absence recorded late); on a day
 * the official calendar does not work the roll is not called unless the institution opened.
 */
export default function AttendancePage({ grant }: RolePageProps) {
  const { t } = useTranslation();
  const institutionId = grant.institutionId ?? '';
  const places = useInstitutionPlaces(grant.institutionId);
  const classes = useMemo(() => {
    const seen = new Map<string, string>();
    for (const p of places.data?.items ?? []) seen.set(p.classId, p.className);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [places.data]);
  const [picked, setPicked] = useState<string | undefined>();
  const [recording, setRecording] = useState(false);
  const classId = picked ?? classes[0]?.value;
  const [date, setDate] = useState(today);
  const [openAnyway, setOpenAnyway] = useState<string | null>(null);
  const day = useClassDay(classId, date);
  const isToday = date === today();

  if (places.isPending) return <PageLoading />;
  if (places.isError) return <LoadError error={places.error} onRetry={() => void places.refetch()} />;

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {isToday ? t('attendance.title', { date }) : t('attendance.titleDay', { date })}
        </Typography.Title>
        <Space wrap>
          <Input
            type="date"
            size="large"
            value={date}
            max={today()}
            onChange={(e) => setDate(e.target.value || today())}
            aria-label={t('attendance.date')}
            data-testid="attendance-date"
            style={{ width: 180 }}
          />
          <Button size="large" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="record-incident">
            {t('attendance.incident.record')}
          </Button>
          <Select
            size="large"
            value={classId}
            onChange={setPicked}
            options={classes}
            style={{ minWidth: 220 }}
            aria-label={t('attendance.class')}
            data-testid="attendance-class"
          />
        </Space>
      </Flex>
      {classes.length === 0 ? (
        <Empty description={t('attendance.noClasses')} />
      ) : day.isPending ? (
        <PageLoading />
      ) : day.isError ? (
        <LoadError error={day.error} onRetry={() => void day.refetch()} />
      ) : day.data.dayOff && openAnyway !== date && day.data.counts.notRecorded === day.data.counts.children ? (
        // A day with records (the institution opened after all) shows them.
        <Alert
          type="info"
          showIcon
          data-testid="day-off"
          title={
            day.data.dayOff.kind === 'holiday'
              ? t('attendance.dayOffHoliday', { date, name: day.data.dayOff.name })
              : t('attendance.dayOffWeekend', { date })
          }
          description={t('attendance.dayOffNoRoll')}
          action={
            isToday && (
              <Button onClick={() => setOpenAnyway(date)} data-testid="open-anyway">
                {t('attendance.openAnyway')}
              </Button>
            )
          }
        />
      ) : (
        <>
          {/* Tiles wrap three to a row on a phone rather than squeezing their titles over two lines. */}
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(96px, 1fr))', gap: 12, marginBottom: 12 }}>
            {(['children', 'present', 'absent', 'notRecorded', 'checkedOut'] as const).map((k) => (
              <Card key={k} size="small">
                <Statistic title={t(`attendance.counts.${k}`)} value={day.data.counts[k]} />
              </Card>
            ))}
          </div>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            {day.data.children.map((row) => (
              <Col key={row.child.id} xs={24} md={12}>
                <AttendanceChildCard row={row} date={date} classId={classId as string} past={!isToday} />
              </Col>
            ))}
          </Row>
          <TodayIncidentsCard institutionId={institutionId} />
        </>
      )}
      {recording && (
        <IncidentForm institutionId={institutionId} places={places.data.items} classId={classId} onClose={() => setRecording(false)} />
      )}
    </>
  );
}
