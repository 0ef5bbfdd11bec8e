import { Alert, Button, Card, Flex, List, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useFeedback } from '../../../components/feedback';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import { fieldErrorsOf } from '../../../components/showFieldErrors';
import { useMyChildren } from '../../children/queries';
import { useMe } from '../../platform/queries';
import type { CourseDetail, CourseSession } from './api';
import { CourseTags, sessionTime } from './labels';
import { useBook, useCourse } from './queries';

/** A course with its sessions: seats left, people waiting, and a parent's booking (or a place on the waitlist). */
export default function CoursePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const course = useCourse(id);
  if (course.isPending) return <PageLoading />;
  if (course.isError) return <LoadError error={course.error} onRetry={() => void course.refetch()} />;
  const c = course.data;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 820 }}>
      <Link to="/courses">{t('courses.back')}</Link>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {c.title}
      </Typography.Title>
      <div>
        <CourseTags course={c} />
      </div>
      {c.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Typography.Paragraph>}
      {c.venue && <Typography.Text>{t('courses.venue', { venue: c.venue })}</Typography.Text>}
      {c.delivery === 'live' && <Alert type="info" showIcon message={t('courses.liveNote')} />}
      {c.delivery === 'recorded' && <Alert type="info" showIcon message={t('courses.recordedNote', { minutes: c.durationMinutes })} />}
      <Card title={t('courses.sessions')} size="small">
        <List
          dataSource={c.sessions}
          locale={{ emptyText: t('courses.noSessions') }}
          renderItem={(s) => <SessionItem course={c} session={s} />}
        />
      </Card>
    </Flex>
  );
}

function SessionItem({ course, session }: { course: CourseDetail; session: CourseSession }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const me = useMe();
  const navigate = useNavigate();
  const isParent = me.data?.roles.some((r) => r.role === 'parent') ?? false;
  const forChild = course.audience === 'child';
  const children = useMyChildren(isParent && forChild);
  const [childId, setChildId] = useState<string>();
  const book = useBook();
  // A recording is watched at any time in its session's window, so it can be booked until the end.
  const started = new Date(course.delivery === 'recorded' ? session.endsAt : session.startsAt) <= new Date();
  const full = session.seatsLeft === 0;

  const onBook = () => {
    if (!me.data) return void navigate('/login', { state: { from: `/courses/${course.id}` } });
    book.mutate(
      { sessionId: session.id, childId: forChild ? childId : undefined },
      {
        onSuccess: (r) =>
          void message.success(r.status === 'confirmed' ? t('courses.booked') : t('courses.waitlisted', { position: r.position })),
      },
    );
  };

  return (
    <List.Item data-testid="session" data-session={session.id}>
      <Flex vertical gap={8} style={{ width: '100%' }}>
        <Flex justify="space-between" wrap gap={8}>
          <Typography.Text strong>{sessionTime(session)}</Typography.Text>
          <Typography.Text type={full ? 'warning' : 'secondary'} data-testid="seats">
            {full
              ? t('courses.fullWaiting', { waiting: session.waiting })
              : t('courses.seatsLeft', { left: session.seatsLeft, seats: session.seats })}
          </Typography.Text>
        </Flex>
        {!started && (me.data === null || isParent) && (
          <Flex gap={8} wrap>
            {isParent && forChild && (
              <Select
                data-testid="child-select"
                placeholder={t('courses.chooseChild')}
                style={{ minWidth: 160 }}
                value={childId}
                onChange={setChildId}
                options={(children.data?.items ?? []).map((ch) => ({ value: ch.id, label: ch.name }))}
              />
            )}
            <Button type={full ? 'default' : 'primary'} onClick={onBook} loading={book.isPending} data-testid="book">
              {full ? t('courses.joinWaitlist') : t('courses.book')}
            </Button>
          </Flex>
        )}
        {book.error && <Alert type="error" showIcon message={fieldErrorsOf(book.error, {}).rest.join('；')} data-testid="book-error" />}
      </Flex>
    </List.Item>
  );
}
