-- A district may file an institution that still has compliance problems only with a written
-- reason; it is kept on the filing it justifies.
alter table institution_filings
  add column filed_despite_reason text check (length(filed_despite_reason) <= 2000),
  add constraint institution_filings_despite_only_filed
    check (filed_despite_reason is null or outcome = 'filed');
