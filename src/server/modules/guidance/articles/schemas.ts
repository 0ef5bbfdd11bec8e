import { z } from 'zod';
import { ARTICLE_ACTIONS, ARTICLE_CATEGORIES, ARTICLE_STATUSES } from '../../../../domain/guidance/articles.ts';
import { ArticleContent } from './content.ts';

export { LinkHostsBody } from './settings.ts';

export const Id = z.uuid({ message: 'id.invalid' });
export const IdParams = z.object({ id: Id });
export const SlugParams = z.object({ slug: z.string().max(80) });

const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'article.slug' })
  .max(80)
  .describe('The public address: lower-case letters, digits and single hyphens (`inclusive-places-2026`)');

const Category = z.enum(ARTICLE_CATEGORIES).describe('policy 政策 · parenting 育儿指导 · news 新闻 · lecture 讲座回顾');

export const ArticleBody = z.object({
  title: z.string().trim().min(1, { message: 'field.required' }).max(120),
  slug: Slug,
  category: Category,
  summary: z.string().trim().max(300).default(''),
  content: ArticleContent,
});
export type ArticleBody = z.infer<typeof ArticleBody>;

export const TransitionBody = z.object({
  action: z.enum(ARTICLE_ACTIONS),
  note: z.string().trim().max(1000).optional().describe('return: what to change'),
  publishAt: z.iso
    .datetime({ offset: true, message: 'time.instant' })
    .optional()
    .describe('approve: when the article goes out (ISO 8601); now when left out'),
});
export type TransitionBody = z.infer<typeof TransitionBody>;

export const ArticleListQuery = z.object({ status: z.enum(ARTICLE_STATUSES).optional(), flagged: z.enum(['true']).optional() });
export const PublicListQuery = z.object({ category: Category.optional() });

export const PasteBody = z.object({ html: z.string().max(500_000) });
export const PasteView = z.object({ html: z.string().describe('The pasted HTML after the article allowlist') });

const Link = z.object({ href: z.string(), text: z.string(), host: z.string().nullable(), allowed: z.boolean() });
const Flag = z.object({ kind: z.string(), href: z.string().optional(), host: z.string().optional(), text: z.string().optional() });

export const ArticleView = z.object({
  id: z.string(),
  slug: z.string(),
  category: Category,
  title: z.string(),
  summary: z.string(),
  content: ArticleContent,
  html: z.string().describe('The sanitised HTML readers get'),
  status: z.enum(ARTICLE_STATUSES).describe('draft 草稿 · submitted 待审核 · approved 已审核待发布 · published 已发布'),
  version: z.number().int(),
  externalLinks: z.array(Link).describe('Links leaving the site, for the reviewer; allowed = host on the city’s list'),
  flags: z.array(Flag).describe('What the daily check found in the published article'),
  flaggedAt: z.string().nullable(),
  authorName: z.string(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  publishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum(ARTICLE_ACTIONS)).describe('What the caller may do now'),
  events: z.array(
    z.object({
      action: z.string(),
      fromStatus: z.string(),
      toStatus: z.string(),
      actorName: z.string().nullable(),
      note: z.string().nullable(),
      at: z.string(),
    }),
  ),
  revisions: z.array(z.object({ version: z.number().int(), editorName: z.string(), createdAt: z.string() })),
});
export type ArticleView = z.infer<typeof ArticleView>;

export const ArticleSummary = ArticleView.pick({
  id: true,
  slug: true,
  category: true,
  title: true,
  status: true,
  authorName: true,
  publishAt: true,
  publishedAt: true,
  updatedAt: true,
  flaggedAt: true,
}).extend({ externalLinkCount: z.number().int(), flagCount: z.number().int() });

export const PublicArticleSummary = z.object({
  slug: z.string(),
  category: Category,
  title: z.string(),
  summary: z.string(),
  publishedAt: z.string(),
});
export const PublicArticle = PublicArticleSummary.extend({ html: z.string().describe('Sanitised again as it is sent') });
