-- Childcare consumption-voucher programs (托育服务消费补贴券) run by the city health commission.
-- Money is integer fen in bigint: a provincial program may pass the 21 million yuan of int4.
-- The balance columns are the program's ledger accounts (src/domain/subsidies/ledger.ts); the
-- checks hold the ledger equation and non-negative accounts on every write, whatever the code.
create table voucher_programs (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 100),
  description text not null default '' check (length(description) <= 2000),
  -- The division running the program (the city, or a district for its own program).
  division_code text not null,
  status text not null default 'draft' check (status in ('draft', 'open', 'paused', 'closed')),
  budget_fen bigint not null check (budget_fen > 0),
  face_value_fen bigint not null check (face_value_fen > 0 and face_value_fen <= budget_fen),
  valid_from date not null,
  valid_to date not null,
  voucher_valid_days integer check (voucher_valid_days between 1 and 3660),
  issuance text not null check (issuance in ('claim', 'lottery', 'automatic')),
  -- Lottery programs take applications until this instant; the draw runs after it.
  lottery_at timestamptz,
  lottery_seed bigint,
  lottery_drawn_at timestamptz,
  max_age_months integer not null default 36 check (max_age_months between 1 and 36),
  residence_division_codes text[] not null check (cardinality(residence_division_codes) > 0),
  per_child_limit integer not null default 1 check (per_child_limit between 1 and 24),
  inclusive_only boolean not null default false,
  unissued_fen bigint not null check (unissued_fen >= 0),
  outstanding_fen bigint not null default 0 check (outstanding_fen >= 0),
  redeemed_fen bigint not null default 0 check (redeemed_fen >= 0),
  payable_fen bigint not null default 0 check (payable_fen >= 0),
  paid_fen bigint not null default 0 check (paid_fen >= 0),
  expired_fen bigint not null default 0 check (expired_fen >= 0),
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  opened_at timestamptz,
  closed_at timestamptz,
  check (valid_to >= valid_from),
  check ((issuance = 'lottery') = (lottery_at is not null)),
  check ((lottery_drawn_at is null) = (lottery_seed is null)),
  constraint voucher_programs_ledger_equation
    check (budget_fen = unissued_fen + outstanding_fen + redeemed_fen + payable_fen + paid_fen + expired_fen)
);
create index voucher_programs_status_idx on voucher_programs (status);

-- Institutions a program lets redeem; none listed means every institution in operation.
create table voucher_program_institutions (
  program_id uuid not null references voucher_programs (id) on delete cascade,
  institution_id uuid not null references institutions (id),
  primary key (program_id, institution_id)
);

-- The ledger: each money movement is a transaction (txn_id) of entries that sum to zero,
-- debits positive and credits negative. Append-only, like the audit log.
create table voucher_ledger_entries (
  id bigint generated always as identity primary key,
  txn_id uuid not null,
  program_id uuid not null references voucher_programs (id),
  kind text not null check (kind in ('fund', 'issue', 'redeem', 'reverse', 'expire', 'settle', 'pay')),
  account text not null check (account in ('funding', 'unissued', 'outstanding', 'redeemed', 'payable', 'paid', 'expired')),
  amount_fen bigint not null check (amount_fen <> 0),
  voucher_id uuid,
  redemption_id uuid,
  settlement_id uuid,
  institution_id uuid,
  at timestamptz not null
);
create index voucher_ledger_entries_program_idx on voucher_ledger_entries (program_id, id);
create index voucher_ledger_entries_txn_idx on voucher_ledger_entries (txn_id);

create function voucher_ledger_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'voucher_ledger_entries is append-only';
end
$$;
create trigger voucher_ledger_no_update before update or delete on voucher_ledger_entries
  for each row execute function voucher_ledger_append_only();
create trigger voucher_ledger_no_truncate before truncate on voucher_ledger_entries
  for each statement execute function voucher_ledger_append_only();
