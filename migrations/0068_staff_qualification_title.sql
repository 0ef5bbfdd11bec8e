-- A childcare qualification (caregiver_qualification) names its occupation and level: 保育师
-- (childcare worker) or 育婴员 (infant carer), 五级 (5, entry) to 一级 (1, highest), as the
-- national occupational skill standards grade them. Both or neither; only on that kind.
alter table staff_certificates
  add column qualification_title text check (qualification_title in ('childcare_worker', 'infant_carer')),
  add column qualification_level smallint check (qualification_level between 1 and 5),
  add constraint staff_certificates_qualification_both
    check ((qualification_title is null) = (qualification_level is null)),
  add constraint staff_certificates_qualification_kind
    check (qualification_title is null or kind = 'caregiver_qualification');
