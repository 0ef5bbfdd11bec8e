-- Designations granted by the city health commission: inclusive (普惠, with a price cap per
-- class type and an agreement period), pilot (试点) and demonstration (示范) at city,
-- provincial or national level, each with its date and document. Revoked, never deleted.
create table institution_designations (
  id uuid primary key default gen_random_uuid(),
  institution_id uuid not null references institutions (id),
  kind text not null check (kind in ('inclusive', 'pilot', 'demonstration')),
  level text check (level in ('city', 'provincial', 'national')),
  granted_on date not null,
  document text not null check (length(document) between 1 and 200),
  valid_from date not null,
  valid_to date, -- last day in force (inclusive); null: until revoked
  cap_infant_fen integer check (cap_infant_fen >= 0),
  cap_toddler_fen integer check (cap_toddler_fen >= 0),
  cap_older_toddler_fen integer check (cap_older_toddler_fen >= 0),
  cap_mixed_fen integer check (cap_mixed_fen >= 0),
  granted_by uuid,
  revoked_on date,
  revoked_reason text check (length(revoked_reason) <= 500),
  revoked_by uuid,
  created_at timestamptz not null default now(),
  check ((kind = 'inclusive') = (level is null)),
  check (kind <> 'inclusive' or valid_to is not null),
  check (valid_to is null or valid_to >= valid_from),
  check ((revoked_on is null) = (revoked_reason is null))
);
create index institution_designations_institution_idx on institution_designations (institution_id);
