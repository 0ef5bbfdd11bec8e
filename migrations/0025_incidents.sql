-- Incidents (意外事件) an institution records and reports (托育机构管理规范（试行）): what happened,
-- to which children, what was done, and when the parents were told.
create table incidents (
  id uuid primary key default gen_random_uuid(),
  institution_id uuid not null references institutions (id),
  occurred_at timestamptz not null,
  kind text not null check (kind in ('fall', 'injury', 'choking', 'allergy', 'other')),
  description text not null check (length(description) between 1 and 2000),
  action_taken text not null check (length(action_taken) between 1 and 2000),
  parents_informed_at timestamptz,
  reported_by uuid not null references users (id),
  reported_at timestamptz not null,
  updated_at timestamptz not null,
  check (parents_informed_at is null or parents_informed_at >= occurred_at)
);
create index incidents_institution_idx on incidents (institution_id, occurred_at desc);

create table incident_children (
  incident_id uuid not null references incidents (id) on delete cascade,
  child_id uuid not null references children (id),
  primary key (incident_id, child_id)
);
create index incident_children_child_idx on incident_children (child_id);
