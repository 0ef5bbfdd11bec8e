-- Illness alerts (聚集性症状预警): enough children of one class with fever or the same listed
-- symptom at one day's morning checks (src/domain/health/illnessClusters.ts). One row per class,
-- day and kind, however many writers or sweeps find the cluster; `cases` follows the checks.
create table illness_alerts (
  id uuid primary key default gen_random_uuid(),
  institution_id uuid not null references institutions (id),
  class_id uuid not null references institution_classes (id),
  -- The institution's township when raised, so a district's alerts are a prefix match.
  division_code text not null,
  alert_on date not null,
  kind text not null
    check (kind in ('fever', 'cough', 'rash', 'vomiting', 'diarrhoea', 'runny_nose', 'red_eyes', 'mouth_sores')),
  cases integer not null check (cases > 0),
  -- The settings in force when the alert was raised or last grew.
  threshold integer not null check (threshold > 0),
  fever_from_c numeric(3, 1) not null,
  raised_at timestamptz not null,
  updated_at timestamptz not null,
  unique (class_id, alert_on, kind)
);
create index illness_alerts_institution_idx on illness_alerts (institution_id, alert_on);
create index illness_alerts_division_idx on illness_alerts (division_code text_pattern_ops, alert_on);

-- Each party acknowledges for itself: the director (institution), the district health bureau,
-- and the city health commission if it wishes. `cases_seen` is the count acknowledged: when more
-- children fall ill afterwards the alert needs that party's attention again.
create table illness_alert_acknowledgements (
  alert_id uuid not null references illness_alerts (id) on delete cascade,
  party text not null check (party in ('institution', 'district', 'city')),
  acknowledged_by uuid not null references users (id),
  acknowledged_at timestamptz not null,
  cases_seen integer not null check (cases_seen > 0),
  primary key (alert_id, party)
);

-- The sweep (src/server/modules/health/alertService.ts) reads recent morning checks that could
-- count at all: a temperature from the lowest fever line an administrator may set (37.0 °C,
-- ILLNESS_ALERT_SETTING_LIMITS) or any symptom. Most checks are neither, so the index stays small
-- and the sweep never scans the whole history.
create index morning_checks_possible_cases_idx on morning_checks (checked_on)
  where temperature_c >= 37.0 or symptoms <> '{}';
