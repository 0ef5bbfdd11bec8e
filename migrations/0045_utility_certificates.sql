-- Residential utility-price certificates (居民生活类水电气价格证明): filed childcare institutions pay
-- residential, not commercial, prices for water, electricity and gas. The certificate copies
-- the facts it states; a utility company checks it by its code on a public page, which also
-- says whether the institution is still filed and in operation today.
create table utility_certificates (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[0-9A-HJKMNP-TV-Z]{12}$'),
  institution_id uuid not null references institutions (id),
  institution_name text not null,
  credit_code text not null,
  address text not null,
  filing_number text not null,
  issuer text not null,
  issued_at timestamptz not null,
  valid_until date not null,
  issued_by uuid references users (id),
  revoked_at timestamptz,
  revoked_reason text check (length(revoked_reason) <= 500),
  check ((revoked_at is null) = (revoked_reason is null))
);
create index utility_certificates_institution_idx on utility_certificates (institution_id, issued_at);
