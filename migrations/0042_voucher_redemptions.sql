-- Monthly settlements (结算): what the city owes one institution for the redemptions of one month,
-- then marked paid with the payment reference. A late redemption in a settled month goes into a
-- further settlement of that month.
create table voucher_settlements (
  id uuid primary key default gen_random_uuid(),
  institution_id uuid not null references institutions (id),
  month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  total_fen bigint not null check (total_fen > 0),
  redemptions integer not null check (redemptions > 0),
  status text not null default 'settled' check (status in ('settled', 'paid')),
  settled_at timestamptz not null,
  settled_by uuid references users (id),
  paid_at timestamptz,
  paid_by uuid references users (id),
  payment_reference text check (length(payment_reference) between 1 and 100),
  check ((status = 'paid') = (paid_at is not null)),
  check ((paid_at is null) = (payment_reference is null))
);
create index voucher_settlements_month_idx on voucher_settlements (month, institution_id);
create index voucher_settlements_institution_idx on voucher_settlements (institution_id, month);

-- A settlement's amount per program, since each program's ledger moves separately.
create table voucher_settlement_lines (
  settlement_id uuid not null references voucher_settlements (id),
  program_id uuid not null references voucher_programs (id),
  amount_fen bigint not null check (amount_fen > 0),
  redemptions integer not null check (redemptions > 0),
  primary key (settlement_id, program_id)
);

-- Redemptions (核销) against a child's monthly fee statement; each writes a statement deduction.
-- The idempotency key is unique per institution, so a retried request finds the first result.
create table voucher_redemptions (
  id uuid primary key default gen_random_uuid(),
  voucher_id uuid not null references vouchers (id),
  program_id uuid not null references voucher_programs (id),
  institution_id uuid not null references institutions (id),
  statement_id uuid not null references fee_statements (id),
  deduction_id uuid not null unique references statement_deductions (id),
  child_id uuid not null references children (id),
  amount_fen bigint not null check (amount_fen > 0),
  -- The part of the face value the statement did not need, returned to the unissued budget.
  released_fen bigint not null check (released_fen >= 0),
  -- The Shanghai month of redeemed_at: the reversal window and the settlement it belongs to.
  month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  idempotency_key text not null check (length(idempotency_key) between 1 and 100),
  redeemed_at timestamptz not null,
  redeemed_by uuid references users (id),
  reversed_at timestamptz,
  reversed_by uuid references users (id),
  reversal_reason text check (length(reversal_reason) between 1 and 500),
  settlement_id uuid references voucher_settlements (id),
  unique (institution_id, idempotency_key),
  check ((reversed_at is null) = (reversal_reason is null)),
  check (reversed_at is null or settlement_id is null)
);
-- A voucher is redeemed at most once: the database refuses a second live redemption.
create unique index voucher_redemptions_live_idx on voucher_redemptions (voucher_id) where reversed_at is null;
create index voucher_redemptions_unsettled_idx on voucher_redemptions (month, institution_id) where reversed_at is null and settlement_id is null;
create index voucher_redemptions_institution_idx on voucher_redemptions (institution_id, month);
create index voucher_redemptions_settlement_idx on voucher_redemptions (settlement_id);
create index voucher_redemptions_statement_idx on voucher_redemptions (statement_id);
