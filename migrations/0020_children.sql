-- Children and their guardians. The resident ID number is sensitive personal information of a
-- minor (PIPL art. 28, 31): stored encrypted, found by a keyed hash, shown masked.
create table children (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 50),
  sex text not null check (sex in ('male', 'female')),
  birth_date date not null,
  resident_id_enc text,
  resident_id_index text unique,
  resident_id_masked text,
  residence_division_code text not null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  check ((resident_id_enc is null) = (resident_id_index is null) and (resident_id_enc is null) = (resident_id_masked is null))
);

-- A guardian's consent (监护人同意) to the processing of the child's data, with the version of
-- the notice they agreed to.
create table child_guardians (
  child_id uuid not null references children (id) on delete cascade,
  user_id uuid not null references users (id),
  relation text not null check (relation in ('mother', 'father', 'grandparent', 'other')),
  consent_version text not null,
  consented_at timestamptz not null,
  primary key (child_id, user_id)
);
create index child_guardians_user_idx on child_guardians (user_id);
