-- Targeted inspections (issue 15): a complaint can lead to an inspection of its institution.
-- It is a round of its own (kind 'targeted', one institution) so its inspectors are drawn
-- and recorded by the same seeded draw as a random round, and re-run the same way.
alter table inspection_rounds add column kind text not null default 'random' check (kind in ('random', 'targeted'));

-- At most one inspection per complaint: ordering twice must not send two teams.
alter table inspections add column complaint_id uuid references complaints (id);
create unique index inspections_complaint_idx on inspections (complaint_id) where complaint_id is not null;
