-- Growth measurements (生长测量) of a child, by a guardian or by staff of the child's institution.
-- What was measured, never the z-scores: those are computed on read by src/domain/growth, so a
-- corrected WHO rule can never leave stale numbers behind. Integers (grams, millimetres) so no
-- float drifts; the WHO tables step 0.1 cm and clinic scales 10 g.
create table growth_measurements (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references children (id) on delete cascade,
  measured_on date not null,
  weight_g integer check (weight_g between 200 and 60000),
  length_mm integer check (length_mm between 200 and 1500),
  position text check (position in ('recumbent', 'standing')),
  head_mm integer check (head_mm between 150 and 700),
  source text not null check (source in ('parent', 'institution')),
  -- The institution whose staff recorded it; a parent's measurement has none.
  institution_id uuid references institutions (id),
  recorded_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  check (weight_g is not null or length_mm is not null or head_mm is not null),
  check ((length_mm is null) = (position is null)),
  check ((source = 'institution') = (institution_id is not null))
);
create index growth_measurements_child_idx on growth_measurements (child_id, measured_on);
