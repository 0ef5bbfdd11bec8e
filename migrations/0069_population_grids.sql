-- Accessibility over a population grid (issue 14): a city that has a grid of under-3 counts
-- (lat, lng, under3) may import it to stand in for its townships' reference points as demand
-- points. One grid per city; an import replaces it whole. The summary row says when, by whom
-- and from which file, and keeps the totals so the summary needs no scan of the cells.
create table population_grids (
  city_code text primary key check (city_code ~ '^[0-9]{6}$'),
  source text not null check (length(source) between 1 and 200),
  imported_by uuid not null references users (id),
  imported_at timestamptz not null,
  cells integer not null check (cells > 0),
  under3 integer not null check (under3 >= 0)
);

create table population_grid_cells (
  city_code text not null references population_grids (city_code) on delete cascade,
  lat double precision not null check (lat between -90 and 90),
  lng double precision not null check (lng between -180 and 180),
  under3 integer not null check (under3 >= 0),
  primary key (city_code, lat, lng)
);
