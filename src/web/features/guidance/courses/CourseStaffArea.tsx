import { Alert, Button, Card, Collapse, Flex, Form, Input, InputNumber, List, Rate, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { shanghaiWallToIso } from '../../../../domain/dates/shanghai.ts';
import { ApiError } from '../../../api/client';
import { useFeedback } from '../../../components/feedback';
import { NotFound } from '../../../components/NotFound';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import type { RolePageProps } from '../../../components/RoleShell';
import { showFieldErrors } from '../../../components/showFieldErrors';
import { SessionMove } from '../SessionMove';
import type { Course, CourseRatings } from './api';
import { CourseForm } from './CourseForm';
import { CourseTags, sessionTime } from './labels';
import { useAddSession, useCourse, useCourses, useMoveSession, useRatings } from './queries';
import { RosterPage } from './RosterPage';

const DAY_MS = 86_400_000;

/** The center's courses for its staff and city officials: new courses and sessions, rosters with check-in, ratings. */
export default function CourseStaffArea(props: RolePageProps) {
  return (
    <Routes>
      <Route index element={<CourseStaffPage />} />
      <Route path="sessions/:sessionId" element={<RosterPage />} />
      <Route path="*" element={<NotFound homeHref={props.base} />} />
    </Routes>
  );
}

function CourseStaffPage() {
  const { t } = useTranslation();
  // Courses with a session in the last 90 days or later: this term's and the one before.
  const [from] = useState(() => new Date(Date.now() - 90 * DAY_MS).toISOString().slice(0, 10));
  const courses = useCourses({ from });
  return (
    <Flex vertical gap={16} style={{ maxWidth: 900 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('courses.staff.title_page')}
      </Typography.Title>
      <CourseForm />
      {courses.isPending ? (
        <PageLoading />
      ) : courses.isError ? (
        <LoadError error={courses.error} onRetry={() => void courses.refetch()} />
      ) : (
        <Collapse
          items={courses.data.items.map((c) => ({
            key: c.id,
            label: <span data-testid="staff-course">{c.title}</span>,
            children: <CourseSessions course={c} />,
          }))}
        />
      )}
    </Flex>
  );
}

function CourseSessions({ course }: { course: Course }) {
  const { t } = useTranslation();
  const detail = useCourse(course.id);
  const move = useMoveSession();
  if (detail.isPending) return <PageLoading />;
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <div>
        <CourseTags course={course} />
      </div>
      <List
        size="small"
        dataSource={detail.data.sessions}
        renderItem={(s) => (
          <List.Item data-testid="staff-session">
            <Flex vertical gap={6} style={{ width: '100%' }}>
              <Flex justify="space-between" wrap gap={8}>
                <Link to={`sessions/${s.id}`} data-testid="roster-link" data-session={s.id}>
                  {sessionTime(s)}
                </Link>
                <Typography.Text type="secondary">
                  {t('courses.staff.load', { held: s.seats - s.seatsLeft, seats: s.seats, waiting: s.waiting })}
                </Typography.Text>
              </Flex>
              {new Date(s.startsAt) > new Date() && (
                <SessionMove session={s} move={(body) => move.mutateAsync({ sessionId: s.id, body })} />
              )}
            </Flex>
          </List.Item>
        )}
      />
      <SessionForm courseId={course.id} />
      <Ratings courseId={course.id} online={course.delivery !== 'venue'} />
    </Flex>
  );
}

type SessionValues = { startsAt: string; endsAt: string; seats: number };

/** A session's start and end in the browser's local time (the city's), sent as instants. */
function SessionForm({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<SessionValues>();
  const add = useAddSession();
  const [rest, setRest] = useState<string[]>([]);
  const onFinish = (v: SessionValues) => {
    setRest([]);
    const body = { startsAt: shanghaiWallToIso(v.startsAt), endsAt: shanghaiWallToIso(v.endsAt), seats: v.seats };
    add.mutate(
      { courseId, body },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('courses.staff.sessionAdded'));
        },
        onError: (e) => setRest(showFieldErrors(form, e, { startsAt: 'startsAt', endsAt: 'endsAt', seats: 'seats' })),
      },
    );
  };
  return (
    <Form form={form} layout="inline" onFinish={onFinish} style={{ rowGap: 8 }}>
      <Form.Item name="startsAt" label={t('courses.staff.startsAt')} rules={[{ required: true, message: t('courses.staff.required') }]}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="endsAt" label={t('courses.staff.endsAt')} rules={[{ required: true, message: t('courses.staff.required') }]}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="seats" label={t('courses.staff.seats')} rules={[{ required: true, message: t('courses.staff.required') }]}>
        <InputNumber min={1} max={10000} />
      </Form.Item>
      <Button htmlType="submit" loading={add.isPending}>
        {t('courses.staff.addSession')}
      </Button>
      {rest.length > 0 && <Alert type="error" showIcon message={rest.join('；')} />}
    </Form>
  );
}

/** Booked, opened and finished, with the share finished: how an online lecture was watched. */
function Watching({ counts }: { counts: Pick<CourseRatings, 'booked' | 'opened' | 'finished' | 'finishedShare'> }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" data-testid="watching">
      {t('courses.staff.watching', {
        booked: counts.booked,
        opened: counts.opened,
        finished: counts.finished,
        share: counts.finishedShare === null ? '—' : `${counts.finishedShare}%`,
      })}
    </Typography.Text>
  );
}

function Ratings({ courseId, online }: { courseId: string; online: boolean }) {
  const { t } = useTranslation();
  const ratings = useRatings(courseId);
  if (ratings.isPending) return null;
  if (ratings.isError)
    return ratings.error instanceof ApiError && ratings.error.status === 403 ? null : (
      <LoadError error={ratings.error} onRetry={() => void ratings.refetch()} />
    );
  const r = ratings.data;
  return (
    <Card size="small" title={online ? t('courses.staff.ratingsAndWatching') : t('courses.staff.ratings')} data-testid="ratings">
      <Flex gap={8} align="center">
        <Rate disabled allowHalf value={r.average ?? 0} />
        <Typography.Text>
          {r.average === null ? t('courses.staff.noRatings') : t('courses.staff.average', { average: r.average, count: r.count })}
        </Typography.Text>
      </Flex>
      {online && <Watching counts={r} />}
      {r.sessions
        .filter((s) => s.count > 0 || (online && s.booked > 0))
        .map((s) => (
          <div key={s.id} style={{ marginTop: 8 }}>
            <Typography.Text strong>
              {sessionTime(s)}
              {s.count > 0 && ` · ${t('courses.staff.average', { average: s.average, count: s.count })}`}
            </Typography.Text>
            {online && (
              <div>
                <Watching counts={s} />
              </div>
            )}
            {s.comments.map((c) => (
              <div key={c.at}>
                <Typography.Text type="secondary">
                  {'★'.repeat(c.rating)} {c.comment}
                </Typography.Text>
              </div>
            ))}
          </div>
        ))}
    </Card>
  );
}
