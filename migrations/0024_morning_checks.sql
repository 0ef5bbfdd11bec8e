-- Morning checks (晨检): temperature and listed symptoms per child per day. Symptoms are a text
-- array with a GIN index so the health module can count a class's cases of one symptom on a day
-- (clusters of hand-foot-mouth signs: fever, rash, mouth sores) with `symptoms @> '{rash}'`.
create table morning_checks (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references children (id),
  institution_id uuid not null references institutions (id),
  class_id uuid not null references institution_classes (id),
  checked_on date not null,
  temperature_c numeric(3, 1) not null check (temperature_c between 34.0 and 43.0),
  symptoms text[] not null default '{}'
    check (symptoms <@ array['fever', 'cough', 'rash', 'vomiting', 'diarrhoea', 'runny_nose', 'red_eyes', 'mouth_sores']::text[]),
  note text check (length(note) <= 500),
  checked_by uuid not null references users (id),
  checked_at timestamptz not null,
  unique (child_id, checked_on)
);
create index morning_checks_class_day_idx on morning_checks (class_id, checked_on);
create index morning_checks_institution_day_idx on morning_checks (institution_id, checked_on);
create index morning_checks_symptoms_idx on morning_checks using gin (symptoms);
