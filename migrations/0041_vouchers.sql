-- Vouchers issued to children. A voucher is used once (核销一次): its face value is reserved at
-- issue and leaves `outstanding` when it is redeemed or expires. The code is what the family
-- shows and the director scans or types (src/domain/subsidies/voucherCode.ts).
create table vouchers (
  id uuid primary key default gen_random_uuid(),
  program_id uuid not null references voucher_programs (id),
  code text not null unique check (code ~ '^[0-9A-HJKMNP-TV-Z]{12}$'),
  child_id uuid not null references children (id),
  -- The guardian who claimed or applied; null for an automatic grant.
  claimed_by uuid references users (id),
  issued_via text not null check (issued_via in ('claim', 'lottery', 'automatic')),
  face_value_fen bigint not null check (face_value_fen > 0),
  status text not null default 'active' check (status in ('active', 'spent', 'expired')),
  issued_at timestamptz not null,
  valid_from date not null,
  expires_on date not null,
  spent_at timestamptz,
  expired_at timestamptz,
  reminded_at timestamptz,
  check ((status = 'spent') = (spent_at is not null)),
  check ((status = 'expired') = (expired_at is not null)),
  check (expires_on >= valid_from)
);
create index vouchers_program_idx on vouchers (program_id, status);
create index vouchers_child_idx on vouchers (child_id, program_id);
create index vouchers_expiry_idx on vouchers (expires_on) where status = 'active';

-- Applications to a lottery program (摇号申请), one per child; the draw marks each won or lost.
create table voucher_applications (
  id uuid primary key default gen_random_uuid(),
  program_id uuid not null references voucher_programs (id),
  child_id uuid not null references children (id),
  applied_by uuid not null references users (id),
  applied_at timestamptz not null,
  status text not null default 'pending' check (status in ('pending', 'won', 'lost', 'withdrawn')),
  decided_at timestamptz,
  voucher_id uuid references vouchers (id),
  unique (program_id, child_id),
  check ((status = 'won') = (voucher_id is not null)),
  check ((status = 'pending') = (decided_at is null))
);
create index voucher_applications_pending_idx on voucher_applications (program_id, applied_at) where status = 'pending';
