import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { shanghaiMinute } from '../../subsidies/applications/format';
import type { Course, MyBooking } from './api';

/** The tags a course is known by: kind, age band or parents, where, and price. */
export function CourseTags({ course }: { course: Course }) {
  const { t } = useTranslation();
  return (
    <span>
      <Tag color="blue">{t(`courses.kind.${course.kind}`)}</Tag>
      <Tag color="green">
        {course.ageBand ? t('courses.ageBand', { from: course.ageBand.fromMonths, to: course.ageBand.toMonths }) : t('courses.forParents')}
      </Tag>
      <Tag>{t(`courses.delivery.${course.delivery}`)}</Tag>
      <Tag color={course.priceFen === 0 ? 'gold' : undefined}>
        {course.priceFen === 0 ? t('courses.free') : t('courses.price', { yuan: (course.priceFen / 100).toFixed(2) })}
      </Tag>
    </span>
  );
}

const STATUS_COLOR: Record<MyBooking['status'], string> = {
  confirmed: 'green',
  waitlisted: 'orange',
  offered: 'blue',
  cancelled: 'default',
  expired: 'default',
};

export function BookingStatus({ booking }: { booking: Pick<MyBooking, 'status' | 'position'> }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[booking.status]} data-testid="booking-status">
      {booking.status === 'waitlisted'
        ? t('courses.status.waitlistedAt', { position: booking.position })
        : t(`courses.status.${booking.status}`)}
    </Tag>
  );
}

export const sessionTime = (s: { startsAt: string; endsAt: string }) =>
  `${shanghaiMinute(s.startsAt)}–${shanghaiMinute(s.endsAt).slice(-5)}`;
