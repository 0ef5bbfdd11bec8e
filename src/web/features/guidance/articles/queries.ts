import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type Article,
  type ArticleInput,
  getArticle,
  getArticles,
  getLinkHosts,
  getPublicArticle,
  getPublicArticles,
  type LinkHosts,
  postArticle,
  postTransition,
  putArticle,
  putLinkHosts,
  type TransitionInput,
} from './api';

export const keys = {
  all: ['articles'] as const,
  list: (filter: object) => [...keys.all, 'list', filter] as const,
  detail: (articleId: string) => [...keys.all, 'detail', articleId] as const,
  public: ['public-articles'] as const,
  linkHosts: ['article-link-hosts'] as const,
  publicList: (category?: string) => [...keys.public, 'list', category ?? 'all'] as const,
  publicArticle: (slug: string) => [...keys.public, 'slug', slug] as const,
};

export const useArticles = (filter: { status?: string; flagged?: 'true' }) =>
  useQuery({ queryKey: keys.list(filter), queryFn: () => getArticles(filter) });
export const useArticle = (articleId: string) => useQuery({ queryKey: keys.detail(articleId), queryFn: () => getArticle(articleId) });
export const usePublicArticles = (category?: string) =>
  useQuery({ queryKey: keys.publicList(category), queryFn: () => getPublicArticles(category) });
export const usePublicArticle = (slug: string) => useQuery({ queryKey: keys.publicArticle(slug), queryFn: () => getPublicArticle(slug) });

/** A save or a step changes lists and the public pages alike. */
function useArticleMutation<V>(run: (v: V) => Promise<Article>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (article) => {
      client.setQueryData(keys.detail(article.id), article);
      void client.invalidateQueries({ queryKey: keys.all });
      void client.invalidateQueries({ queryKey: keys.public });
    },
  });
}

export const useCreateArticle = () => useArticleMutation((input: ArticleInput) => postArticle(input));
export const useSaveArticle = (articleId: string) => useArticleMutation((input: ArticleInput) => putArticle(articleId, input));
export const useArticleTransition = (articleId: string) => useArticleMutation((input: TransitionInput) => postTransition(articleId, input));

export const useLinkHosts = () => useQuery({ queryKey: keys.linkHosts, queryFn: getLinkHosts });
export function useSaveLinkHosts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LinkHosts) => putLinkHosts(input),
    onSuccess: (saved) => {
      client.setQueryData(keys.linkHosts, saved);
      void client.invalidateQueries({ queryKey: keys.all });
    },
  });
}
