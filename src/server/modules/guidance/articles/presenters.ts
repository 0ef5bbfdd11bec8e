import { type ArticleAction, type ArticleCategory, type ArticleStatus, hostAllowed } from '../../../../domain/guidance/articles.ts';
import type { ArticleContent } from './content.ts';
import type { ArticleRow, findEvents, findRevisions } from './queries.ts';
import type { ArticleView } from './schemas.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

type StoredLink = { href: string; text: string; host: string | null };
type Flag = ArticleView['flags'][number];

export function presentLinks(links: StoredLink[], allowedHosts: readonly string[]) {
  return links.map((l) => ({ ...l, allowed: l.host !== null && hostAllowed(l.host, allowedHosts) }));
}

export function presentSummary(row: Omit<ArticleRow, 'content' | 'html'>) {
  return {
    id: row.id,
    slug: row.slug,
    category: row.category as ArticleCategory,
    title: row.title,
    status: row.status as ArticleStatus,
    authorName: row.author_name,
    publishAt: iso(row.publish_at),
    publishedAt: iso(row.published_at),
    updatedAt: iso(row.updated_at) as string,
    flaggedAt: iso(row.flagged_at),
    externalLinkCount: (row.external_links as StoredLink[]).length,
    flagCount: (row.flags as Flag[]).length,
  };
}

export function presentArticle(
  row: ArticleRow,
  extra: {
    allowedHosts: readonly string[];
    allowedActions: ArticleAction[];
    events: Awaited<ReturnType<typeof findEvents>>;
    revisions: Awaited<ReturnType<typeof findRevisions>>;
  },
): ArticleView {
  const { externalLinkCount: _, flagCount: __, ...summary } = presentSummary(row);
  return {
    ...summary,
    summary: row.summary,
    content: row.content as ArticleContent,
    html: row.html,
    version: row.version,
    externalLinks: presentLinks(row.external_links as StoredLink[], extra.allowedHosts),
    flags: row.flags as Flag[],
    approvedByName: row.approved_by_name,
    approvedAt: iso(row.approved_at),
    allowedActions: extra.allowedActions,
    events: extra.events.map((e) => ({
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorName: e.actor_name,
      note: e.note,
      at: iso(e.at) as string,
    })),
    revisions: extra.revisions.map((r) => ({ version: r.version, editorName: r.editor_name, createdAt: iso(r.created_at) as string })),
  };
}
