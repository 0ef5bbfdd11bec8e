-- Institution subsidy applications (机构补贴申请): social insurance, new inclusive places,
-- operating. Reviewed by the district health bureau, then approved with an amount by the city
-- (src/domain/subsidies/institutionSubsidies.ts). Facts per kind sit in `details`.
create table institution_subsidy_applications (
  id uuid primary key default gen_random_uuid(),
  institution_id uuid not null references institutions (id),
  -- The district whose bureau reviews it: the institution's, when it applied.
  district_code text not null check (district_code ~ '^[0-9]{6}$'),
  kind text not null check (kind in ('social_insurance', 'new_place', 'operating')),
  period_from date not null,
  period_to date not null,
  details jsonb not null,
  description text not null default '' check (length(description) <= 2000),
  requested_fen bigint not null check (requested_fen >= 0),
  suggested_fen bigint check (suggested_fen >= 0),
  status text not null default 'submitted' check (status in ('submitted', 'district_approved', 'approved', 'returned', 'withdrawn')),
  approved_fen bigint check (approved_fen >= 0),
  submitted_at timestamptz not null,
  submitted_by uuid references users (id),
  updated_at timestamptz not null,
  check (period_to >= period_from),
  check ((status = 'approved') = (approved_fen is not null))
);
create index institution_subsidy_applications_institution_idx on institution_subsidy_applications (institution_id, submitted_at);
create index institution_subsidy_applications_review_idx on institution_subsidy_applications (status, district_code);

-- Every step of the review, with who took it and their note or reasons.
create table institution_subsidy_events (
  id bigint generated always as identity primary key,
  application_id uuid not null references institution_subsidy_applications (id),
  action text not null check (action in ('submit', 'district_approve', 'district_return', 'city_approve', 'city_return', 'resubmit', 'withdraw')),
  from_status text,
  to_status text not null,
  actor_id uuid references users (id),
  note text check (length(note) <= 2000),
  amount_fen bigint,
  at timestamptz not null
);
create index institution_subsidy_events_application_idx on institution_subsidy_events (application_id, id);

-- Supporting documents (payroll and social insurance records, place counts, …); bytes in file storage.
create table institution_subsidy_files (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references institution_subsidy_applications (id),
  filename text not null check (length(filename) between 1 and 200),
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text not null unique,
  uploaded_by uuid references users (id),
  created_at timestamptz not null
);
create index institution_subsidy_files_application_idx on institution_subsidy_files (application_id);
