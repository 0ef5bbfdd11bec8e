-- Applications (入托申请): a guardian applies for a child and a wished start date, naming up
-- to three institutions in order. Each institution decides on its own choice row.
create table applications (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references children (id),
  guardian_id uuid not null references users (id),
  start_date date not null,
  sibling_attends boolean not null default false,
  staff_child boolean not null default false,
  created_at timestamptz not null default now()
);
create index applications_child_idx on applications (child_id);

-- One institution's decision on an application (src/domain/enrollment/applicationWorkflow.ts).
create table application_choices (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications (id),
  institution_id uuid not null references institutions (id),
  rank smallint not null check (rank between 1 and 3),
  status text not null default 'new'
    check (status in ('new', 'waitlisted', 'offered', 'accepted', 'declined', 'withdrawn', 'expired')),
  class_id uuid references institution_classes (id),
  offer_expires_at timestamptz,
  decided_at timestamptz,
  unique (application_id, institution_id),
  unique (application_id, rank),
  check ((status = 'offered') <= (class_id is not null and offer_expires_at is not null))
);
create index application_choices_institution_idx on application_choices (institution_id, status);

-- Which priorities an institution gives its waitlist, in order (src/domain/enrollment/waitlist.ts).
alter table institutions add column waitlist_priorities text[] not null default '{sibling}';

-- A child's place in a class. An enrolment without end_date holds a place.
create table enrolments (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references children (id),
  institution_id uuid not null references institutions (id),
  class_id uuid not null references institution_classes (id),
  choice_id uuid references application_choices (id),
  start_date date not null,
  end_date date,
  end_reason text check (length(end_reason) <= 200),
  created_at timestamptz not null default now(),
  check (end_date is null or end_date >= start_date)
);
-- A child holds at most one place at a time.
create unique index enrolments_one_active_per_child_idx on enrolments (child_id) where end_date is null;
create index enrolments_class_idx on enrolments (class_id) where end_date is null;
create index enrolments_institution_idx on enrolments (institution_id);

-- Replaces the seam left by 0011: vacancies now count real enrolments.
create or replace view class_enrolment_counts as
  select class_id, count(*)::integer as enrolled from enrolments where end_date is null group by class_id;
