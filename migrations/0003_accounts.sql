create table users (
  id uuid primary key default gen_random_uuid(),
  phone text not null unique check (phone ~ '^1[3-9][0-9]{9}$'),
  name text not null check (length(name) between 1 and 100),
  password_hash text not null,
  totp_secret text,
  totp_enabled boolean not null default false,
  disabled_at timestamptz,
  created_at timestamptz not null default now()
);

-- A role and its scope: officials hold a division, institution staff an institution.
create table user_roles (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('parent', 'institution_admin', 'caregiver', 'district_official', 'city_official', 'admin')),
  division_code text,
  institution_id uuid references institutions (id),
  check ((role in ('district_official', 'city_official')) = (division_code is not null)),
  check ((role in ('institution_admin', 'caregiver')) = (institution_id is not null)),
  unique nulls not distinct (user_id, role, division_code, institution_id)
);
create index user_roles_user_idx on user_roles (user_id);

-- The cookie carries a random token; only its SHA-256 is stored, so a leaked table is no key.
create table sessions (
  id text primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  second_factor boolean not null default false,
  ip text,
  user_agent text
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expires_idx on sessions (expires_at);

-- Failures are counted per phone number whether or not an account has it, so a lockout
-- reveals nothing about which numbers are registered.
create table login_attempts (
  phone text primary key,
  failures integer not null default 0,
  window_started_at timestamptz not null,
  locked_until timestamptz
);
