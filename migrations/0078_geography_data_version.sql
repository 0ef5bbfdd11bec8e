-- Oversight keeps computed indicators in memory and serves one only while the versions of its
-- inputs are those it was computed from. The tree (with its mergers) and the population are one
-- of those inputs: any statement that changes them bumps this version in the same transaction,
-- so the change and the new version become visible together, in every process.
create table geography_data_version (
  only_row boolean primary key default true check (only_row),
  version bigint not null default 0
);
insert into geography_data_version default values;

create function bump_geography_data_version() returns trigger language plpgsql as $$
begin
  update geography_data_version set version = version + 1;
  return null;
end $$;

create trigger divisions_data_version after insert or update or delete or truncate on divisions
  for each statement execute function bump_geography_data_version();
create trigger division_population_data_version after insert or update or delete or truncate on division_population
  for each statement execute function bump_geography_data_version();
