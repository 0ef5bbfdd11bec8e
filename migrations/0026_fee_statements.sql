-- The absence rule an institution states in its fee rules: absent service days beyond
-- refund_after_days in a month are refunded at refund_percent of the daily rate.
alter table institutions
  add column refund_after_days integer not null default 0 check (refund_after_days between 0 and 31),
  add column refund_percent integer not null default 0 check (refund_percent between 0 and 100);

-- Monthly fee statements (收费明细), one per child, institution and month, in integer fen. The
-- rule and fee applied are copied in, so a later change of fees never rewrites a statement.
create table fee_statements (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references children (id),
  institution_id uuid not null references institutions (id),
  month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  class_id uuid not null references institution_classes (id),
  class_type text not null check (class_type in ('infant', 'toddler', 'older_toddler', 'mixed')),
  monthly_fee_fen integer not null check (monthly_fee_fen >= 0),
  service_days integer not null check (service_days >= 0),
  charged_days integer not null check (charged_days >= 0),
  absent_days integer not null check (absent_days >= 0),
  refund_after_days integer not null,
  refund_percent integer not null,
  subtotal_fen integer not null check (subtotal_fen >= 0),
  generated_at timestamptz not null,
  generated_by uuid references users (id),
  unique (child_id, institution_id, month)
);
create index fee_statements_institution_month_idx on fee_statements (institution_id, month);

-- The lines that make up the subtotal: fee, proration for days outside the enrolment, refund
-- of absences. Deductions are not lines here: they live in statement_deductions.
create table fee_statement_lines (
  statement_id uuid not null references fee_statements (id) on delete cascade,
  position smallint not null,
  kind text not null check (kind in ('fee', 'proration', 'absence_refund')),
  class_type text check (class_type in ('infant', 'toddler', 'older_toddler', 'mixed')),
  days integer,
  amount_fen integer not null,
  primary key (statement_id, position)
);

-- Deductions against a statement (voucher redemptions, filled by the subsidies module). Reversed,
-- never deleted. While an unreversed deduction exists the statement is not regenerated.
create table statement_deductions (
  id uuid primary key default gen_random_uuid(),
  statement_id uuid not null references fee_statements (id),
  amount_fen integer not null check (amount_fen > 0),
  kind text not null check (kind in ('voucher', 'other')),
  reference text check (length(reference) <= 100),
  created_at timestamptz not null default now(),
  reversed_at timestamptz
);
create index statement_deductions_statement_idx on statement_deductions (statement_id);
