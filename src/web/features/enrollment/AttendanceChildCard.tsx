import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Flex, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { type AbsenceReason, type ClassDay, type PickedUpBy, putAttendance, putMorningCheck, type Symptom } from './api';
import { shanghaiTime } from './format';
import { keys } from './queries';

const SYMPTOMS: Symptom[] = ['fever', 'cough', 'rash', 'vomiting', 'diarrhoea', 'runny_nose', 'red_eyes', 'mouth_sores'];
const REASONS: AbsenceReason[] = ['sick', 'leave', 'other'];

type ChildRow = ClassDay['children'][number];

type Panel = 'none' | 'check' | 'out' | 'absent';

/** One child on the tablet: check-in, morning check, absence, and check-out to a listed collector only. */
/**
 * One child's card. On an earlier day (`past`) only an absence can still be recorded: check-in,
 * check-out and the morning check take the moment they happen, so they cannot be entered late.
 */
export function AttendanceChildCard({
  row,
  date,
  classId,
  past = false,
}: {
  row: ChildRow;
  date: string;
  classId: string;
  past?: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [panel, setPanel] = useState<Panel>('none');
  const [temperature, setTemperature] = useState<number | null>(row.morningCheck?.temperatureC ?? 36.5);
  const [symptoms, setSymptoms] = useState<Symptom[]>(row.morningCheck?.symptoms ?? []);
  const [note, setNote] = useState('');
  const [collector, setCollector] = useState<string | undefined>();
  const [reason, setReason] = useState<AbsenceReason>('sick');
  /** Guardians the last morning check of this card told; unknown (undefined) after a reload. */
  const [notified, setNotified] = useState<number | undefined>();
  const save = useMutation({
    mutationFn: async (action: 'in' | 'out' | 'absent' | 'check') => {
      const now = new Date().toISOString();
      if (action === 'in') return putAttendance(row.child.id, date, { status: 'present', checkedInAt: now });
      if (action === 'absent') return putAttendance(row.child.id, date, { status: 'absent', reason, note: note.trim() || undefined });
      if (action === 'check')
        return putMorningCheck(row.child.id, date, {
          temperatureC: Math.round((temperature ?? 0) * 10) / 10,
          symptoms,
          note: note.trim() || undefined,
        });
      const [kind, id] = (collector ?? '').split(':');
      const pickedUpBy: PickedUpBy =
        kind === 'guardian' ? { kind: 'guardian', userId: id as string } : { kind: 'pickup_person', personId: id as string };
      return putAttendance(row.child.id, date, {
        status: 'present',
        checkedInAt: row.attendance?.checkedInAt ?? now,
        checkedOutAt: now,
        pickedUpBy,
      });
    },
    onSuccess: (answer) => {
      setPanel('none');
      setNote('');
      if (answer && 'guardiansNotified' in answer) setNotified(answer.guardiansNotified);
    },
    onSettled: () => client.invalidateQueries({ queryKey: keys.classDay(classId, date) }),
  });

  const a = row.attendance;
  const checkedIn = a?.status === 'present' && !!a.checkedInAt;
  const checkedOut = !!a?.checkedOutAt;
  // Only the guardians and the persons they authorised are offered: the server refuses anyone else.
  const collectors = [
    {
      label: t('attendance.collectorGuardians'),
      options: row.pickup.guardians.map((g) => ({
        value: `guardian:${g.userId}`,
        label: `${g.name}（${t(`enrollment.relation.${g.relation}`, { defaultValue: g.relation })}）`,
      })),
    },
    {
      label: t('attendance.collectorPersons'),
      options: row.pickup.persons.map((p) => ({
        value: `person:${p.id}`,
        label: `${p.name}（${t(`attendance.pickupRelation.${p.relation}`, { defaultValue: p.relation })}）${p.phone}`,
      })),
    },
  ].filter((group) => group.options.length > 0);
  const status = checkedOut ? 'checkedOut' : checkedIn ? 'present' : a?.status === 'absent' ? 'absent' : 'notRecorded';
  const statusColor = { checkedOut: 'default', present: 'green', absent: 'orange', notRecorded: 'blue' }[status];
  const unwell = row.morningCheck?.unwell ?? null;

  return (
    <Card
      size="small"
      data-testid="attendance-child"
      data-child={row.child.name}
      data-unwell={unwell ? 'true' : undefined}
      style={unwell ? { borderColor: '#cf1322', borderWidth: 2, background: '#fff1f0' } : undefined}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {row.child.name}
        </Typography.Title>
        <Tag color={statusColor} data-testid="attendance-status">
          {t(`attendance.status.${status}`)}
        </Tag>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
        {t('attendance.ageMonths', { months: row.child.ageMonths })}
        {a?.checkedInAt && ` · ${t('attendance.inAt', { time: shanghaiTime(a.checkedInAt) })}`}
        {a?.checkedOutAt && ` · ${t('attendance.outAt', { time: shanghaiTime(a.checkedOutAt), name: a.pickedUpBy?.name ?? '' })}`}
        {a?.status === 'absent' && ` · ${t(`attendance.reason.${a.absenceReason ?? 'other'}`)}`}
        {row.morningCheck &&
          !unwell &&
          ` · ${t('attendance.checked', { temperature: row.morningCheck.temperatureC.toFixed(1) })}${row.morningCheck.symptoms.length ? `（${row.morningCheck.symptoms.map((s) => t(`attendance.symptom.${s}`)).join('、')}）` : ''}`}
      </Typography.Paragraph>
      {row.morningCheck && unwell && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="unwell-at-check"
          title={[
            unwell.fever
              ? t('attendance.unwellFever', { temperature: row.morningCheck.temperatureC.toFixed(1), line: unwell.feverFromC.toFixed(1) })
              : t('attendance.checked', { temperature: row.morningCheck.temperatureC.toFixed(1) }),
            unwell.redFlags.length > 0 &&
              t('attendance.unwellSigns', { signs: unwell.redFlags.map((s) => t(`attendance.symptom.${s}`)).join('、') }),
          ]
            .filter(Boolean)
            .join(' · ')}
          description={
            <>
              <div>{t('attendance.unwellAdvice')}</div>
              {notified !== undefined && (
                <div>
                  {notified > 0 ? t('attendance.guardiansNotified', { count: notified }) : t('attendance.guardiansAlreadyNotified')}
                </div>
              )}
            </>
          }
        />
      )}

      {panel === 'none' && (
        <Space wrap>
          {!checkedIn && !past && (
            <Button type="primary" size="large" loading={save.isPending} onClick={() => save.mutate('in')} data-testid="check-in">
              {t('attendance.checkIn')}
            </Button>
          )}
          {!past && (
            <Button size="large" onClick={() => setPanel('check')}>
              {t('attendance.morningCheck')}
            </Button>
          )}
          {checkedIn && !checkedOut && !past && (
            <Button size="large" onClick={() => setPanel('out')} data-testid="check-out">
              {t('attendance.checkOut')}
            </Button>
          )}
          {!checkedIn && (
            <Button size="large" onClick={() => setPanel('absent')}>
              {t('attendance.absent')}
            </Button>
          )}
        </Space>
      )}

      {panel === 'check' && (
        <Flex vertical gap={8}>
          <Space>
            <Typography.Text>{t('attendance.temperature')}</Typography.Text>
            <InputNumber size="large" step={0.1} precision={1} value={temperature} onChange={setTemperature} suffix="°C" />
          </Space>
          <Checkbox.Group
            value={symptoms}
            onChange={(v) => setSymptoms(v as Symptom[])}
            options={SYMPTOMS.map((s) => ({ value: s, label: t(`attendance.symptom.${s}`) }))}
          />
          <Input placeholder={t('attendance.note')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
          <PanelButtons
            onSave={() => save.mutate('check')}
            onCancel={() => setPanel('none')}
            saving={save.isPending}
            disabled={temperature === null}
          />
        </Flex>
      )}

      {panel === 'out' && (
        <Flex vertical gap={8} data-testid="check-out-panel">
          <Typography.Text type="secondary">{t('attendance.collectorHint')}</Typography.Text>
          <Select
            size="large"
            aria-label={t('attendance.collector')}
            data-testid="collector"
            placeholder={t('attendance.collector')}
            value={collector}
            onChange={setCollector}
            options={collectors}
            notFoundContent={t('attendance.noCollector')}
          />
          <PanelButtons onSave={() => save.mutate('out')} onCancel={() => setPanel('none')} saving={save.isPending} disabled={!collector} />
        </Flex>
      )}

      {panel === 'absent' && (
        <Flex vertical gap={8}>
          <Select
            size="large"
            value={reason}
            onChange={setReason}
            options={REASONS.map((r) => ({ value: r, label: t(`attendance.reason.${r}`) }))}
          />
          <Input placeholder={t('attendance.note')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
          <PanelButtons onSave={() => save.mutate('absent')} onCancel={() => setPanel('none')} saving={save.isPending} />
        </Flex>
      )}

      {save.isError && <Alert type="error" showIcon title={errorWords(save.error)} style={{ marginTop: 8 }} />}
    </Card>
  );
}

function PanelButtons({
  onSave,
  onCancel,
  saving,
  disabled,
}: {
  onSave: () => void;
  onCancel: () => void;
  saving: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Space>
      <Button type="primary" size="large" onClick={onSave} loading={saving} disabled={disabled}>
        {t('attendance.save')}
      </Button>
      <Button size="large" onClick={onCancel}>
        {t('enrollment.cancel')}
      </Button>
    </Space>
  );
}

/** The server's own words: a field's message (温度应在 34.0–43.0 °C 之间) rather than the general one. */
function errorWords(error: Error): string {
  const details = error instanceof ApiError && Array.isArray(error.details) ? (error.details as { message?: unknown }[]) : [];
  const words = details.flatMap((d) => (typeof d.message === 'string' ? [d.message] : []));
  return words.length > 0 ? words.join('；') : error.message;
}
