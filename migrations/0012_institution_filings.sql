-- Each submission of a filing (备案) to the district health bureau: the facts as submitted,
-- the review and its outcome. 'initial' before the first filing, 'change' when key facts of
-- a filed institution change (托育机构登记和备案办法（试行）: changes are filed again).
create table institution_filings (
  id uuid primary key default gen_random_uuid(),
  -- Order of submission, also between filings submitted within the same instant.
  submission_no bigint generated always as identity unique,
  institution_id uuid not null references institutions (id),
  kind text not null check (kind in ('initial', 'change')),
  district_code text not null check (district_code ~ '^[0-9]{6}$'),
  snapshot jsonb not null,
  changed_facts text[] not null default '{}',
  submitted_at timestamptz not null,
  submitted_by uuid,
  review_started_at timestamptz,
  reviewer_id uuid,
  outcome text check (outcome in ('filed', 'returned', 'cancelled')),
  decided_at timestamptz,
  decided_by uuid,
  checklist jsonb,
  reasons text check (length(reasons) <= 2000),
  receipt_number text unique,
  receipt_year integer,
  receipt_seq integer,
  check ((outcome is null) = (decided_at is null)),
  check ((outcome is not distinct from 'filed') = (receipt_number is not null)),
  unique (district_code, receipt_year, receipt_seq)
);
create index institution_filings_institution_idx on institution_filings (institution_id, submission_no);
create index institution_filings_open_idx on institution_filings (district_code, submitted_at) where outcome is null;

-- Filing receipt (备案回执) numbers run 1, 2, … per district and year. This row is the lock
-- that keeps them unique and gapless: INSERT … ON CONFLICT DO UPDATE … RETURNING takes its
-- row lock until the filing transaction commits or rolls back.
create table filing_receipt_counters (
  district_code text not null,
  year integer not null,
  last_number integer not null check (last_number > 0),
  primary key (district_code, year)
);

-- The filed version of each institution, as the public sees it: written when a filing is
-- filed (key facts) and when a director changes facts that need no review (fees, hours, …).
-- `active` is false while suspended or once closed. Public search reads only this table.
create table filed_institutions (
  institution_id uuid primary key references institutions (id),
  active boolean not null default true,
  name text not null,
  pinyin text not null,
  -- name, pinyin without spaces and initials, lower case: one trigram index serves all three
  search_text text not null,
  credit_code text not null,
  operator_type text not null,
  service_forms text[] not null,
  address text not null,
  division_code text not null,
  lat double precision not null,
  lng double precision not null,
  indoor_area_m2 double precision not null,
  outdoor_area_m2 double precision not null,
  opens_at text,
  closes_at text,
  open_weekdays integer[] not null,
  fee_infant_fen integer,
  fee_toddler_fen integer,
  fee_older_toddler_fen integer,
  fee_mixed_fen integer,
  serves_meals boolean not null,
  facilities text[] not null,
  description text not null,
  contact_phone text,
  filing_number text not null,
  filed_at timestamptz not null,
  updated_at timestamptz not null
);
-- Distance search filters with earth_box (a cube around the point) on this GiST index, then
-- checks the exact great-circle distance on the few rows inside the box.
create index filed_institutions_earth_idx on filed_institutions using gist (ll_to_earth(lat, lng)) where active;
create index filed_institutions_search_idx on filed_institutions using gin (search_text gin_trgm_ops);
create index filed_institutions_division_idx on filed_institutions (division_code text_pattern_ops);
