-- One vacancy rule (src/domain/enrollment/placement.ts): places offerable = min(capacity,
-- caregivers × ratio) − enrolled − open offers. The seam view gains the offers standing per
-- class, and the public search learns of every change that moves a vacancy: an offer made or
-- ended, a caregiver assigned or removed, a member of staff leaving.
create or replace view class_enrolment_counts as
  select class_id,
    count(*) filter (where held = 'enrolled')::integer as enrolled,
    count(*) filter (where held = 'offered')::integer as open_offers
  from (
    select class_id, 'enrolled' as held from enrolments where end_date is null
    union all
    select class_id, 'offered' from application_choices where status = 'offered' and class_id is not null
  ) places
  group by class_id;

create trigger application_choices_search_change after insert or update or delete on application_choices
  for each row execute function note_institution_search_change();
create trigger institution_staff_search_change after insert or update or delete on institution_staff
  for each row execute function note_institution_search_change();

-- class_caregivers has no institution_id: the class names it.
create function note_class_caregiver_search_change() returns trigger language plpgsql as $$
begin
  insert into institution_search_changes (institution_id)
    select institution_id from institution_classes
    where id = case when tg_op = 'DELETE' then old.class_id else new.class_id end
  on conflict do nothing;
  return null;
end
$$;
create trigger class_caregivers_search_change after insert or update or delete on class_caregivers
  for each row execute function note_class_caregiver_search_change();
