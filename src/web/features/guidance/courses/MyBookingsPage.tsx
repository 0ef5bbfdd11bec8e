import { Alert, Button, Card, Empty, Flex, Input, Popconfirm, QRCode, Rate, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import { fieldErrorsOf } from '../../../components/showFieldErrors';
import { shanghaiMinute } from '../../subsidies/applications/format';
import { type MyBooking, qrPayload } from './api';
import { Lecture } from './Lecture';
import { BookingStatus, sessionTime } from './labels';
import { useBookingAction, useMyBookings, useSendRating } from './queries';

/** 我的预约: each booking with its QR code for check-in, the waitlist place, an offer to confirm, cancelling and a rating afterwards. */
export default function MyBookingsPage() {
  const { t } = useTranslation();
  const bookings = useMyBookings();
  if (bookings.isPending) return <PageLoading />;
  if (bookings.isError) return <LoadError error={bookings.error} onRetry={() => void bookings.refetch()} />;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('courses.myBookings')}
      </Typography.Title>
      <Link to="/courses">{t('courses.browse')}</Link>
      {bookings.data.items.length === 0 ? (
        <Empty description={t('courses.noBookings')} />
      ) : (
        bookings.data.items.map((b) => <BookingCard key={b.id} booking={b} />)
      )}
    </Flex>
  );
}

function BookingCard({ booking: b }: { booking: MyBooking }) {
  const { t } = useTranslation();
  const act = useBookingAction();
  const error = act.error && fieldErrorsOf(act.error, {}).rest.join('；');
  return (
    <Card size="small" data-testid="booking" title={<span style={{ whiteSpace: 'normal' }}>{b.course.title}</span>}>
      <Flex vertical gap={8}>
        <Flex gap={8} wrap align="center">
          <BookingStatus booking={b} />
          <Typography.Text>{sessionTime(b.session)}</Typography.Text>
          {b.child && <Typography.Text type="secondary">{b.child.name}</Typography.Text>}
        </Flex>
        {b.course.venue && <Typography.Text type="secondary">{b.course.venue}</Typography.Text>}
        {b.status === 'offered' && b.offerExpiresAt && (
          <Alert type="info" showIcon message={t('courses.offerUntil', { at: shanghaiMinute(b.offerExpiresAt) })} />
        )}
        {b.checkInCode && !b.checkedInAt && b.course.delivery === 'venue' && (
          <Flex gap={12} align="center" wrap>
            <QRCode value={qrPayload({ id: b.id, checkInCode: b.checkInCode })} size={140} />
            <Flex vertical>
              <Typography.Text type="secondary">{t('courses.checkInCode')}</Typography.Text>
              <Typography.Text strong style={{ fontSize: 24, letterSpacing: 4 }} data-testid="check-in-code">
                {b.checkInCode}
              </Typography.Text>
            </Flex>
          </Flex>
        )}
        {b.checkedInAt && (
          <Typography.Text type="success">{t('courses.checkedInAt', { at: shanghaiMinute(b.checkedInAt) })}</Typography.Text>
        )}
        {b.lecture && b.status === 'confirmed' && <Lecture bookingId={b.id} lecture={b.lecture} />}
        <Flex gap={8} wrap>
          {b.status === 'offered' && (
            <Button
              type="primary"
              loading={act.isPending}
              onClick={() => act.mutate({ bookingId: b.id, action: 'confirm' })}
              data-testid="confirm-offer"
            >
              {t('courses.confirmOffer')}
            </Button>
          )}
          {b.canCancel && (
            <Popconfirm
              title={t('courses.cancelAsk')}
              okText={t('courses.cancelYes')}
              onConfirm={() => act.mutate({ bookingId: b.id, action: 'cancel' })}
            >
              <Button danger data-testid="cancel-booking">
                {t('courses.cancel')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
        {error && <Alert type="error" showIcon message={error} />}
        {b.canRate && <FeedbackForm bookingId={b.id} />}
        {b.rating !== null && (
          <Flex gap={8} align="center" wrap>
            <Rate disabled value={b.rating} />
            {b.comment && <Typography.Text>{b.comment}</Typography.Text>}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

function FeedbackForm({ bookingId }: { bookingId: string }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const send = useSendRating();
  return (
    <Flex vertical gap={8}>
      <Typography.Text>{t('courses.rateAsk')}</Typography.Text>
      <Rate value={rating} onChange={setRating} />
      <Input.TextArea
        maxLength={500}
        rows={2}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t('courses.commentPlaceholder')}
      />
      <Button disabled={rating === 0} loading={send.isPending} onClick={() => send.mutate({ bookingId, rating, comment })}>
        {t('courses.sendRating')}
      </Button>
      {send.error && <Alert type="error" showIcon message={fieldErrorsOf(send.error, {}).rest.join('；')} />}
    </Flex>
  );
}
