-- "Double random" inspections (双随机一公开, issue 15): the district's inspector directory with
-- recorded conflicts, rounds drawn with a recorded seed and inputs, the inspections they hold,
-- results per checklist item, and the rectifications (整改) failures require.
create table inspectors (
  id uuid primary key default gen_random_uuid(),
  district_code text not null check (district_code ~ '^[0-9]{6}$'),
  name text not null check (length(name) between 1 and 50),
  user_id uuid references users (id),
  active boolean not null default true,
  created_at timestamptz not null
);
create index inspectors_district_idx on inspectors (district_code);

create table inspector_conflicts (
  inspector_id uuid not null references inspectors (id),
  institution_id uuid not null references institutions (id),
  reason text not null check (length(reason) between 1 and 500),
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null,
  primary key (inspector_id, institution_id)
);

-- `inputs` holds exactly what the draw read (institutions with weights, inspectors, conflicts,
-- rate), so the draw can be run again from the seed and compared.
create table inspection_rounds (
  id uuid primary key default gen_random_uuid(),
  district_code text not null check (district_code ~ '^[0-9]{6}$'),
  period_start date not null,
  period_end date not null check (period_end >= period_start),
  sample_rate double precision not null check (sample_rate > 0 and sample_rate <= 1),
  weight_risk boolean not null,
  seed integer not null,
  inputs jsonb not null,
  drawn_by uuid not null references users (id),
  drawn_at timestamptz not null
);
create index inspection_rounds_district_idx on inspection_rounds (district_code, drawn_at desc);

create table inspections (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references inspection_rounds (id),
  institution_id uuid not null references institutions (id),
  position integer not null,
  overall text check (overall in ('pass', 'rectify', 'fail')),
  score integer,
  inspected_on date,
  summary text,
  recorded_by uuid references users (id),
  recorded_at timestamptz,
  unique (round_id, institution_id)
);
create index inspections_institution_idx on inspections (institution_id);

create table inspection_inspectors (
  inspection_id uuid not null references inspections (id),
  inspector_id uuid not null references inspectors (id),
  primary key (inspection_id, inspector_id)
);

create table inspection_items (
  inspection_id uuid not null references inspections (id),
  item_key text not null,
  label text not null,
  result text not null check (result in ('pass', 'fail', 'not_applicable')),
  notes text not null default '' check (length(notes) <= 1000),
  primary key (inspection_id, item_key)
);

create table rectifications (
  id uuid primary key default gen_random_uuid(),
  inspection_id uuid not null references inspections (id),
  institution_id uuid not null references institutions (id),
  item_key text not null,
  requirement text not null check (length(requirement) between 1 and 1000),
  deadline date not null,
  status text not null default 'open' check (status in ('open', 'submitted', 'accepted')),
  rejection_reason text,
  decided_by uuid references users (id),
  decided_at timestamptz,
  created_at timestamptz not null,
  unique (inspection_id, item_key)
);
create index rectifications_open_idx on rectifications (institution_id) where status <> 'accepted';

create table rectification_evidence (
  id uuid primary key default gen_random_uuid(),
  rectification_id uuid not null references rectifications (id),
  text text not null check (length(text) between 1 and 2000),
  storage_key text,
  content_type text,
  size_bytes integer,
  sha256 text,
  submitted_by uuid not null references users (id),
  submitted_at timestamptz not null
);
create index rectification_evidence_idx on rectification_evidence (rectification_id, submitted_at);
