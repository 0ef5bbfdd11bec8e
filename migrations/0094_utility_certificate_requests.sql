-- A utility-price certificate names the district health bureau as its issuer, so the bureau
-- decides: the director requests it, a district official approves (the certificate is issued
-- in that transaction) or returns the request with a reason. At most one request of an
-- institution waits at a time.
create table utility_certificate_requests (
  id uuid primary key default gen_random_uuid(),
  institution_id uuid not null references institutions (id),
  requested_by uuid references users (id),
  requested_at timestamptz not null,
  decided_by uuid references users (id),
  decided_at timestamptz,
  certificate_id uuid unique references utility_certificates (id),
  return_reason text check (length(return_reason) <= 500),
  check (certificate_id is null or return_reason is null),
  check ((decided_at is null) = (certificate_id is null and return_reason is null))
);
create unique index utility_certificate_requests_open_idx on utility_certificate_requests (institution_id)
  where decided_at is null;
create index utility_certificate_requests_institution_idx on utility_certificate_requests (institution_id, requested_at);
