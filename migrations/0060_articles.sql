-- Articles (文章) of the city health commission: policy, parenting guidance, news and lecture
-- write-ups. The content is kept as ProseMirror JSON checked against an allowlist of node and
-- mark types; `html` is rendered from it through that allowlist and sanitised, and is what
-- readers get. A second official approves before publishing (`approved_by` never the author),
-- every save is a revision, every transition an event.
create table articles (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  category text not null check (category in ('policy', 'parenting', 'news', 'lecture')),
  title text not null check (length(title) between 1 and 120),
  summary text not null default '' check (length(summary) <= 300),
  content jsonb not null,
  html text not null,
  external_links jsonb not null default '[]',
  status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'published')),
  version integer not null default 1,
  author_id uuid not null references users (id),
  submitted_by uuid references users (id),
  approved_by uuid references users (id),
  approved_at timestamptz,
  publish_at timestamptz,
  published_at timestamptz,
  flags jsonb not null default '[]',
  flagged_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (approved_by is null or (approved_by <> author_id and approved_by <> submitted_by))
);
create index articles_public_idx on articles (category, published_at desc) where status = 'published';
create index articles_due_idx on articles (publish_at) where status = 'approved';

create table article_revisions (
  id uuid primary key default gen_random_uuid(),
  article_id uuid not null references articles (id),
  version integer not null,
  title text not null,
  summary text not null,
  category text not null,
  content jsonb not null,
  html text not null,
  editor_id uuid not null references users (id),
  created_at timestamptz not null,
  unique (article_id, version)
);

-- Ordered by id: the approval and an immediate publishing share one instant.
create table article_events (
  id bigint generated always as identity primary key,
  article_id uuid not null references articles (id),
  action text not null,
  from_status text not null,
  to_status text not null,
  actor_id uuid references users (id),
  note text check (length(note) <= 1000),
  at timestamptz not null
);
create index article_events_article_idx on article_events (article_id, at);
