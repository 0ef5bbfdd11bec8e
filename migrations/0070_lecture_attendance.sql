-- Online lectures: watching is recorded as attendance for the center's statistics. A booking is
-- opened the first time its parent opens the live link or the recording (kept, never moved), and
-- finished once the recording has been watched to its end or the parent was present at the end
-- of the live lecture. A recorded lecture states its length, which an embedded player cannot
-- report: "我已看完" is accepted once that long has passed since opening.
alter table course_bookings
  add column opened_at timestamptz,
  add column finished_at timestamptz,
  add constraint course_bookings_finished_after_opened check (finished_at is null or (opened_at is not null and finished_at >= opened_at));

alter table courses
  add column duration_minutes integer check (duration_minutes between 1 and 600);

-- Recordings entered before their length was asked for are taken as an hour, the length of the
-- center's lectures so far; new recordings must state theirs.
update courses set duration_minutes = 60 where delivery = 'recorded';

alter table courses
  add constraint courses_recorded_duration check (delivery <> 'recorded' or duration_minutes is not null);
