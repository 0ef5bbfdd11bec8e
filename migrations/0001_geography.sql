-- Divisions city → district → township with validity dates: a township merged or a district
-- split closes the old rows (valid_to) and opens new ones, so figures for a past period are
-- read against the tree as it was then.
create table divisions (
  code text not null check (code ~ '^[0-9]{6}([0-9]{3})?$'),
  name text not null check (length(name) between 1 and 100),
  parent_code text,
  level text not null check (level in ('city', 'district', 'township')),
  valid_from date not null default '1949-10-01',
  valid_to date, -- exclusive; null while in force
  pinyin text not null default '',
  initials text not null default '',
  primary key (code, valid_from),
  check (valid_to is null or valid_to > valid_from),
  check ((level = 'city') = (parent_code is null))
);
create index divisions_parent_idx on divisions (parent_code);

-- Resident population per division and year, total and under 3; "source" says where the
-- figure came from (a census, a statistical yearbook, an import file, or the demo).
create table division_population (
  division_code text not null,
  year integer not null check (year between 1949 and 2200),
  total integer not null check (total >= 0),
  under3 integer not null check (under3 >= 0 and under3 <= total),
  source text not null,
  is_demo boolean not null default false,
  updated_at timestamptz not null default now(),
  primary key (division_code, year)
);
