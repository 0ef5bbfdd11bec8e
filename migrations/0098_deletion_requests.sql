-- A parent's request to erase their account or one child's data (PIPL art. 47). The admin
-- approves it, and the erasure runs in that transaction, or rejects it with a reason. The outcome
-- lists each kind of record and whether it was erased, anonymised or kept, and why.
create table deletion_requests (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  scope text not null check (scope in ('account', 'child')),
  child_id uuid references children (id),
  reason text check (length(reason) <= 500),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  outcome jsonb,
  decision_reason text check (length(decision_reason) between 1 and 500),
  requested_at timestamptz not null,
  decided_at timestamptz,
  decided_by uuid references users (id),
  check ((scope = 'child') = (child_id is not null)),
  check ((status = 'pending') = (decided_at is null)),
  check ((status = 'approved') = (outcome is not null)),
  check ((status = 'rejected') = (decision_reason is not null))
);
-- One open request per subject: an account, or a child (whichever guardian asked).
create unique index deletion_requests_open_account_idx on deletion_requests (user_id) where status = 'pending' and scope = 'account';
create unique index deletion_requests_open_child_idx on deletion_requests (child_id) where status = 'pending';
create index deletion_requests_user_idx on deletion_requests (user_id, requested_at desc);
create index deletion_requests_status_idx on deletion_requests (status, requested_at);

-- An erased account keeps its row, as the fee statements, vouchers and audit entries kept by law
-- refer to it, but no longer a person's number: its phone becomes `erased:<id>`, which no
-- sign-in can name.
alter table users add column erased_at timestamptz;
alter table users drop constraint users_phone_check;
alter table users add constraint users_phone_check
  check (phone ~ '^1[3-9][0-9]{9}$' or (erased_at is not null and phone = 'erased:' || id::text));

-- An erased pick-up person stays only where a past check-out names them, without a number.
alter table pickup_persons drop constraint pickup_persons_phone_check;
alter table pickup_persons add constraint pickup_persons_phone_check check (phone ~ '^1[3-9][0-9]{9}$' or phone = '');
