-- Search needs trigram matching (names, pinyin) and great-circle distance; all three ship in
-- PostgreSQL's contrib and in PGlite. In public, so every schema's search_path finds them.
create extension if not exists pg_trgm with schema public;
create extension if not exists cube with schema public;
create extension if not exists earthdistance with schema public;

-- The registry (登记) of a childcare institution as its director keeps it: the working copy.
-- What the public sees is the filed version (filed_institutions, 0012), written only when a
-- filing is filed, so changed key facts wait for review while the filed version stays public.
-- `status` is the filing workflow state (src/domain/institutions/filingWorkflow.ts).
alter table institutions
  add column status text not null default 'draft'
    check (status in ('draft', 'submitted', 'under_review', 'returned', 'filed', 'suspended', 'closed')),
  add column status_reason text,
  add column status_changed_at timestamptz,
  add column credit_code text check (credit_code ~ '^[0-9A-HJ-NPQRTUW-Y]{18}$'),
  add column operator_type text check (operator_type in
    ('public', 'private_nonprofit', 'private_for_profit', 'employer', 'community', 'kindergarten_attached', 'family_point')),
  add column service_forms text[] not null default '{}',
  add column address text check (length(address) <= 200),
  add column lat double precision check (lat between -90 and 90),
  add column lng double precision check (lng between -180 and 180),
  add column indoor_area_m2 double precision check (indoor_area_m2 > 0),
  add column outdoor_area_m2 double precision check (outdoor_area_m2 >= 0),
  add column opens_at text check (opens_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  add column closes_at text check (closes_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  add column open_weekdays integer[] not null default '{1,2,3,4,5}',
  -- Monthly fee per class type in integer fen; null where the type is not offered.
  add column fee_infant_fen integer check (fee_infant_fen >= 0),
  add column fee_toddler_fen integer check (fee_toddler_fen >= 0),
  add column fee_older_toddler_fen integer check (fee_older_toddler_fen >= 0),
  add column fee_mixed_fen integer check (fee_mixed_fen >= 0),
  add column serves_meals boolean not null default false,
  add column facilities text[] not null default '{}',
  add column description text not null default '' check (length(description) <= 2000),
  add column contact_phone text check (length(contact_phone) <= 20),
  add column pinyin text not null default '',
  add column initials text not null default '',
  add column updated_at timestamptz not null default now(),
  add constraint institutions_location_pair check ((lat is null) = (lng is null));

-- One live registration per legal entity; a closed institution's code may register again.
create unique index institutions_credit_code_idx on institutions (credit_code) where credit_code is not null and status <> 'closed';
create index institutions_status_idx on institutions (status);
