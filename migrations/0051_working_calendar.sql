-- The official holiday calendar (国务院办公厅 notices on holiday arrangements), kept as data the
-- admin replaces per year. Only the exceptions are rows: a `holiday` on a weekday or weekend, a
-- `workday` on a weekend (调休上班). Every other Monday–Friday is a working day. A year is known
-- once it has a row in `calendar_years`; a year without one counts weekdays only, and says so.
create table calendar_years (
  year integer primary key check (year between 2000 and 2100),
  source text not null check (length(source) between 1 and 200),
  updated_at timestamptz not null,
  updated_by uuid references users (id)
);

create table calendar_days (
  day date primary key,
  kind text not null check (kind in ('holiday', 'workday')),
  name text not null check (length(name) between 1 and 40),
  year integer not null references calendar_years (year) on delete cascade,
  check (extract(year from day)::integer = year)
);
create index calendar_days_year_idx on calendar_days (year);

-- 2025 and 2026 as published by the State Council, taken from the chinese-days 1.5.7 package and
-- checked against the notices. 2027 is not in that package: the admin enters it once published.
insert into calendar_years (year, source, updated_at) values
  (2025, '国务院办公厅关于2025年部分节假日安排的通知', now()),
  (2026, '国务院办公厅关于2026年部分节假日安排的通知', now());

insert into calendar_days (day, kind, name, year)
select d.day, d.kind, d.name, extract(year from d.day)::integer from (values
  (date '2025-01-01', 'holiday', '元旦'),
  (date '2025-01-26', 'workday', '春节'),
  (date '2025-01-28', 'holiday', '春节'),
  (date '2025-01-29', 'holiday', '春节'),
  (date '2025-01-30', 'holiday', '春节'),
  (date '2025-01-31', 'holiday', '春节'),
  (date '2025-02-01', 'holiday', '春节'),
  (date '2025-02-02', 'holiday', '春节'),
  (date '2025-02-03', 'holiday', '春节'),
  (date '2025-02-04', 'holiday', '春节'),
  (date '2025-02-08', 'workday', '春节'),
  (date '2025-04-04', 'holiday', '清明'),
  (date '2025-04-05', 'holiday', '清明'),
  (date '2025-04-06', 'holiday', '清明'),
  (date '2025-04-27', 'workday', '劳动节'),
  (date '2025-05-01', 'holiday', '劳动节'),
  (date '2025-05-02', 'holiday', '劳动节'),
  (date '2025-05-03', 'holiday', '劳动节'),
  (date '2025-05-04', 'holiday', '劳动节'),
  (date '2025-05-05', 'holiday', '劳动节'),
  (date '2025-05-31', 'holiday', '端午'),
  (date '2025-06-01', 'holiday', '端午'),
  (date '2025-06-02', 'holiday', '端午'),
  (date '2025-09-28', 'workday', '国庆节'),
  (date '2025-10-01', 'holiday', '国庆节'),
  (date '2025-10-02', 'holiday', '国庆节'),
  (date '2025-10-03', 'holiday', '国庆节'),
  (date '2025-10-04', 'holiday', '国庆节'),
  (date '2025-10-05', 'holiday', '国庆节'),
  (date '2025-10-06', 'holiday', '中秋'),
  (date '2025-10-07', 'holiday', '国庆节'),
  (date '2025-10-08', 'holiday', '国庆节'),
  (date '2025-10-11', 'workday', '国庆节'),
  (date '2026-01-01', 'holiday', '元旦'),
  (date '2026-01-02', 'holiday', '元旦'),
  (date '2026-01-03', 'holiday', '元旦'),
  (date '2026-01-04', 'workday', '元旦'),
  (date '2026-02-14', 'workday', '春节'),
  (date '2026-02-15', 'holiday', '春节'),
  (date '2026-02-16', 'holiday', '春节'),
  (date '2026-02-17', 'holiday', '春节'),
  (date '2026-02-18', 'holiday', '春节'),
  (date '2026-02-19', 'holiday', '春节'),
  (date '2026-02-20', 'holiday', '春节'),
  (date '2026-02-21', 'holiday', '春节'),
  (date '2026-02-22', 'holiday', '春节'),
  (date '2026-02-23', 'holiday', '春节'),
  (date '2026-02-28', 'workday', '春节'),
  (date '2026-04-04', 'holiday', '清明'),
  (date '2026-04-05', 'holiday', '清明'),
  (date '2026-04-06', 'holiday', '清明'),
  (date '2026-05-01', 'holiday', '劳动节'),
  (date '2026-05-02', 'holiday', '劳动节'),
  (date '2026-05-03', 'holiday', '劳动节'),
  (date '2026-05-04', 'holiday', '劳动节'),
  (date '2026-05-05', 'holiday', '劳动节'),
  (date '2026-05-09', 'workday', '劳动节'),
  (date '2026-06-19', 'holiday', '端午'),
  (date '2026-06-20', 'holiday', '端午'),
  (date '2026-06-21', 'holiday', '端午'),
  (date '2026-09-20', 'workday', '国庆节'),
  (date '2026-09-25', 'holiday', '中秋'),
  (date '2026-09-26', 'holiday', '中秋'),
  (date '2026-09-27', 'holiday', '中秋'),
  (date '2026-10-01', 'holiday', '国庆节'),
  (date '2026-10-02', 'holiday', '国庆节'),
  (date '2026-10-03', 'holiday', '国庆节'),
  (date '2026-10-04', 'holiday', '国庆节'),
  (date '2026-10-05', 'holiday', '国庆节'),
  (date '2026-10-06', 'holiday', '国庆节'),
  (date '2026-10-07', 'holiday', '国庆节'),
  (date '2026-10-10', 'workday', '国庆节')
) as d (day, kind, name);
