-- Complaints about an institution, routed to the district that supervises it (its division's
-- first six digits). The complainant is a signed-in user or a member of the public who proved
-- the number by SMS code; either way the number is kept, and whoever signs in with it later
-- follows the complaint. The institution never reads this table.
create table complaints (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique check (reference ~ '^TS[0-9]{8}[A-Z0-9]{4}$'),
  institution_id uuid not null references institutions (id),
  district_code text not null check (district_code ~ '^[0-9]{6}$'),
  category text not null check (category in ('safety', 'health', 'fees', 'staffing', 'other')),
  text text not null check (length(text) between 1 and 2000),
  complainant_user_id uuid references users (id),
  complainant_phone text not null check (complainant_phone ~ '^1[3-9][0-9]{9}$'),
  status text not null default 'submitted'
    check (status in ('submitted', 'accepted', 'escalated', 'resolved', 'rejected')),
  submitted_at timestamptz not null,
  accept_due date not null,
  accepted_at timestamptz,
  -- The day the resolve deadline counts from (acceptance, or escalation to the city) and the
  -- deadline itself, 5 working days on, 15 once extended.
  resolve_from date,
  resolve_due date,
  extended boolean not null default false,
  escalated boolean not null default false,
  answer text check (length(answer) between 1 and 2000),
  upheld boolean,
  closed_at timestamptz,
  rating smallint check (rating between 1 and 5),
  rating_comment text check (length(rating_comment) <= 500),
  rated_at timestamptz,
  check ((resolve_from is null) = (resolve_due is null)),
  check ((status = 'resolved') = (upheld is not null)),
  check ((status in ('resolved', 'rejected')) = (closed_at is not null)),
  check (rating is null or status = 'resolved')
);
create index complaints_district_idx on complaints (district_code, submitted_at desc);
create index complaints_institution_idx on complaints (institution_id, closed_at);
create index complaints_user_idx on complaints (complainant_user_id);
create index complaints_phone_idx on complaints (complainant_phone);

-- Each step of a complaint's handling with its reason or answer, shown to the officials.
create table complaint_transitions (
  id uuid primary key default gen_random_uuid(),
  complaint_id uuid not null references complaints (id) on delete cascade,
  action text not null check (action in ('accept', 'extend', 'resolve', 'reject', 'escalate')),
  from_status text not null,
  to_status text not null,
  note text check (length(note) between 1 and 2000),
  acted_by uuid not null references users (id),
  acted_at timestamptz not null
);
create index complaint_transitions_complaint_idx on complaint_transitions (complaint_id, acted_at);

-- Up to three photos a complaint carries, checked by content (JPEG or PNG) before they are kept.
create table complaint_photos (
  id uuid primary key default gen_random_uuid(),
  complaint_id uuid not null references complaints (id) on delete cascade,
  content_type text not null check (content_type in ('image/jpeg', 'image/png')),
  size_bytes integer not null check (size_bytes > 0),
  storage_key text not null unique,
  created_at timestamptz not null
);
create index complaint_photos_complaint_idx on complaint_photos (complaint_id);

-- A member of the public proves their number with a code of its own purpose.
alter table verification_codes drop constraint verification_codes_purpose_check;
alter table verification_codes add constraint verification_codes_purpose_check
  check (purpose in ('register', 'reset_password', 'invitation', 'complaint'));
