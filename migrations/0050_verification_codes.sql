-- SMS codes that prove a person holds a phone number (sign-up, password reset, invitations).
-- Only a hash of the code is kept; a code is spent once, and dies after 5 wrong tries.
create table verification_codes (
  id uuid primary key default gen_random_uuid(),
  phone text not null check (phone ~ '^1[3-9][0-9]{9}$'),
  purpose text not null check (purpose in ('register', 'reset_password', 'invitation')),
  code_hash text not null,
  ip text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  failed_attempts integer not null default 0,
  used_at timestamptz
);
create index verification_codes_phone_idx on verification_codes (phone, created_at desc);
create index verification_codes_ip_idx on verification_codes (ip, created_at desc);

-- Wrong codes entered, per client address, so guessing across many numbers is bounded too.
create table verification_failures (
  id bigint generated always as identity primary key,
  ip text not null,
  failed_at timestamptz not null
);
create index verification_failures_ip_idx on verification_failures (ip, failed_at desc);
