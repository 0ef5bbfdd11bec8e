import { type ArticleLink, type ArticleParty, type ArticleStatus, ArticleWorkflow } from '../../../../domain/guidance/articles.ts';
import type { Db } from '../../../db/executor.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { type ArticleContent, linksOf } from './content.ts';
import { presentArticle, presentSummary } from './presenters.ts';
import * as q from './queries.ts';
import { isExternal, renderArticleHtml, sanitizeArticleHtml } from './render.ts';
import type { ArticleBody } from './schemas.ts';
import { findLinkHosts, ownHosts } from './settings.ts';

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

/** The stored forms of checked content: reader's HTML and the outside links the reviewer must see. */
function rendered(deps: Deps, content: ArticleContent) {
  const own = ownHosts(deps.config);
  return {
    html: renderArticleHtml(content, own),
    externalLinks: linksOf(content).filter((l) => isExternal(l.href, own)),
  };
}

/** Who the caller is to this article: one who wrote or submitted it, or another official who may review it. */
export async function partyOf(db: Db, scope: Scope, article: { id: string; author_id: string; submitted_by: string | null }) {
  const me = scope.actor.userId;
  const editors = await q.findEditors(db, article.id);
  const wrote = article.author_id === me || article.submitted_by === me || editors.includes(me);
  return (wrote ? 'author' : 'reviewer') satisfies ArticleParty;
}

export async function getArticle(deps: Deps, scope: Scope, id: string) {
  const row = await q.findArticle(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const [party, events, revisions, allowedHosts] = await Promise.all([
    partyOf(deps.db, scope, row),
    q.findEvents(deps.db, id),
    q.findRevisions(deps.db, id),
    findLinkHosts(deps.db, deps.config),
  ]);
  const allowedActions = ArticleWorkflow.allowedActions(row.status as ArticleStatus, [party]);
  return presentArticle(row, { allowedHosts, allowedActions, events, revisions });
}

export async function listArticles(deps: Deps, filter: { status?: string; flagged?: 'true' }) {
  const rows = await q.findArticles(deps.db, { status: filter.status, flagged: filter.flagged === 'true' });
  return rows.map(presentSummary);
}

async function saveChecked<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw fieldError('body.slug', 'article.slugTaken');
    throw err;
  }
}

/** A new draft and its first revision. */
export async function createArticle(deps: Deps, scope: Scope, body: ArticleBody, context: AuditContext) {
  if (await q.slugTaken(deps.db, body.slug)) throw fieldError('body.slug', 'article.slugTaken');
  const now = deps.clock.now();
  const { html, externalLinks } = rendered(deps, body.content);
  const id = await saveChecked(() =>
    deps.db.transaction().execute(async (trx) => {
      const id = await q.insertArticle(trx, {
        ...columns(body, html, externalLinks),
        author_id: scope.actor.userId,
        created_at: now,
        updated_at: now,
      });
      await saveRevision(trx, id, 1, body, html, scope.actor.userId, now);
      await appendAudit(
        trx,
        context,
        { action: 'article.create', entityType: 'article', entityId: id, detail: { slug: body.slug, externalLinks } },
        now,
      );
      return id;
    }),
  );
  return getArticle(deps, scope, id);
}

/** A save of a draft: the article takes the new content, and the old stays as a revision. */
export async function editArticle(deps: Deps, scope: Scope, id: string, body: ArticleBody, context: AuditContext) {
  const now = deps.clock.now();
  const { html, externalLinks } = rendered(deps, body.content);
  await saveChecked(() =>
    deps.db.transaction().execute(async (trx) => {
      const article = await q.lockArticle(trx, id);
      if (!article) throw new AppError('NOT_FOUND');
      // Approved words are what a second official read: changing them means going back to draft first.
      if (article.status !== 'draft') throw new AppError('ARTICLE_NOT_EDITABLE', { status: article.status });
      if (await q.slugTaken(trx, body.slug, id)) throw fieldError('body.slug', 'article.slugTaken');
      const version = article.version + 1;
      await q.updateArticle(trx, id, { ...columns(body, html, externalLinks), version, updated_at: now });
      await saveRevision(trx, id, version, body, html, scope.actor.userId, now);
      await appendAudit(
        trx,
        context,
        { action: 'article.edit', entityType: 'article', entityId: id, detail: { version, externalLinks } },
        now,
      );
    }),
  );
  return getArticle(deps, scope, id);
}

/** The columns an article's content fills, on its row and (but the links) on each revision. */
export function columns(body: ArticleBody, html: string, externalLinks: ArticleLink[]) {
  return {
    slug: body.slug,
    category: body.category,
    title: body.title,
    summary: body.summary,
    content: JSON.stringify(body.content),
    html,
    external_links: JSON.stringify(externalLinks),
  };
}

export async function saveRevision(
  trx: Db,
  articleId: string,
  version: number,
  body: ArticleBody,
  html: string,
  editorId: string,
  now: Date,
) {
  const { slug: _, external_links: __, ...revision } = columns(body, html, []);
  await q.insertRevision(trx, { ...revision, article_id: articleId, version, editor_id: editorId, created_at: now });
}

/** Pasted HTML through the same allowlist as every article, before the editor takes it. */
export function cleanPastedHtml(deps: Deps, html: string) {
  return { html: sanitizeArticleHtml(html, ownHosts(deps.config)) };
}

/** Published articles for everyone; the stored HTML is sanitised again on the way out. */
export async function listPublicArticles(deps: Deps, category: string | undefined) {
  const rows = await q.findPublished(deps.db, { category });
  return rows.map((r) => ({
    slug: r.slug,
    category: r.category as ArticleBody['category'],
    title: r.title,
    summary: r.summary,
    publishedAt: new Date(r.published_at as Date).toISOString(),
  }));
}

export async function getPublicArticle(deps: Deps, slug: string) {
  const [row] = await q.findPublished(deps.db, { slug });
  if (!row) throw new AppError('NOT_FOUND');
  return {
    slug: row.slug,
    category: row.category as ArticleBody['category'],
    title: row.title,
    summary: row.summary,
    publishedAt: new Date(row.published_at as Date).toISOString(),
    html: sanitizeArticleHtml(row.html, ownHosts(deps.config)),
  };
}
