import { Alert, Button, Card, Flex, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFeedback } from '../../../components/feedback';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import { fieldErrorsOf } from '../../../components/showFieldErrors';
import { shanghaiMinute } from '../../subsidies/applications/format';
import { parseQrPayload, type Roster } from './api';
import { BookingStatus, sessionTime } from './labels';
import { useCheckIn, useRoster } from './queries';

/** A session's roster in queue order; staff check bookings in by scanning the QR code or typing its code. */
export function RosterPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const roster = useRoster(sessionId);
  if (roster.isPending) return <PageLoading />;
  if (roster.isError) return <LoadError error={roster.error} onRetry={() => void roster.refetch()} />;
  const r = roster.data;
  const checkedIn = r.items.filter((i) => i.checkedInAt).length;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 820 }}>
      <Link to="..">{t('courses.staff.backToCourses')}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {r.course.title}
      </Typography.Title>
      <Typography.Text>
        {sessionTime(r.session)} ·{' '}
        {t('courses.staff.load', { held: r.session.seats - r.session.seatsLeft, seats: r.session.seats, waiting: r.session.waiting })} ·{' '}
        {t('courses.staff.checkedInCount', { count: checkedIn })}
      </Typography.Text>
      <ScanBox />
      <Card size="small" title={t('courses.staff.roster')}>
        <List dataSource={r.items} renderItem={(item) => <RosterItem item={item} />} />
      </Card>
    </Flex>
  );
}

/** A scanner (or a phone's camera app) types the QR code's text here; it names the booking and its code. */
function ScanBox() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const checkIn = useCheckIn();
  const submit = () => {
    const parsed = parseQrPayload(text);
    if (!parsed) return setError(t('courses.staff.scanUnreadable'));
    setError(undefined);
    checkIn.mutate(
      { bookingId: parsed.bookingId, code: parsed.code },
      {
        onSuccess: () => {
          setText('');
          void message.success(t('courses.staff.checkedIn'));
        },
        onError: (e) => setError(fieldErrorsOf(e, {}).rest.join('；')),
      },
    );
  };
  return (
    <Flex vertical gap={8}>
      <Input.Search
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={submit}
        enterButton={t('courses.staff.checkIn')}
        placeholder={t('courses.staff.scanPlaceholder')}
        data-testid="scan-input"
      />
      {error && <Alert type="error" showIcon message={error} />}
    </Flex>
  );
}

function RosterItem({ item }: { item: Roster['items'][number] }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const checkIn = useCheckIn();
  const error = checkIn.error && fieldErrorsOf(checkIn.error, {}).rest.join('；');
  return (
    <List.Item data-testid="roster-item">
      <Flex vertical gap={6} style={{ width: '100%' }}>
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{item.childName ?? item.bookerName}</Typography.Text>
          {item.childName && <Typography.Text type="secondary">{t('courses.staff.bookedBy', { name: item.bookerName })}</Typography.Text>}
          <BookingStatus booking={item} />
          {item.checkedInAt && (
            <Typography.Text type="success">{t('courses.checkedInAt', { at: shanghaiMinute(item.checkedInAt) })}</Typography.Text>
          )}
        </Flex>
        {item.status === 'confirmed' && !item.checkedInAt && (
          <Flex gap={8}>
            <Input
              value={code}
              onChange={(e) => setCode(e.target.value)}
              inputMode="numeric"
              maxLength={6}
              placeholder={t('courses.staff.codePlaceholder')}
              style={{ maxWidth: 160 }}
              data-testid="code-input"
            />
            <Button
              type="primary"
              loading={checkIn.isPending}
              onClick={() => checkIn.mutate({ bookingId: item.id, code })}
              data-testid="check-in"
            >
              {t('courses.staff.checkIn')}
            </Button>
          </Flex>
        )}
        {error && <Alert type="error" showIcon message={error} />}
      </Flex>
    </List.Item>
  );
}
