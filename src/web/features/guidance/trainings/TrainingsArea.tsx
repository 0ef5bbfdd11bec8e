import { Alert, Button, Card, Checkbox, Collapse, Empty, Flex, Form, InputNumber, List, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shanghaiWallToIso } from '../../../../domain/dates/shanghai.ts';
import { audienceIncludes } from '../../../../domain/guidance/trainings.ts';
import { useFeedback } from '../../../components/feedback';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import type { RolePageProps } from '../../../components/RoleShell';
import { showFieldErrors } from '../../../components/showFieldErrors';
import { SessionMove, SessionTimeFields } from '../SessionMove';
import type { StaffHours, Training, TrainingDetail } from './api';
import { CertificateButton } from './CertificateButton';
import { sessionTime, TrainingTags } from './labels';
import {
  useAddTrainingSession,
  useAttendance,
  useCloseTraining,
  useComplete,
  useEnrol,
  useMoveTrainingSession,
  useTraining,
  useTrainingHours,
  useTrainings,
  useWithdraw,
} from './queries';
import { TextbookControl } from './TextbookControl';
import { TrainingForm } from './TrainingForm';

/**
 * 培训: the guidance center's directors and city officials schedule trainings, add sessions, record
 * attendance and complete enrolments (the certificate comes with it); a director enrols their
 * staff and sees each one's hours this year, qualification and certificates.
 */
export default function TrainingsArea({ grant }: RolePageProps) {
  const { t } = useTranslation();
  const trainings = useTrainings();
  const director = grant.role === 'institution_admin';
  // The enrolments a director may withdraw: their own institution's.
  const ownInstitution = director ? (grant.institutionId ?? undefined) : undefined;
  const hours = useTrainingHours(undefined, director);
  if (trainings.isPending) return <PageLoading />;
  if (trainings.isError) return <LoadError error={trainings.error} onRetry={() => void trainings.refetch()} />;
  const { canManage, items } = trainings.data;
  const staff = director ? (hours.data?.items ?? []) : [];
  return (
    <Flex vertical gap={16} style={{ maxWidth: 900, width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('trainings.title')}
      </Typography.Title>
      {director && <StaffHoursCard />}
      {canManage && <TrainingForm />}
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('trainings.list')}
      </Typography.Title>
      {items.length === 0 ? (
        <Empty description={t('trainings.none')} />
      ) : (
        <Collapse
          items={items.map((training) => ({
            key: training.id,
            label: (
              <span data-testid="training" data-training={training.id}>
                {training.title}
              </span>
            ),
            children: <TrainingPanel training={training} canManage={canManage} staff={staff} ownInstitution={ownInstitution} />,
          }))}
        />
      )}
    </Flex>
  );
}

function TrainingPanel({
  training,
  canManage,
  staff,
  ownInstitution,
}: {
  training: Training;
  canManage: boolean;
  staff: StaffHours[];
  ownInstitution?: string;
}) {
  const { t } = useTranslation();
  const detail = useTraining(training.id);
  const move = useMoveTrainingSession();
  const [editing, setEditing] = useState(false);
  if (detail.isPending) return <PageLoading />;
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8} align="center">
        <div>
          <TrainingTags training={training} />
        </div>
        {canManage && !editing && (
          <Flex gap={8} wrap>
            <Button size="small" onClick={() => setEditing(true)} data-testid="edit-training">
              {t('trainings.edit')}
            </Button>
            {d.status === 'open' && <CloseButton detail={d} />}
          </Flex>
        )}
      </Flex>
      {editing && (
        <Card
          size="small"
          title={t('trainings.editTitle')}
          extra={
            <Button size="small" type="link" onClick={() => setEditing(false)}>
              {t('trainings.cancelEdit')}
            </Button>
          }
        >
          <TrainingForm editing={d} onSaved={() => setEditing(false)} />
        </Card>
      )}
      {d.description && <Typography.Paragraph style={{ margin: 0 }}>{d.description}</Typography.Paragraph>}
      {d.textbookUrl && (
        <a href={d.textbookUrl} target="_blank" rel="noopener noreferrer" data-testid="textbook">
          {t('trainings.textbook')}
        </a>
      )}
      <TextbookControl detail={d} canManage={canManage} />
      {d.delivery === 'online' && d.onlineUrl && (
        <a href={d.onlineUrl} target="_blank" rel="noopener noreferrer">
          {t('trainings.onlineLink')}
        </a>
      )}
      <Typography.Text strong>{t('trainings.sessions')}</Typography.Text>
      {d.sessions.length === 0 ? (
        <Typography.Text type="secondary">{t('trainings.noSessions')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={d.sessions}
          renderItem={(s) => (
            <List.Item>
              <Flex vertical gap={6} style={{ width: '100%' }}>
                <Flex justify="space-between" wrap gap={8}>
                  <span data-testid="training-session">{sessionTime(s)}</span>
                  <Typography.Text type="secondary">
                    {t('trainings.sessionHours', { hours: s.hours })}
                    {s.recorded ? ` · ${t('trainings.recorded')}` : ''}
                  </Typography.Text>
                </Flex>
                {canManage && new Date(s.startsAt) > new Date() && (
                  <SessionMove session={s} move={(body) => move.mutateAsync({ trainingId: d.id, sessionId: s.id, body })} />
                )}
                {canManage && <AttendanceForm detail={d} sessionId={s.id} startsAt={s.startsAt} />}
              </Flex>
            </List.Item>
          )}
        />
      )}
      {canManage && <SessionForm trainingId={d.id} />}
      {ownInstitution && d.status === 'open' && <EnrolForm detail={d} staff={staff} />}
      <Enrolments detail={d} canManage={canManage} ownInstitution={ownInstitution} />
    </Flex>
  );
}

/** Stopping enrolments, once confirmed: the confirmation says who is told and what goes on. */
function CloseButton({ detail: d }: { detail: TrainingDetail }) {
  const { t } = useTranslation();
  const { message, modal } = useFeedback();
  const close = useCloseTraining();
  const enrolled = d.enrolments.filter((e) => e.status === 'enrolled').length;
  return (
    <Button
      size="small"
      danger
      loading={close.isPending}
      data-testid="close-training"
      onClick={() =>
        modal.confirm({
          title: t('trainings.closeConfirm.title', { title: d.title }),
          content: t('trainings.closeConfirm.content', { n: enrolled }),
          okText: t('trainings.closeConfirm.ok'),
          okButtonProps: { danger: true },
          cancelText: t('trainings.closeConfirm.cancel'),
          onOk: () =>
            close.mutateAsync(d.id).then(
              () => void message.success(t('trainings.closedDone')),
              (err: Error) => void message.error(err.message),
            ),
        })
      }
    >
      {t('trainings.close')}
    </Button>
  );
}

function Enrolments({ detail: d, canManage, ownInstitution }: { detail: TrainingDetail; canManage: boolean; ownInstitution?: string }) {
  const { t } = useTranslation();
  const { message, modal } = useFeedback();
  const complete = useComplete();
  const withdraw = useWithdraw();
  const confirmWithdraw = (e: TrainingDetail['enrolments'][number]) =>
    modal.confirm({
      title: t('trainings.withdrawConfirm.title', { name: e.staffName }),
      content: t('trainings.withdrawConfirm.content', { name: e.staffName, training: d.title }),
      okText: t('trainings.withdrawConfirm.ok'),
      okButtonProps: { danger: true },
      cancelText: t('trainings.withdrawConfirm.cancel'),
      // A refusal closes the confirmation and shows above the list; the modal would swallow it.
      onOk: () =>
        withdraw.mutateAsync({ trainingId: d.id, enrolmentId: e.id }).then(
          () => void message.success(t('trainings.withdrawn', { name: e.staffName })),
          (err: Error) => setError(err.message),
        ),
    });
  const [error, setError] = useState<string>();
  return (
    <Card size="small" title={t('trainings.enrolments', { n: d.enrolments.length })}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} closable onClose={() => setError(undefined)} />}
      {d.enrolments.length === 0 ? (
        <Typography.Text type="secondary">{t('trainings.noEnrolments')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={d.enrolments}
          renderItem={(e) => (
            <List.Item data-testid="enrolment" data-enrolment={e.id}>
              <Flex justify="space-between" wrap gap={8} style={{ width: '100%' }} align="center">
                <Flex vertical>
                  <Typography.Text strong>{e.staffName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.institutionName} · {t('trainings.attended', { hours: e.hoursAttended, required: d.requiredHours })}
                  </Typography.Text>
                </Flex>
                <Flex gap={8} align="center" wrap>
                  <Tag color={e.status === 'completed' ? 'green' : 'default'}>{t(`trainings.status.${e.status}`)}</Tag>
                  {e.certificate && <CertificateButton certificate={e.certificate} />}
                  {canManage && e.status === 'enrolled' && (
                    <Button
                      size="small"
                      type={e.canComplete ? 'primary' : 'default'}
                      loading={complete.isPending && complete.variables?.enrolmentId === e.id}
                      data-testid="complete"
                      onClick={() => {
                        setError(undefined);
                        complete.mutate(
                          { trainingId: d.id, enrolmentId: e.id },
                          {
                            onSuccess: (c) => void message.success(t('trainings.completed', { number: c.number })),
                            onError: (err) => setError(err.message),
                          },
                        );
                      }}
                    >
                      {t('trainings.complete')}
                    </Button>
                  )}
                  {ownInstitution === e.institutionId && e.status === 'enrolled' && (
                    <Button size="small" danger data-testid="withdraw" onClick={() => confirmWithdraw(e)}>
                      {t('trainings.withdraw')}
                    </Button>
                  )}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** Who was present at the session: the enrolled people ticked; everyone else enrolled is recorded absent. */
function AttendanceForm({ detail: d, sessionId, startsAt }: { detail: TrainingDetail; sessionId: string; startsAt: string }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const save = useAttendance();
  const open = d.enrolments.filter((e) => e.status === 'enrolled');
  const [present, setPresent] = useState<string[]>(() => open.filter((e) => e.attendedSessionIds.includes(sessionId)).map((e) => e.id));
  const [error, setError] = useState<string>();
  if (open.length === 0) return null;
  if (new Date(startsAt) > new Date())
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('trainings.attendanceLater')}
      </Typography.Text>
    );
  return (
    <Flex vertical gap={6} data-testid="attendance" data-session={sessionId}>
      <Checkbox.Group value={present} onChange={(v) => setPresent(v as string[])}>
        <Flex wrap gap={8}>
          {open.map((e) => (
            <Checkbox key={e.id} value={e.id}>
              {e.staffName}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      <div>
        <Button
          size="small"
          loading={save.isPending}
          data-testid="save-attendance"
          onClick={() => {
            setError(undefined);
            save.mutate(
              { trainingId: d.id, sessionId, enrolmentIds: present },
              { onSuccess: () => void message.success(t('trainings.attendanceSaved')), onError: (err) => setError(err.message) },
            );
          }}
        >
          {t('trainings.saveAttendance')}
        </Button>
      </div>
      {error && <Alert type="error" showIcon message={error} />}
    </Flex>
  );
}

type SessionValues = { startsAt: string; endsAt: string; hours: number };

/** A session's start and end in the browser's local time (the city's), sent as instants, with its hours. */
function SessionForm({ trainingId }: { trainingId: string }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<SessionValues>();
  const add = useAddTrainingSession();
  const [rest, setRest] = useState<string[]>([]);
  const required = [{ required: true, message: t('trainings.required') }];
  const onFinish = (v: SessionValues) => {
    setRest([]);
    const body = { startsAt: shanghaiWallToIso(v.startsAt), endsAt: shanghaiWallToIso(v.endsAt), hours: v.hours };
    add.mutate(
      { trainingId, body },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('trainings.sessionAdded'));
        },
        onError: (e) => setRest(showFieldErrors(form, e, { startsAt: 'startsAt', endsAt: 'endsAt', hours: 'hours' })),
      },
    );
  };
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} data-testid="session-form">
      <Flex wrap gap={8} align="end">
        <SessionTimeFields starts={t('trainings.startsAt')} ends={t('trainings.endsAt')} required={t('trainings.required')} />
        <Form.Item name="hours" label={t('trainings.hours')} rules={required} style={{ marginBottom: 8 }}>
          <InputNumber min={0.5} max={24} step={0.5} />
        </Form.Item>
        <Form.Item style={{ marginBottom: 8 }}>
          <Button htmlType="submit" loading={add.isPending}>
            {t('trainings.addSession')}
          </Button>
        </Form.Item>
      </Flex>
      {rest.length > 0 && <Alert type="error" showIcon message={rest.join('；')} />}
    </Form>
  );
}

/** The director picks one of their staff the training is for and not yet enrolled. */
function EnrolForm({ detail: d, staff }: { detail: TrainingDetail; staff: StaffHours[] }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ staffId: string }>();
  const enrol = useEnrol();
  const [rest, setRest] = useState<string[]>([]);
  const enrolled = new Set(d.enrolments.map((e) => e.staffId));
  const options = staff
    .filter((s) => !enrolled.has(s.staffId) && audienceIncludes(d.audience, s.role))
    .map((s) => ({ value: s.staffId, label: s.name }));
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="enrol-form"
      onFinish={(v) => {
        setRest([]);
        enrol.mutate(
          { trainingId: d.id, staffId: v.staffId },
          {
            onSuccess: () => {
              form.resetFields();
              void message.success(t('trainings.enrolled'));
            },
            onError: (e) => setRest(showFieldErrors(form, e, { staffId: 'staffId' })),
          },
        );
      }}
    >
      <Flex wrap gap={8} align="end">
        <Form.Item
          name="staffId"
          label={t('trainings.enrolStaff')}
          rules={[{ required: true, message: t('trainings.pickStaff') }]}
          style={{ marginBottom: 8, minWidth: 200, flex: '1 1 200px' }}
        >
          <Select
            options={options}
            placeholder={t('trainings.pickStaff')}
            notFoundContent={t('trainings.noStaffToEnrol')}
            data-testid="enrol-staff"
          />
        </Form.Item>
        <Form.Item style={{ marginBottom: 8 }}>
          <Button type="primary" htmlType="submit" loading={enrol.isPending}>
            {t('trainings.enrol')}
          </Button>
        </Form.Item>
      </Flex>
      {rest.length > 0 && <Alert type="error" showIcon message={rest.join('；')} />}
    </Form>
  );
}

/** The director's staff: hours this year against the city's yearly hours, childcare qualification, certificates. */
function StaffHoursCard() {
  const { t } = useTranslation();
  const hours = useTrainingHours();
  if (hours.isPending) return <PageLoading />;
  if (hours.isError) return <LoadError error={hours.error} onRetry={() => void hours.refetch()} />;
  const h = hours.data;
  return (
    <Card title={t('trainings.hoursTitle', { year: h.year })} data-testid="staff-hours">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('trainings.hoursLead', { hours: h.yearlyHours })}
      </Typography.Paragraph>
      {h.items.length === 0 ? (
        <Empty description={t('trainings.noStaff')} />
      ) : (
        <List
          size="small"
          dataSource={h.items}
          renderItem={(s) => (
            <List.Item data-testid="staff-hours-row" data-staff={s.staffId}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex justify="space-between" wrap gap={8}>
                  <Typography.Text strong>{s.name}</Typography.Text>
                  <Typography.Text type={s.short ? 'danger' : undefined} data-testid="staff-hours-value">
                    {t('trainings.hoursOf', { hours: s.hours, yearly: h.yearlyHours })}
                  </Typography.Text>
                </Flex>
                <Flex wrap gap={4} align="center">
                  {s.needsQualification && (
                    <Tag color={s.qualification === 'valid' ? 'green' : 'red'}>
                      {s.qualificationTitle && s.qualificationLevel
                        ? `${t(`institutions.qualification.titles.${s.qualificationTitle}`)}${t(`institutions.qualification.levels.${s.qualificationLevel}`)} · `
                        : ''}
                      {t(`trainings.qualification.${s.qualification}`)}
                    </Tag>
                  )}
                  {s.certificates.map((c) => (
                    <CertificateButton key={c.id} certificate={c} />
                  ))}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
