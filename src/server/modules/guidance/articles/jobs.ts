import { type ArticleFlag, flagsOf } from '../../../../domain/guidance/articles.ts';
import type { Deps } from '../../../deps.ts';
import { SYSTEM_CONTEXT } from '../../../platform/audit/auditLog.ts';
import { type ArticleContent, linksOf, textsOf } from './content.ts';
import { tellOfFlags } from './notifications.ts';
import * as q from './queries.ts';
import { renderArticleHtml } from './render.ts';
import { findLinkHosts, ownHosts } from './settings.ts';
import { record } from './transition.ts';

/** Publishes the approved articles whose publishAt has come; each once, whichever process claims it. */
export async function publishDueArticles(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const published = await q.publishDue(trx, now);
    for (const article of published)
      await record(
        trx,
        SYSTEM_CONTEXT,
        { id: article.id, slug: article.slug, status: 'approved' },
        { action: 'publish', to: 'published', actorId: null, note: null },
        now,
      );
    return published.length;
  });
}

/**
 * The daily check of every published article: its links and text (flagsOf), and whether the
 * stored HTML is still what its content renders to; HTML changed behind the application's
 * back is how a page gets defaced. A changed finding is saved and its reviewer told, once.
 */
export async function checkPublishedArticles(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const allowedHosts = await findLinkHosts(deps.db, deps.config);
  const own = ownHosts(deps.config);
  let flagged = 0;
  for (const article of await q.findPublished(deps.db, {})) {
    const content = article.content as ArticleContent;
    const flags: ArticleFlag[] = flagsOf(linksOf(content), textsOf(content), allowedHosts);
    if (renderArticleHtml(content, own) !== article.html) flags.push({ kind: 'html_changed' });
    if (flags.length > 0) flagged += 1;
    await deps.db.transaction().execute(async (trx) => {
      const changed = await q.saveFlags(trx, article.id, flags, now);
      if (changed && flags.length > 0) await tellOfFlags(trx, article, flags.length, now);
    });
  }
  return flagged;
}
