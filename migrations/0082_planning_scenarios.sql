-- What-if scenarios (issue 14): an official's hypothetical places per township, with the
-- indicators and accessibility before and after as computed when saved. Real data never changes.
create table planning_scenarios (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references users (id),
  division_code text not null check (division_code ~ '^[0-9]{6}([0-9]{3})?$'),
  name text not null check (length(name) between 1 and 100),
  as_of date not null,
  changes jsonb not null,
  result jsonb not null,
  created_at timestamptz not null default now()
);
create index planning_scenarios_owner_idx on planning_scenarios (owner_id, created_at desc);
