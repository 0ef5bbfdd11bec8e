import { Button, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { shanghaiMinute } from '../../subsidies/applications/format';
import type { LectureView, MyBooking } from './api';
import { useFinishLecture, useOpenLecture } from './queries';

type LectureState = NonNullable<MyBooking['lecture']>;

/** The time now, again every 20 seconds: the lecture opens and "finished" becomes possible while the page stays open. */
function useNow() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 20_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * A confirmed booking's online lecture: opening it asks the server for the address (which records
 * the opening); a video file plays here and its end is recorded, another site's player and a live
 * room open in a new tab and the parent says when they finished or were there at the end.
 */
export function Lecture({ bookingId, lecture }: { bookingId: string; lecture: LectureState }) {
  const { t } = useTranslation();
  const now = useNow();
  const open = useOpenLecture();
  const finish = useFinishLecture();
  const view: LectureView | LectureState = open.data ?? lecture;
  const before = now < Date.parse(lecture.opensAt);
  const over = now >= Date.parse(lecture.closesAt);
  const live = lecture.player === 'live';
  const finishedAt = finish.data?.finishedAt ?? view.finishedAt;
  const mayFinish =
    view.finishFrom !== null &&
    !finishedAt &&
    lecture.player !== 'video' &&
    now >= Date.parse(view.finishFrom) &&
    (view.finishUntil === null || now <= Date.parse(view.finishUntil));

  return (
    <Flex vertical gap={8} data-testid="lecture">
      {before && (
        <Typography.Text type="secondary">{t('courses.lecture.opensAt', { at: shanghaiMinute(lecture.opensAt) })}</Typography.Text>
      )}
      {!before && !over && !open.data && (
        <Button type="primary" loading={open.isPending} onClick={() => open.mutate(bookingId)} data-testid="open-lecture">
          {live ? t('courses.lecture.openLive') : t('courses.lecture.openRecording')}
        </Button>
      )}
      {open.data?.player === 'video' && (
        // biome-ignore lint/a11y/useMediaCaption: the center's recordings come without caption files
        <video
          src={open.data.url}
          controls
          preload="metadata"
          style={{ width: '100%', maxHeight: 360, background: '#000' }}
          onEnded={() => finish.mutate(bookingId)}
          data-testid="lecture-video"
        />
      )}
      {open.data && open.data.player !== 'video' && (
        <Button href={open.data.url} target="_blank" rel="noopener noreferrer" data-testid="lecture-link">
          {live ? t('courses.lecture.liveLink') : t('courses.lecture.embedLink')}
        </Button>
      )}
      {view.openedAt && !finishedAt && view.finishFrom && lecture.player !== 'video' && !mayFinish && (
        <Typography.Text type="secondary">
          {live
            ? t('courses.lecture.presenceFrom', { at: shanghaiMinute(view.finishFrom) })
            : t('courses.lecture.finishFrom', { at: shanghaiMinute(view.finishFrom) })}
        </Typography.Text>
      )}
      {mayFinish && (
        <Button loading={finish.isPending} onClick={() => finish.mutate(bookingId)} data-testid="finish-lecture">
          {live ? t('courses.lecture.finishLive') : t('courses.lecture.finishEmbed')}
        </Button>
      )}
      {finishedAt ? (
        <Typography.Text type="success" data-testid="lecture-finished">
          {t('courses.lecture.finishedAt', { at: shanghaiMinute(finishedAt) })}
        </Typography.Text>
      ) : (
        over && !view.openedAt && <Typography.Text type="secondary">{t('courses.lecture.over')}</Typography.Text>
      )}
      <ErrorAlert error={open.error ?? finish.error} />
    </Flex>
  );
}
