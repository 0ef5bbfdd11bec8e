-- Vacancies in the public search follow enrolments (see 0016_institution_search_changes.sql).
create trigger enrolments_search_change after insert or update or delete on enrolments
  for each row execute function note_institution_search_change();
