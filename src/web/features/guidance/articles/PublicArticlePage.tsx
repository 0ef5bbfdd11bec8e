import { Breadcrumb, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import { shortDate } from './parts';
import { usePublicArticle } from './queries';
import './article.css';

/** A published article by its address, for reading on a phone. */
export default function PublicArticlePage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const article = usePublicArticle(slug);
  if (article.isPending) return <PageLoading />;
  if (article.isError)
    return article.error instanceof ApiError && article.error.status === 404 ? (
      <Result status="404" title={t('articles.notFound')} extra={<Link to="/articles">{t('articles.backToList')}</Link>} />
    ) : (
      <LoadError error={article.error} onRetry={() => void article.refetch()} />
    );
  const a = article.data;
  return (
    <Flex vertical gap={8} style={{ maxWidth: 760, margin: '0 auto', width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/articles">{t('articles.publicTitle')}</Link> },
          { title: <Link to={`/articles?category=${a.category}`}>{t(`articles.categories.${a.category}`)}</Link> },
        ]}
      />
      <Typography.Title level={2} style={{ margin: 0 }}>
        {a.title}
      </Typography.Title>
      <Typography.Text type="secondary">{shortDate(a.publishedAt)}</Typography.Text>
      {/* The only inserted HTML: rendered and sanitised again by the server's article allowlist as it is sent */}
      <article className="article-body" data-testid="article-body" dangerouslySetInnerHTML={{ __html: a.html }} />
    </Flex>
  );
}
