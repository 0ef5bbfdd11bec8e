-- Classes (班级) of the national standard's types; capacity is the number of places. The
-- filed_* columns hold the class as last filed: public vacancies count on them, so a change
-- of class plan waits for review like every key fact. A class removed from a filed plan is
-- archived, not deleted, until the change is filed.
create table institution_classes (
  id uuid primary key default gen_random_uuid(),
  institution_id uuid not null references institutions (id),
  class_type text not null check (class_type in ('infant', 'toddler', 'older_toddler', 'mixed')),
  name text not null check (length(name) between 1 and 50),
  capacity integer not null check (capacity between 1 and 100),
  archived_at timestamptz,
  filed_class_type text check (filed_class_type in ('infant', 'toddler', 'older_toddler', 'mixed')),
  filed_name text,
  filed_capacity integer,
  created_at timestamptz not null default now(),
  check ((filed_class_type is null) = (filed_capacity is null) and (filed_name is null) = (filed_capacity is null))
);
create index institution_classes_institution_idx on institution_classes (institution_id);

-- The staff roster (工作人员). Leaving sets left_on; the row stays for the filing history.
create table institution_staff (
  id uuid primary key default gen_random_uuid(),
  institution_id uuid not null references institutions (id),
  name text not null check (length(name) between 1 and 50),
  role text not null check (role in ('director', 'caregiver', 'health_worker', 'security', 'cook', 'other')),
  hired_on date,
  left_on date,
  created_at timestamptz not null default now(),
  check (left_on is null or hired_on is null or left_on >= hired_on)
);
create index institution_staff_institution_idx on institution_staff (institution_id);

-- Certificates: health certificate (健康证, renewed yearly), childcare qualification, …
create table staff_certificates (
  id uuid primary key default gen_random_uuid(),
  staff_id uuid not null references institution_staff (id) on delete cascade,
  kind text not null check (kind in ('health', 'caregiver_qualification', 'health_worker_qualification', 'other')),
  number text check (length(number) <= 50),
  issued_on date,
  expires_on date,
  check (expires_on is null or issued_on is null or expires_on >= issued_on)
);
create index staff_certificates_staff_idx on staff_certificates (staff_id);

-- Caregivers assigned to a class. One class per caregiver, so no one counts twice in ratios.
create table class_caregivers (
  class_id uuid not null references institution_classes (id) on delete cascade,
  staff_id uuid not null unique references institution_staff (id) on delete cascade,
  primary key (class_id, staff_id)
);

-- The enrolment seam: children enrolled per class. Until enrolment exists no child is
-- enrolled, so the view has no rows and readers count 0 (left join, coalesce). The enrolment
-- module replaces this view with the same columns and every vacancy follows.
create view class_enrolment_counts as
  select c.id as class_id, 0::integer as enrolled from institution_classes c where false;
