-- Search by distance computed ll_to_earth(lat, lng) for every candidate row, several times per
-- row, and each call builds three cubes and checks the earth domain: most of a search's time
-- with thousands of candidates. The point on earthdistance's sphere is now stored once, when
-- the filed version is written (x, y, z in metres, as ll_to_earth computes them), and indexed
-- as a cube; searches still draw their box with earth_box and measure great-circle distance
-- with sec_to_gc(cube_distance(…)), exactly what earth_distance does.
alter table filed_institutions
  add column x double precision,
  add column y double precision,
  add column z double precision;
update filed_institutions set
  x = earth() * cos(radians(lat)) * cos(radians(lng)),
  y = earth() * cos(radians(lat)) * sin(radians(lng)),
  z = earth() * sin(radians(lat));
alter table filed_institutions
  alter column x set not null,
  alter column y set not null,
  alter column z set not null;
drop index filed_institutions_earth_idx;
create index filed_institutions_point_idx on filed_institutions using gist (cube(array[x, y, z])) where active;
