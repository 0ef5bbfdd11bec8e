-- Staff training (guidance/trainings): the guidance center's trainings for directors and staff,
-- their sessions, the staff enrolled by their director, attendance per session, and the
-- certificate issued when an enrolment is completed (in the completing transaction).
create table trainings (
  id uuid primary key default gen_random_uuid(),
  title text not null check (length(title) between 1 and 100),
  audience text not null check (audience in ('director', 'staff', 'all')),
  description text not null default '' check (length(description) <= 2000),
  -- Hours a person must attend to complete the training (a certificate is for these hours).
  required_hours numeric(5, 1) not null check (required_hours > 0 and required_hours <= 500),
  delivery text not null check (delivery in ('venue', 'online')),
  venue text check (length(venue) between 1 and 200),
  online_url text check (length(online_url) between 1 and 500),
  -- The textbook (e.g. the director training textbook) as a PDF link, optional.
  textbook_url text check (length(textbook_url) between 1 and 500),
  status text not null default 'open' check (status in ('open', 'closed')),
  created_by uuid not null references users (id),
  created_at timestamptz not null,
  check ((delivery = 'venue') = (venue is not null)),
  check ((delivery = 'online') = (online_url is not null))
);
create index trainings_created_idx on trainings (created_at desc);

create table training_sessions (
  id uuid primary key default gen_random_uuid(),
  training_id uuid not null references trainings (id),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  hours numeric(4, 1) not null check (hours > 0 and hours <= 24),
  created_at timestamptz not null,
  check (ends_at > starts_at)
);
create index training_sessions_training_idx on training_sessions (training_id, starts_at);

-- A staff member (institutions' roster) enrolled by their director. institution_id is the
-- staff member's institution at enrolment, so a director's lists need no join to the roster.
create table training_enrolments (
  id uuid primary key default gen_random_uuid(),
  training_id uuid not null references trainings (id),
  staff_id uuid not null references institution_staff (id),
  institution_id uuid not null references institutions (id),
  enrolled_by uuid not null references users (id),
  status text not null default 'enrolled' check (status in ('enrolled', 'completed', 'withdrawn')),
  enrolled_at timestamptz not null,
  completed_at timestamptz,
  completed_by uuid references users (id),
  unique (training_id, staff_id),
  check ((status = 'completed') = (completed_at is not null))
);
create index training_enrolments_institution_idx on training_enrolments (institution_id);

create table training_attendance (
  session_id uuid not null references training_sessions (id),
  enrolment_id uuid not null references training_enrolments (id),
  attended boolean not null,
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null,
  primary key (session_id, enrolment_id)
);
create index training_attendance_enrolment_idx on training_attendance (enrolment_id);

create sequence training_certificate_serial;

-- The certificate (培训合格证书): names are snapshots, as printed on the day of issue.
create table training_certificates (
  id uuid primary key default gen_random_uuid(),
  -- PX2026-000123: year of issue and a serial.
  number text not null unique check (number ~ '^PX[0-9]{4}-[0-9]{6,}$'),
  -- What the public check asks for: 12 characters of the voucher-code alphabet.
  code text not null unique check (code ~ '^[0-9A-HJKMNP-TV-Z]{12}$'),
  enrolment_id uuid not null unique references training_enrolments (id),
  training_id uuid not null references trainings (id),
  staff_id uuid not null references institution_staff (id),
  institution_id uuid not null references institutions (id),
  staff_name text not null,
  institution_name text not null,
  training_title text not null,
  hours numeric(5, 1) not null check (hours > 0),
  issued_at timestamptz not null,
  issued_by uuid not null references users (id),
  revoked_at timestamptz,
  revoked_by uuid references users (id),
  revoke_reason text check (length(revoke_reason) between 1 and 500),
  check ((revoked_at is null) = (revoke_reason is null))
);
create index training_certificates_staff_idx on training_certificates (staff_id, issued_at);
create index training_certificates_institution_idx on training_certificates (institution_id, issued_at);
