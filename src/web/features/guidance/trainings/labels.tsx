import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Training } from './api';

const SHANGHAI = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

/** A session's date and times in the city's time: 2026/12/10 09:30–12:30. */
export const sessionTime = (s: { startsAt: string; endsAt: string }) =>
  `${SHANGHAI.format(new Date(s.startsAt))}–${TIME.format(new Date(s.endsAt))}`;

export const issuedDate = (iso: string) => SHANGHAI.format(new Date(iso)).slice(0, 10).replaceAll('/', '-');

export function TrainingTags({ training }: { training: Training }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color="blue">{t(`trainings.audience.${training.audience}`)}</Tag>
      <Tag>{t('trainings.requiredHours', { hours: training.requiredHours })}</Tag>
      <Tag>{training.delivery === 'venue' ? training.venue : t('trainings.online')}</Tag>
      {training.status === 'closed' && <Tag color="default">{t('trainings.closed')}</Tag>}
    </>
  );
}
