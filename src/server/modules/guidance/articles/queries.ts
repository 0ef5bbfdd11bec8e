import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';

const SUMMARY_COLUMNS = [
  'a.id',
  'a.slug',
  'a.category',
  'a.title',
  'a.summary',
  'a.status',
  'a.version',
  'a.author_id',
  'a.submitted_by',
  'a.approved_by',
  'a.approved_at',
  'a.publish_at',
  'a.published_at',
  'a.flags',
  'a.flagged_at',
  'a.external_links',
  'a.updated_at',
  'author.name as author_name',
  'approver.name as approved_by_name',
] as const;

function articles(db: Db) {
  return db
    .selectFrom('articles as a')
    .innerJoin('users as author', 'author.id', 'a.author_id')
    .leftJoin('users as approver', 'approver.id', 'a.approved_by');
}

export async function findArticles(db: Db, filter: { status?: string; flagged?: boolean }) {
  let query = articles(db).select(SUMMARY_COLUMNS).orderBy('a.updated_at', 'desc').limit(500);
  if (filter.status) query = query.where('a.status', '=', filter.status);
  if (filter.flagged) query = query.where('a.flagged_at', 'is not', null);
  return query.execute();
}

export async function findArticle(db: Db, id: string) {
  return articles(db)
    .select([...SUMMARY_COLUMNS, 'a.content', 'a.html'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}
export type ArticleRow = NonNullable<Awaited<ReturnType<typeof findArticle>>>;

export async function lockArticle(db: Db, id: string) {
  return db.selectFrom('articles').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function slugTaken(db: Db, slug: string, exceptId?: string) {
  let query = db.selectFrom('articles').select('id').where('slug', '=', slug);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertArticle(db: Db, row: Insertable<DB['articles']>) {
  return (await db.insertInto('articles').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateArticle(db: Db, id: string, changes: Updateable<DB['articles']>) {
  await db.updateTable('articles').set(changes).where('id', '=', id).execute();
}

export async function insertRevision(db: Db, row: Insertable<DB['article_revisions']>) {
  await db.insertInto('article_revisions').values(row).execute();
}

export async function insertEvent(db: Db, row: Insertable<DB['article_events']>) {
  await db.insertInto('article_events').values(row).execute();
}

/** Everyone who saved a version of the article: none of them may approve it. */
export async function findEditors(db: Db, articleId: string): Promise<string[]> {
  const rows = await db.selectFrom('article_revisions').select('editor_id').distinct().where('article_id', '=', articleId).execute();
  return rows.map((r) => r.editor_id);
}

export async function findEvents(db: Db, articleId: string) {
  return db
    .selectFrom('article_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.action', 'e.from_status', 'e.to_status', 'e.note', 'e.at', 'u.name as actor_name'])
    .where('e.article_id', '=', articleId)
    .orderBy('e.id')
    .execute();
}

export async function findRevisions(db: Db, articleId: string) {
  return db
    .selectFrom('article_revisions as r')
    .innerJoin('users as u', 'u.id', 'r.editor_id')
    .select(['r.version', 'r.created_at', 'u.name as editor_name'])
    .where('r.article_id', '=', articleId)
    .orderBy('r.version', 'desc')
    .execute();
}

/**
 * Claims the approved articles whose time has come and publishes them in one statement: the
 * row locks make a second process's update skip what the first has published, so each article
 * goes out, and is audited, exactly once.
 */
export async function publishDue(db: Db, now: Date) {
  return db
    .updateTable('articles')
    .set({ status: 'published', published_at: now, updated_at: now })
    .where('status', '=', 'approved')
    .where('publish_at', '<=', now)
    .returning(['id', 'slug'])
    .execute();
}

export async function findPublished(db: Db, filter: { category?: string; slug?: string }) {
  let query = db
    .selectFrom('articles')
    .select(['id', 'slug', 'category', 'title', 'summary', 'html', 'published_at', 'content', 'approved_by', 'author_id'])
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .limit(200);
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.slug) query = query.where('slug', '=', filter.slug);
  return query.execute();
}

/**
 * Saves what the check found when it differs from what is stored; true when this call changed
 * it. A second process checking at the same moment waits on the row and then finds nothing to
 * change, so the reviewer is told once.
 */
export async function saveFlags(db: Db, id: string, flags: unknown[], now: Date): Promise<boolean> {
  const json = JSON.stringify(flags);
  const result = await db
    .updateTable('articles')
    .set({ flags: json, flagged_at: flags.length > 0 ? now : null })
    .where('id', '=', id)
    .where(sql<boolean>`flags <> ${json}::jsonb`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
