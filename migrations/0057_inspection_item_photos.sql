-- Photos inspectors take of a failed checklist item (issue 15). Bytes in the file store under
-- `inspections/`, checked by content; seen by the district, the city and the institution's
-- director with the result, never by the public.
create table inspection_item_photos (
  id uuid primary key default gen_random_uuid(),
  inspection_id uuid not null,
  item_key text not null,
  storage_key text not null,
  content_type text not null check (content_type in ('image/jpeg', 'image/png')),
  size_bytes integer not null check (size_bytes > 0),
  created_at timestamptz not null,
  foreign key (inspection_id, item_key) references inspection_items (inspection_id, item_key)
);
create index inspection_item_photos_idx on inspection_item_photos (inspection_id, item_key);
