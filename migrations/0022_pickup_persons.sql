-- People a guardian authorises to collect a child (接送人). A child is handed over only to a
-- guardian or to one of these while authorised (托育机构管理规范（试行）: handover on pick-up).
-- Revoking keeps the row, so past check-outs still name who collected the child.
create table pickup_persons (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references children (id) on delete cascade,
  name text not null check (length(name) between 1 and 50),
  relation text not null check (relation in ('mother', 'father', 'grandparent', 'relative', 'nanny', 'other')),
  phone text not null check (phone ~ '^1[3-9][0-9]{9}$'),
  -- An adult's resident ID number is sensitive personal information too: encrypted, shown masked.
  resident_id_enc text,
  resident_id_masked text,
  authorised_by uuid not null references users (id),
  authorised_at timestamptz not null,
  revoked_at timestamptz,
  revoked_by uuid references users (id),
  check ((resident_id_enc is null) = (resident_id_masked is null)),
  check ((revoked_at is null) = (revoked_by is null)),
  check (revoked_at is null or revoked_at >= authorised_at)
);
create index pickup_persons_child_idx on pickup_persons (child_id);
