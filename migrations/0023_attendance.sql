-- Daily attendance (出勤): one row per child per day, written over (upsert) as the day goes on.
-- class_id is the class on that day, since a transfer moves the enrolment's class in place.
create table attendance (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references children (id),
  institution_id uuid not null references institutions (id),
  class_id uuid not null references institution_classes (id),
  day date not null,
  status text not null check (status in ('present', 'absent')),
  checked_in_at timestamptz,
  checked_out_at timestamptz,
  picked_up_by_guardian uuid references users (id),
  picked_up_by_person uuid references pickup_persons (id),
  absence_reason text check (absence_reason in ('sick', 'leave', 'other')),
  note text check (length(note) <= 500),
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null,
  unique (child_id, day),
  check ((status = 'present') = (checked_in_at is not null)),
  check ((status = 'absent') = (absence_reason is not null)),
  check (checked_out_at is null or checked_out_at >= checked_in_at),
  -- Handed over to exactly one guardian or authorised person, and only on check-out.
  check (num_nonnulls(picked_up_by_guardian, picked_up_by_person) = (case when checked_out_at is null then 0 else 1 end))
);
create index attendance_class_day_idx on attendance (class_id, day);
create index attendance_institution_day_idx on attendance (institution_id, day);
