import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ARTICLE_ROLES } from '../../../../domain/guidance/articles.ts';
import type { Deps } from '../../../deps.ts';
import { PUBLIC, roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import {
  ArticleBody,
  ArticleListQuery,
  ArticleSummary,
  ArticleView,
  IdParams,
  LinkHostsBody,
  PasteBody,
  PasteView,
  PublicArticle,
  PublicArticleSummary,
  PublicListQuery,
  SlugParams,
  TransitionBody,
} from './schemas.ts';
import { cleanPastedHtml, createArticle, editArticle, getArticle, getPublicArticle, listArticles, listPublicArticles } from './service.ts';
import { getLinkHostSettings, updateLinkHosts } from './settings.ts';
import { transition } from './transition.ts';

const OFFICIALS = roles(...ARTICLE_ROLES);

/** Articles (文章) of the city health commission: writing, a second official's approval, publishing, public pages. */
export async function articleRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['articles'];

  app.get('/api/v1/articles', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '文章列表 Articles in every status, newest change first; flagged=true for those the daily check flagged',
      querystring: ArticleListQuery,
      response: { 200: z.object({ items: z.array(ArticleSummary) }), ...ErrorResponses },
    },
    handler: async (request) => ({ items: await listArticles(deps, request.query) }),
  });

  app.post('/api/v1/articles', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '撰写文章 Write a draft (content as ProseMirror JSON of the allowed node types)',
      body: ArticleBody,
      response: { 201: ArticleView, ...ErrorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createArticle(deps, scope(request), request.body, auditContext(request))),
  });

  app.get('/api/v1/articles/:id', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '文章详情 One article with its external links, flags, revisions and history',
      params: IdParams,
      response: { 200: ArticleView, ...ErrorResponses },
    },
    handler: (request) => getArticle(deps, scope(request), request.params.id),
  });

  app.put('/api/v1/articles/:id', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '保存修改 Save a draft again; every save is a revision',
      description: '409 ARTICLE_NOT_EDITABLE unless the article is a draft (return or unpublish it first).',
      params: IdParams,
      body: ArticleBody,
      response: { 200: ArticleView, 409: ErrorBody, ...ErrorResponses },
    },
    handler: (request) => editArticle(deps, scope(request), request.params.id, request.body, auditContext(request)),
  });

  app.post('/api/v1/articles/:id/transitions', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '提交/审核/退回/发布/撤下 submit, approve (publishAt), return (note), publish, unpublish',
      description:
        '403 ARTICLE_SECOND_OFFICIAL_REQUIRED when one who wrote or submitted the article approves it; 409 ARTICLE_ACTION_NOT_ALLOWED with the allowed actions when the status does not offer the action.',
      params: IdParams,
      body: TransitionBody,
      response: { 200: ArticleView, 409: ErrorBody, ...ErrorResponses },
    },
    handler: (request) => transition(deps, scope(request), request.params.id, request.body, auditContext(request)),
  });

  app.post('/api/v1/articles/pasted-html', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '清理粘贴内容 Pasted HTML through the article allowlist, for the editor to insert',
      body: PasteBody,
      response: { 200: PasteView, ...ErrorResponses },
    },
    handler: (request) => cleanPastedHtml(deps, request.body.html),
  });

  app.get('/api/v1/article-settings', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '链接白名单 The hosts articles may link to without being flagged',
      response: { 200: LinkHostsBody, ...ErrorResponses },
    },
    handler: () => getLinkHostSettings(deps),
  });

  app.put('/api/v1/article-settings', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '修改链接白名单 Change the hosts articles may link to',
      body: LinkHostsBody,
      response: { 200: LinkHostsBody, ...ErrorResponses },
    },
    handler: (request) => updateLinkHosts(deps, auditContext(request), request.body),
  });

  app.get('/api/v1/public/articles', {
    config: { access: PUBLIC },
    schema: {
      tags,
      summary: '公开文章 Published articles, newest first, of one category or all',
      querystring: PublicListQuery,
      response: { 200: z.object({ items: z.array(PublicArticleSummary) }), ...ErrorResponses },
    },
    handler: async (request) => ({ items: await listPublicArticles(deps, request.query.category) }),
  });

  app.get('/api/v1/public/articles/:slug', {
    config: { access: PUBLIC },
    schema: {
      tags,
      summary: '文章页 A published article by its address',
      params: SlugParams,
      response: { 200: PublicArticle, ...ErrorResponses },
    },
    handler: (request) => getPublicArticle(deps, request.params.slug),
  });
}
