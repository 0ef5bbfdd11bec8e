import { Button, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate, useSearchParams } from 'react-router';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import type { RolePageProps } from '../../../components/RoleShell';
import { ArticleDetail } from './ArticleDetail';
import { ArticleForm } from './ArticleForm';
import type { ArticleStatus, ArticleSummary } from './api';
import { LinkHostsCard } from './LinkHostsCard';
import { StatusTag, shortTime } from './parts';
import { useArticles, useCreateArticle } from './queries';

/** The city officials' articles: the list (flagged ones first to hand), writing, and each article's review. */
export default function ArticlesArea(props: RolePageProps) {
  return (
    <Routes>
      <Route index element={<ArticleList {...props} />} />
      <Route path="new" element={<NewArticle {...props} />} />
      <Route path=":articleId" element={<ArticleDetail {...props} />} />
    </Routes>
  );
}

const FILTERS = ['all', 'draft', 'submitted', 'approved', 'published', 'flagged'] as const;

function ArticleList({ base }: RolePageProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = (FILTERS as readonly string[]).includes(params.get('show') ?? '')
    ? (params.get('show') as (typeof FILTERS)[number])
    : 'all';
  const articles = useArticles(filter === 'flagged' ? { flagged: 'true' } : filter === 'all' ? {} : { status: filter as ArticleStatus });
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('articles.officialTitle')}
        </Typography.Title>
        <Link to={`${base}/articles/new`}>
          <Button type="primary">{t('articles.new')}</Button>
        </Link>
      </Flex>
      <div style={{ overflowX: 'auto' }}>
        <Segmented
          value={filter}
          onChange={(v) => setParams(v === 'all' ? {} : { show: String(v) })}
          options={FILTERS.map((f) => ({ value: f, label: t(`articles.filters.${f}`) }))}
        />
      </div>
      {articles.isPending ? (
        <PageLoading />
      ) : articles.isError ? (
        <LoadError error={articles.error} onRetry={() => void articles.refetch()} />
      ) : (
        <Table<ArticleSummary>
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          dataSource={articles.data.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: t('articles.title'),
              dataIndex: 'title',
              render: (title: string, a) => (
                <Flex vertical>
                  <Link to={`${base}/articles/${a.id}`}>{title}</Link>
                  {a.flagCount > 0 && (
                    <Tag color="red" style={{ width: 'fit-content' }} data-testid="flagged">
                      {t('articles.flagged', { count: a.flagCount })}
                    </Tag>
                  )}
                </Flex>
              ),
            },
            {
              responsive: ['md'],
              title: t('articles.category'),
              dataIndex: 'category',
              render: (c: string) => t(`articles.categories.${c}`),
            },
            { title: t('articles.status'), dataIndex: 'status', render: (s: ArticleStatus) => <StatusTag status={s} /> },
            { responsive: ['md'], title: t('articles.externalLinks'), dataIndex: 'externalLinkCount' },
            { responsive: ['md'], title: t('articles.author'), dataIndex: 'authorName' },
            { responsive: ['md'], title: t('articles.updatedAt'), dataIndex: 'updatedAt', render: shortTime },
          ]}
        />
      )}
      <LinkHostsCard />
    </Flex>
  );
}

function NewArticle({ base }: RolePageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateArticle();
  return (
    <Flex vertical gap={12} style={{ maxWidth: 860 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('articles.new')}
      </Typography.Title>
      <ArticleForm
        saving={create.isPending}
        onSave={async (input) => {
          const article = await create.mutateAsync(input);
          navigate(`${base}/articles/${article.id}`);
        }}
      />
    </Flex>
  );
}
