import type { Role } from '../access/roles.ts';
import { defineWorkflow } from '../workflow/defineWorkflow.ts';

/** 政策 · 育儿指导 · 新闻 · 讲座回顾 */
export const ARTICLE_CATEGORIES = ['policy', 'parenting', 'news', 'lecture'] as const;
export type ArticleCategory = (typeof ARTICLE_CATEGORIES)[number];

export const ARTICLE_STATUSES = ['draft', 'submitted', 'approved', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const ARTICLE_ACTIONS = ['submit', 'approve', 'return', 'publish', 'unpublish'] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];

/**
 * Who takes an article step, beyond holding the role: the official who submitted or wrote it
 * (`author`) or another city official (`reviewer`). Approval is the reviewer's alone, so no
 * article reaches readers on one person's word.
 */
export type ArticleParty = 'author' | 'reviewer';

export const ArticleWorkflow = defineWorkflow<ArticleStatus, ArticleAction, ArticleParty>(ARTICLE_STATUSES, {
  draft: { submit: { to: 'submitted', by: ['author', 'reviewer'] } },
  submitted: {
    approve: { to: 'approved', by: ['reviewer'] },
    return: { to: 'draft', by: ['reviewer'] },
  },
  // An approved article goes out at its publishAt (the scheduled job) or when an official publishes it now.
  approved: {
    publish: { to: 'published', by: ['author', 'reviewer'] },
    return: { to: 'draft', by: ['author', 'reviewer'] },
  },
  published: { unpublish: { to: 'draft', by: ['author', 'reviewer'] } },
});

/** The roles that write and review articles: the city health commission's officials. */
export const ARTICLE_ROLES: readonly Role[] = ['city_official'];

/** Default hosts articles may link to besides the product itself: the government's own sites. */
export const DEFAULT_LINK_HOSTS = ['gov.cn'];

/** Whether a host is on the list: the entry itself or any subdomain of it (`lyg.gov.cn` for `gov.cn`). */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return allowed.some((entry) => {
    const e = entry.toLowerCase().replace(/^\.+|\.$/g, '');
    return e !== '' && (h === e || h.endsWith(`.${e}`));
  });
}

/** A link of an article as the reviewer sees it. `host` is null for a link inside the site. */
export type ArticleLink = { href: string; text: string; host: string | null };

/** Characters a reader cannot see; text made of them, or carrying them, hides something. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u206A-\u206F\uFEFF]/;
const EVERY_INVISIBLE = new RegExp(INVISIBLE.source, 'g');
/** A host-like word in link text: `www.lyg.gov.cn`, `https://example.com/…`. */
const HOST_IN_TEXT = /(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?=[/:?#\s]|$)/i;

export type ArticleFlag =
  | { kind: 'host_not_allowed'; href: string; host: string }
  | { kind: 'text_hides_host'; href: string; text: string }
  | { kind: 'invisible_link'; href: string }
  | { kind: 'invisible_text'; text: string }
  | { kind: 'html_changed' };

/**
 * What the daily check flags in a published article's links and text: links to hosts off the
 * allowlist, link text that names another host than the one it goes to, links a reader cannot
 * see, and text carrying invisible characters. The rendering allowlist already keeps styles and
 * hidden elements out, so hidden text can only come from the content itself.
 */
export function flagsOf(links: readonly ArticleLink[], texts: readonly string[], allowedHosts: readonly string[]): ArticleFlag[] {
  const flags: ArticleFlag[] = [];
  for (const link of links) {
    if (link.host && !hostAllowed(link.host, allowedHosts)) flags.push({ kind: 'host_not_allowed', href: link.href, host: link.host });
    const named = HOST_IN_TEXT.exec(link.text)?.[1]?.toLowerCase();
    if (named && named !== link.host && !(link.host === null && hostAllowed(named, allowedHosts)))
      flags.push({ kind: 'text_hides_host', href: link.href, text: link.text });
    if (link.text.replace(EVERY_INVISIBLE, '').replace(/\s/g, '') === '' || INVISIBLE.test(link.text))
      flags.push({ kind: 'invisible_link', href: link.href });
  }
  const linkTexts = new Set(links.map((l) => l.text));
  for (const text of texts)
    if (INVISIBLE.test(text) && !linkTexts.has(text)) flags.push({ kind: 'invisible_text', text: text.slice(0, 80) });
  return flags;
}
