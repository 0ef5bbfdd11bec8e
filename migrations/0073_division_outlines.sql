-- District outlines for the finder's map (issue 19). Published boundaries in China need the map
-- approval number (审图号) of their source, and no permissively licensed source exists, so the
-- repository ships none: a city imports its own (e.g. from 天地图 or its surveying bureau). One set
-- per city; an import replaces it whole. The set says when and from what, and the approval number
-- the map shows as its attribution.
create table division_outline_sets (
  city_code text primary key check (city_code ~ '^[0-9]{6}$'),
  approval_number text check (length(approval_number) between 1 and 60),
  source text not null check (length(source) between 1 and 200),
  imported_at timestamptz not null
);

-- One outline per district, its geometry a GeoJSON Polygon or MultiPolygon in WGS-84 lon/lat.
create table division_outlines (
  division_code text primary key check (division_code ~ '^[0-9]{6}$'),
  city_code text not null references division_outline_sets (city_code) on delete cascade,
  geometry jsonb not null
);

create index division_outlines_city on division_outlines (city_code);
