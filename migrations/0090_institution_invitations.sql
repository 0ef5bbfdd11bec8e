-- A director invites a phone number into their institution as a caregiver or a second director.
-- The id is random (gen_random_uuid is version 4), so an invitation cannot be guessed from
-- another. Its status is read from the times: revoked, else accepted, else expired once
-- expires_at has passed, else pending. `staff_id` ties the account to a roster entry, so the
-- entry's leaving ends the role the invitation gave.
create table institution_invitations (
  id uuid primary key default gen_random_uuid(),
  institution_id uuid not null references institutions (id),
  phone text not null check (phone ~ '^1[3-9][0-9]{9}$'),
  role text not null check (role in ('institution_admin', 'caregiver')),
  staff_id uuid references institution_staff (id),
  invited_by uuid not null references users (id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid references users (id),
  revoked_at timestamptz,
  revoked_by uuid references users (id),
  check ((accepted_at is null) = (accepted_by is null)),
  check ((revoked_at is null) = (revoked_by is null))
);
create index institution_invitations_institution_idx on institution_invitations (institution_id, created_at desc);
create index institution_invitations_staff_idx on institution_invitations (staff_id) where staff_id is not null;
