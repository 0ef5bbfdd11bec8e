-- A second factor is changed only once the new secret is confirmed: until then it waits here and
-- the current one stays in force. The last accepted time step makes each code usable once.
alter table users add column totp_pending_secret text;
alter table users add column totp_last_step bigint;

-- Failures are counted per phone number and client address together, so strangers elsewhere
-- cannot lock an account's owner out; the rows are short-lived, so the table starts afresh.
drop table login_attempts;
create table login_attempts (
  phone text not null,
  ip text not null,
  failures integer not null default 0,
  window_started_at timestamptz not null,
  last_failure_at timestamptz not null,
  locked_until timestamptz,
  primary key (phone, ip)
);

-- The request id is the server's own; an id the client sent is kept beside it, never instead.
alter table audit_log add column client_request_id text;
