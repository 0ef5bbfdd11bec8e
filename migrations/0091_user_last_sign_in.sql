-- The accounts page shows when each person last signed in; sessions are deleted when they end,
-- so the time is kept on the account.
alter table users add column last_sign_in_at timestamptz;
