-- A staff member's resident ID number (身份证号), held as a child's is (0020): encrypted with the
-- field cipher, found by a keyed blind index, shown masked. It tells that the same person is on
-- two rosters. Not unique: a person who left one institution may join another, and leavers keep
-- their row. Rows that exist have none until the director types it in.
alter table institution_staff
  add column resident_id_enc text,
  add column resident_id_index text,
  add column resident_id_masked text;

alter table institution_staff add constraint institution_staff_resident_id_check check (
  (resident_id_enc is null) = (resident_id_index is null) and (resident_id_enc is null) = (resident_id_masked is null)
);

create index institution_staff_resident_id_idx on institution_staff (resident_id_index) where resident_id_index is not null;
