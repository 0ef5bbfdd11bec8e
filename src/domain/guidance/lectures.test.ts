import { describe, expect, it } from 'vitest';
import { finishedShare, finishRefusal, finishWindow, lecturePlayer, openRefusal } from './lectures.ts';

const startsAt = new Date('2026-12-10T01:30:00Z');
const endsAt = new Date('2026-12-10T02:30:00Z');
const at = (iso: string) => new Date(iso);

describe('online lectures', () => {
  it('plays a video file in the page and any other recording in its own site’s player', () => {
    expect(lecturePlayer('recorded', 'https://v.lygfy.cn/lectures/fever.MP4')).toBe('video');
    expect(lecturePlayer('recorded', 'https://v.lygfy.cn/lectures/fever.webm?t=1')).toBe('video');
    expect(lecturePlayer('recorded', 'https://player.bilibili.com/player.html?bvid=BV1&x=.mp4')).toBe('embed');
    expect(lecturePlayer('live', 'https://v.lygfy.cn/x.mp4')).toBe('live');
  });

  it('opens at the start, not a second before, and closes at the end', () => {
    expect(openRefusal({ startsAt, endsAt }, at('2026-12-10T01:29:59Z'))).toBe('notStarted');
    expect(openRefusal({ startsAt, endsAt }, startsAt)).toBeNull();
    expect(openRefusal({ startsAt, endsAt }, endsAt)).toBe('over');
  });

  it('counts an embedded recording finished once its length has passed since opening', () => {
    const l = { player: 'embed' as const, startsAt, endsAt, durationMinutes: 45 };
    const opened = at('2026-12-10T01:40:00Z');
    expect(finishRefusal(l, null, endsAt)).toBe('notOpened');
    expect(finishRefusal(l, opened, at('2026-12-10T02:24:59Z'))).toBe('tooEarly');
    expect(finishRefusal(l, opened, at('2026-12-10T02:25:00Z'))).toBeNull();
    expect(finishRefusal(l, opened, at('2027-01-10T00:00:00Z'))).toBeNull();
  });

  it('takes a video file’s end whenever the page sees it', () => {
    const l = { player: 'video' as const, startsAt, endsAt, durationMinutes: 45 };
    const opened = at('2026-12-10T01:40:00Z');
    expect(finishRefusal(l, opened, at('2026-12-10T01:50:00Z'))).toBeNull();
  });

  it('counts a live lecture finished for those present from ten minutes before its end to half an hour after', () => {
    const l = { player: 'live' as const, startsAt, endsAt, durationMinutes: null };
    const opened = startsAt;
    expect(finishWindow(l, opened)).toEqual({ from: at('2026-12-10T02:20:00Z'), until: at('2026-12-10T03:00:00Z') });
    expect(finishRefusal(l, opened, at('2026-12-10T02:19:59Z'))).toBe('tooEarly');
    expect(finishRefusal(l, opened, at('2026-12-10T02:20:00Z'))).toBeNull();
    expect(finishRefusal(l, opened, at('2026-12-10T03:00:00Z'))).toBeNull();
    expect(finishRefusal(l, opened, at('2026-12-10T03:00:01Z'))).toBe('closed');
  });

  it('gives the share finished in whole percent, none without bookings', () => {
    expect(finishedShare(0, 0)).toBeNull();
    expect(finishedShare(3, 2)).toBe(67);
  });
});
