-- Accessibility (issue 14) weighs each township's under-3 population at a reference point, so a
-- division may carry one; `point_source` says where it came from (a survey, an import, or an
-- approximation made for the demo). A division that ends in a merger names the division that
-- took over its area, so figures recorded against the old code count under the new one after
-- the merger while the tree before it keeps both.
alter table divisions
  add column lat double precision check (lat between -90 and 90),
  add column lng double precision check (lng between -180 and 180),
  add column point_source text check (length(point_source) <= 200),
  add column successor_code text check (successor_code ~ '^[0-9]{6}([0-9]{3})?$'),
  add constraint divisions_point_pair check ((lat is null) = (lng is null) and (lat is null or point_source is not null)),
  add constraint divisions_successor_ended check (successor_code is null or valid_to is not null);
