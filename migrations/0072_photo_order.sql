-- The order a director gives the photos: the first is the one families see first. Photos never
-- ordered (and every document) have none and follow in upload order.
alter table institution_files
  add column position integer check (position >= 0),
  add constraint institution_files_position_photo_only check (position is null or kind = 'photo');
