-- The childcare institution (托育机构) as accounts need it: staff roles are scoped to one.
-- The registry, filing and classes extend this table in later migrations.
create table institutions (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  division_code text not null,
  created_at timestamptz not null default now()
);
create index institutions_division_idx on institutions (division_code);
