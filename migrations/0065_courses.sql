-- The guidance center's courses (guidance/courses): classes by age (爬爬班, 走走班, 跳跳班),
-- expert lectures and parent classes, their sessions and the seats booked in them.
create table courses (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('center_class', 'expert_lecture', 'parent_class')),
  title text not null check (length(title) between 1 and 100),
  description text not null default '' check (length(description) <= 2000),
  audience text not null check (audience in ('child', 'parent')),
  -- The age band in months, from inclusive to exclusive: 爬爬班 is 6 to 12.
  min_age_months integer check (min_age_months between 0 and 72),
  max_age_months integer check (max_age_months between 1 and 72),
  delivery text not null check (delivery in ('venue', 'live', 'recorded')),
  venue text check (length(venue) between 1 and 200),
  online_url text check (length(online_url) <= 500),
  price_fen integer not null default 0 check (price_fen >= 0),
  created_by uuid not null references users (id),
  created_at timestamptz not null,
  check ((min_age_months is null) = (max_age_months is null)),
  check (min_age_months is null or min_age_months < max_age_months),
  check (audience = 'child' or min_age_months is null),
  check ((delivery = 'venue') = (venue is not null)),
  check ((delivery = 'venue') = (online_url is null))
);
create index courses_created_idx on courses (created_at desc);

create table course_sessions (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null references courses (id),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  seats integer not null check (seats between 1 and 10000),
  created_at timestamptz not null,
  check (ends_at > starts_at)
);
create index course_sessions_course_idx on course_sessions (course_id, starts_at);
create index course_sessions_starts_idx on course_sessions (starts_at);

-- A seat booked for a child, or for the parent themselves (parent classes). The waitlist is
-- ordered by queue_no, taken while the session row is locked, so it is the order of arrival.
create table course_bookings (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references course_sessions (id),
  booker_id uuid not null references users (id),
  child_id uuid references children (id),
  status text not null check (status in ('confirmed', 'waitlisted', 'offered', 'cancelled', 'expired')),
  queue_no bigint generated always as identity,
  offer_expires_at timestamptz,
  check_in_code text not null check (check_in_code ~ '^[0-9]{6}$'),
  checked_in_at timestamptz,
  checked_in_by uuid references users (id),
  rating integer check (rating between 1 and 5),
  comment text check (length(comment) <= 500),
  rated_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((status = 'offered') = (offer_expires_at is not null)),
  check ((rating is null) = (rated_at is null))
);
-- One live booking per person per session: a child once, a parent once for themselves.
create unique index course_bookings_child_idx on course_bookings (session_id, child_id)
  where child_id is not null and status in ('confirmed', 'waitlisted', 'offered');
create unique index course_bookings_self_idx on course_bookings (session_id, booker_id)
  where child_id is null and status in ('confirmed', 'waitlisted', 'offered');
create index course_bookings_session_idx on course_bookings (session_id, status, queue_no);
create index course_bookings_booker_idx on course_bookings (booker_id, created_at desc);
create index course_bookings_offers_idx on course_bookings (offer_expires_at) where status = 'offered';

-- Every change of a booking's status, by whom (null: the system, e.g. an expired offer).
create table course_booking_transitions (
  id uuid primary key default gen_random_uuid(),
  booking_id uuid not null references course_bookings (id),
  action text not null,
  from_status text,
  to_status text not null,
  actor_id uuid references users (id),
  at timestamptz not null
);
create index course_booking_transitions_booking_idx on course_booking_transitions (booking_id, at);
