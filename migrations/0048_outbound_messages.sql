-- Every message that leaves tuoyu (SMS, e-mail) is first a row here, written in the same
-- transaction as what caused it, so nothing is sent for a write that rolled back and nothing is
-- lost when the server dies before sending: a worker claims due rows, sends, and records the outcome.
create table outbound_messages (
  id uuid primary key default gen_random_uuid(),
  channel text not null check (channel in ('sms', 'email')),
  recipient text not null check (length(recipient) between 1 and 320),
  -- The template the text was rendered from (`auth.verification_code`, `enrollment.offer_made`),
  -- so gateways that send by template (Alibaba Cloud SMS) get its code and parameters.
  template text not null,
  params jsonb not null default '{}',
  subject text,
  body text not null,
  user_id uuid references users (id),
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);

create index outbound_messages_due on outbound_messages (next_attempt_at) where status = 'pending';
create index outbound_messages_recipient on outbound_messages (recipient, created_at desc);
