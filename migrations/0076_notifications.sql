-- What a user is told in the app (the bell), written in the same transaction as the event that
-- causes it. `params` fill the kind's words when the list is read, in the reader's language;
-- `link` is a path in the web app. `dedupe_key` makes a scheduled reminder (offer expiring,
-- voucher expiring, health check due) exist once per user, kind and subject, however often and in
-- however many processes its job runs.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  kind text not null check (length(kind) between 1 and 60),
  params jsonb not null default '{}',
  link text not null check (link like '/%' and length(link) <= 300),
  dedupe_key text check (length(dedupe_key) <= 200),
  created_at timestamptz not null,
  read_at timestamptz
);

create index notifications_of_user on notifications (user_id, created_at desc, id);
create index notifications_unread on notifications (user_id) where read_at is null;
create unique index notifications_once on notifications (user_id, kind, dedupe_key) where dedupe_key is not null;

-- How a user wants to be told beyond the app. Users carry no language or e-mail address, so both
-- live here: `locale` is the language of their SMS and e-mail, `email` where e-mail goes (none:
-- no e-mail). `channels` holds only the kinds whose channels the user changed:
-- {"enrollment.offer_made": {"sms": false, "email": true}}; any other kind follows its default.
create table notification_preferences (
  user_id uuid primary key references users (id),
  locale text not null default 'zh-CN' check (locale in ('zh-CN', 'en')),
  email text check (length(email) between 3 and 254),
  channels jsonb not null default '{}',
  updated_at timestamptz not null
);
