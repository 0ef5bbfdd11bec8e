-- Parents' choices for the individual income tax special additional deduction for care of a
-- child under 3 (3岁以下婴幼儿照护专项附加扣除): per child and tax year, each guardian's share,
-- 100% by one parent or 50% by each; the service keeps the shares of a child within 100%.
create table tax_deduction_shares (
  child_id uuid not null references children (id),
  year integer not null check (year between 2022 and 2100),
  user_id uuid not null references users (id),
  share_percent integer not null check (share_percent in (50, 100)),
  chosen_at timestamptz not null,
  primary key (child_id, year, user_id)
);

-- Applications for the national childcare subsidy (育儿补贴), one per child. The months and
-- amounts due follow from the birth date and the policy setting; officials approve or reject.
create table childcare_subsidy_claims (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null unique references children (id),
  applied_by uuid not null references users (id),
  applied_at timestamptz not null,
  status text not null default 'applied' check (status in ('applied', 'approved', 'rejected')),
  decided_at timestamptz,
  decided_by uuid references users (id),
  reason text check (length(reason) <= 500),
  check ((status = 'applied') = (decided_at is null)),
  check (status <> 'rejected' or reason is not null)
);
create index childcare_subsidy_claims_status_idx on childcare_subsidy_claims (status, applied_at);
