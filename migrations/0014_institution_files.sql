-- Uploaded filing documents and photos. The bytes live in file storage under storage_key;
-- the type is the one detected from the content, not the name the client gave. Deleting
-- hides a file from the current list but keeps it, because past filings list it.
create table institution_files (
  id uuid primary key default gen_random_uuid(),
  institution_id uuid not null references institutions (id),
  kind text not null check (kind in ('document', 'photo')),
  document_type text check (document_type in
    ('registration_certificate', 'premises_proof', 'health_evaluation', 'fire_safety', 'staff_list',
     'food_licence', 'class_plan', 'fee_list', 'other')),
  filename text not null check (length(filename) between 1 and 200),
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text not null unique,
  uploaded_by uuid,
  created_at timestamptz not null default now(),
  deleted_at timestamptz,
  check ((kind = 'document') = (document_type is not null))
);
create index institution_files_institution_idx on institution_files (institution_id) where deleted_at is null;
