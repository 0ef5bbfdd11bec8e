import { Card, Flex, List, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import { ARTICLE_CATEGORIES, type ArticleCategory } from './api';
import { shortDate } from './parts';
import { usePublicArticles } from './queries';

/** 政策 · 育儿指导 · 新闻 · 讲座回顾: the published articles, one category at a time or all. */
export default function PublicArticlesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('category');
  const category = (ARTICLE_CATEGORIES as readonly string[]).includes(asked ?? '') ? (asked as ArticleCategory) : undefined;
  const articles = usePublicArticles(category);
  return (
    <Flex vertical gap={12} style={{ maxWidth: 760, margin: '0 auto', width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('articles.publicTitle')}
      </Typography.Title>
      <div style={{ overflowX: 'auto' }}>
        <Segmented
          value={category ?? 'all'}
          onChange={(v) => setParams(v === 'all' ? {} : { category: String(v) })}
          options={[
            { value: 'all', label: t('articles.filters.all') },
            ...ARTICLE_CATEGORIES.map((c) => ({ value: c, label: t(`articles.categories.${c}`) })),
          ]}
        />
      </div>
      {articles.isPending ? (
        <PageLoading />
      ) : articles.isError ? (
        <LoadError error={articles.error} onRetry={() => void articles.refetch()} />
      ) : (
        <Card size="small">
          <List
            dataSource={articles.data.items}
            locale={{ emptyText: t('articles.none') }}
            renderItem={(a) => (
              <List.Item>
                <List.Item.Meta
                  title={<Link to={`/articles/${a.slug}`}>{a.title}</Link>}
                  description={
                    <>
                      <Typography.Text type="secondary">
                        {t(`articles.categories.${a.category}`)} · {shortDate(a.publishedAt)}
                      </Typography.Text>
                      {a.summary && <Typography.Paragraph style={{ margin: '4px 0 0' }}>{a.summary}</Typography.Paragraph>}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </Flex>
  );
}
