/** Articles (文章): the officials' writing and review, and the public pages. */
import { id, query, request } from '../../../api/client';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';

export type { ArticleAction, ArticleCategory, ArticleStatus } from '../../../../domain/guidance/articles.ts';
export { ARTICLE_CATEGORIES } from '../../../../domain/guidance/articles.ts';

export type Article = ResponseOf<'/api/v1/articles/{id}', 'get'>;
export type ArticleSummary = ItemOf<ResponseOf<'/api/v1/articles', 'get'>>;
export type ArticleInput = BodyOf<'/api/v1/articles', 'post'>;
export type TransitionInput = BodyOf<'/api/v1/articles/{id}/transitions', 'post'>;
export type PublicArticleSummary = ItemOf<ResponseOf<'/api/v1/public/articles', 'get'>>;
export type PublicArticle = ResponseOf<'/api/v1/public/articles/{slug}', 'get'>;

const search = (params: Record<string, string | undefined>) => {
  const text = query(params);
  return text ? `?${text}` : '';
};

export const getArticles = (filter: { status?: string; flagged?: 'true' }) =>
  request<ResponseOf<'/api/v1/articles', 'get'>>('GET', `/api/v1/articles${search(filter)}`);
export const getArticle = (articleId: string) => request<Article>('GET', `/api/v1/articles/${id(articleId)}`);
export const postArticle = (input: ArticleInput) => request<Article>('POST', '/api/v1/articles', input);
export const putArticle = (articleId: string, input: ArticleInput) => request<Article>('PUT', `/api/v1/articles/${id(articleId)}`, input);
export const postTransition = (articleId: string, input: TransitionInput) =>
  request<Article>('POST', `/api/v1/articles/${id(articleId)}/transitions`, input);
export const cleanPastedHtml = (html: string) =>
  request<ResponseOf<'/api/v1/articles/pasted-html', 'post'>>('POST', '/api/v1/articles/pasted-html', { html });

export const getPublicArticles = (category?: string) =>
  request<ResponseOf<'/api/v1/public/articles', 'get'>>('GET', `/api/v1/public/articles${search({ category })}`);
export const getPublicArticle = (slug: string) => request<PublicArticle>('GET', `/api/v1/public/articles/${id(slug)}`);

export type LinkHosts = ResponseOf<'/api/v1/article-settings', 'get'>;
export const getLinkHosts = () => request<LinkHosts>('GET', '/api/v1/article-settings');
export const putLinkHosts = (input: LinkHosts) => request<LinkHosts>('PUT', '/api/v1/article-settings', input);
