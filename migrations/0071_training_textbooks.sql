-- A training's textbook (the director training textbook, 负责人培训教材) uploaded by the guidance
-- center as a PDF, for the directors whose staff it trains to download. One per training: a new
-- upload replaces it. The bytes live in the file store under `storage_key`.
create table training_textbooks (
  training_id uuid primary key references trainings (id),
  filename text not null check (length(filename) between 1 and 200),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null check (length(sha256) = 64),
  storage_key text not null unique,
  uploaded_by uuid not null references users (id),
  uploaded_at timestamptz not null
);
