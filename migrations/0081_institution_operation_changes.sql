-- When each filed institution started or stopped operating (filed, suspended, reinstated,
-- closed), so indicators for a past date count the institutions operating on that date. The
-- latest change on or before a day decides; `seq` orders changes made on the same day.
create table institution_operation_changes (
  seq bigint generated always as identity primary key,
  institution_id uuid not null references institutions (id),
  on_date date not null,
  active boolean not null
);
create index institution_operation_changes_idx on institution_operation_changes (institution_id, on_date, seq);

-- Backfill from what is known: the first filing's decision starts operation; an institution
-- inactive now stopped when its status last changed. Earlier suspensions are not recorded.
insert into institution_operation_changes (institution_id, on_date, active)
select f.institution_id,
       (coalesce((select min(d.decided_at) from institution_filings d
                  where d.institution_id = f.institution_id and d.outcome = 'filed'), f.filed_at) at time zone 'Asia/Shanghai')::date,
       true
from filed_institutions f;

insert into institution_operation_changes (institution_id, on_date, active)
select f.institution_id, (coalesce(i.status_changed_at, f.updated_at) at time zone 'Asia/Shanghai')::date, false
from filed_institutions f join institutions i on i.id = f.institution_id
where not f.active;
