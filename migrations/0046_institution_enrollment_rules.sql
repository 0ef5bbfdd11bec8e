-- Enrollment's rules per institution: the waitlist priorities its director states (0021) and the
-- absence rule its fee statements apply (0026). They were added as columns of `institutions`,
-- which the institutions module owns; from here on the enrollment module keeps them in its own
-- table. Expand and backfill: the old columns stay, no longer written, until a later migration
-- drops them. An institution without a row has the defaults below, the columns' defaults.
create table institution_enrollment_rules (
  institution_id uuid primary key references institutions (id),
  waitlist_priorities text[] not null default '{sibling}',
  refund_after_days integer not null default 0 check (refund_after_days between 0 and 31),
  refund_percent integer not null default 0 check (refund_percent between 0 and 100),
  updated_at timestamptz not null default now()
);

insert into institution_enrollment_rules (institution_id, waitlist_priorities, refund_after_days, refund_percent)
  select id, waitlist_priorities, refund_after_days, refund_percent from institutions;
