-- The write path no longer chains: a transaction inserts its audit rows with no hash, stamped
-- with its own transaction id, and one sealer at a time chains the rows whose transactions have
-- all ended (xid below the oldest running one), in (xid, id) order, numbering them with `seq`.
-- Rows chained before this migration were chained in id order under a global lock, so their
-- `seq` is their rank by id and their hashes stay valid.
alter table audit_log alter column prev_hash drop not null;
alter table audit_log alter column hash drop not null;
alter table audit_log add column xid xid8;
alter table audit_log alter column xid set default pg_current_xact_id();
alter table audit_log add column seq bigint unique;

alter table audit_log disable trigger audit_log_no_update;
update audit_log set seq = ranked.n
  from (select id, row_number() over (order by id) as n from audit_log) ranked
  where ranked.id = audit_log.id;
alter table audit_log enable trigger audit_log_no_update;

create index audit_log_unsealed_idx on audit_log (xid, id) where seq is null;

-- Still append-only, with one exception: sealing fills seq, prev_hash and hash of an unsealed row
-- once, and changes nothing else.
create or replace function audit_log_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.seq is null and old.hash is null and old.prev_hash is null
     and new.seq is not null and new.hash is not null and new.prev_hash is not null
     and (to_jsonb(old) - array['seq', 'hash', 'prev_hash']) = (to_jsonb(new) - array['seq', 'hash', 'prev_hash']) then
    return new;
  end if;
  raise exception 'audit_log is append-only';
end
$$;

-- A signed statement of the chain's length and head at a moment: an auditor who keeps one can
-- later prove that the first tree_size rows were not rewritten since.
create table audit_checkpoints (
  id bigint generated always as identity primary key,
  tree_size bigint not null check (tree_size > 0),
  head_hash text not null,
  sealed_at timestamptz not null,
  key_id text not null,
  signature text not null
);
create index audit_checkpoints_size_idx on audit_checkpoints (tree_size);
create function audit_checkpoints_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_checkpoints is append-only';
end
$$;
create trigger audit_checkpoints_no_update before update or delete on audit_checkpoints
  for each row execute function audit_checkpoints_append_only();
create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
  for each statement execute function audit_checkpoints_append_only();
