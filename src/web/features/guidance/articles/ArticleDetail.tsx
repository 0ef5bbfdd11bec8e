import { Alert, Button, Card, Flex, Input, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { shanghaiWallToIso } from '../../../../domain/dates/shanghai.ts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import type { RolePageProps } from '../../../components/RoleShell';
import { ArticleForm } from './ArticleForm';
import type { Article, ArticleAction } from './api';
import { StatusTag, shortTime } from './parts';
import { useArticle, useArticleTransition, useSaveArticle } from './queries';

/** One article: its draft for the writers, and for the reviewer the outside links, the reader's view and the history. */
export function ArticleDetail(_props: RolePageProps) {
  const { t } = useTranslation();
  const { articleId = '' } = useParams();
  const article = useArticle(articleId);
  if (article.isPending) return <PageLoading />;
  if (article.isError) return <LoadError error={article.error} onRetry={() => void article.refetch()} />;
  const a = article.data;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      <Flex gap={8} align="center" wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {a.title}
        </Typography.Title>
        <StatusTag status={a.status} />
      </Flex>
      <Typography.Text type="secondary">
        {t('articles.byline', { author: a.authorName, version: a.version })}
        {a.approvedByName && ` · ${t('articles.approvedBy', { name: a.approvedByName })}`}
        {a.status === 'approved' && a.publishAt && ` · ${t('articles.publishAtLabel', { at: shortTime(a.publishAt) })}`}
      </Typography.Text>
      {a.flags.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="flags"
          title={t('articles.flagsTitle', { at: shortTime(a.flaggedAt) })}
          description={a.flags.map((f) => `${t(`articles.flagKinds.${f.kind}`)} ${f.href ?? f.text ?? ''}`).join('；')}
        />
      )}
      <Actions article={a} />
      <ExternalLinks article={a} />
      {a.allowedActions.includes('submit') ? <Draft article={a} /> : <ReaderView html={a.html} />}
      <Card size="small" title={t('articles.history')}>
        <List
          size="small"
          dataSource={a.events}
          locale={{ emptyText: t('articles.noHistory') }}
          renderItem={(e) => (
            <List.Item>
              {shortTime(e.at)} · {e.actorName ?? t('articles.system')} · {t(`articles.actions.${e.action}`)}
              {e.note && ` · ${e.note}`}
            </List.Item>
          )}
        />
        <Typography.Text type="secondary">
          {t('articles.revisions', { list: a.revisions.map((r) => `v${r.version} ${r.editorName} ${shortTime(r.createdAt)}`).join('；') })}
        </Typography.Text>
      </Card>
    </Flex>
  );
}

/** What the reader will get: the server's sanitised HTML, the only HTML this app inserts. */
function ReaderView({ html }: { html: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('articles.readerView')}>
      {/* The only inserted HTML: rendered and sanitised by the server's article allowlist */}
      <div className="article-body" data-testid="reader-view" dangerouslySetInnerHTML={{ __html: html }} />
    </Card>
  );
}

function Draft({ article }: { article: Article }) {
  const save = useSaveArticle(article.id);
  return (
    <Card size="small">
      <ArticleForm key={article.version} article={article} saving={save.isPending} onSave={(input) => save.mutateAsync(input)} />
    </Card>
  );
}

/** Every outside link with its host, so the reviewer sees where the article sends readers before approving it. */
function ExternalLinks({ article }: { article: Article }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('articles.externalLinksTitle', { count: article.externalLinks.length })} data-testid="external-links">
      {article.externalLinks.length === 0 ? (
        <Typography.Text type="secondary">{t('articles.noExternalLinks')}</Typography.Text>
      ) : (
        <Table
          size="small"
          rowKey={(l) => `${l.href}|${l.text}`}
          pagination={false}
          scroll={{ x: true }}
          dataSource={article.externalLinks}
          columns={[
            { title: t('articles.linkText'), dataIndex: 'text' },
            { title: t('articles.linkHost'), dataIndex: 'host' },
            {
              title: t('articles.linkAllowed'),
              dataIndex: 'allowed',
              render: (allowed: boolean) =>
                allowed ? <Tag color="green">{t('articles.onList')}</Tag> : <Tag color="red">{t('articles.offList')}</Tag>,
            },
            { title: t('articles.linkHref'), dataIndex: 'href', render: (href: string) => <Typography.Text code>{href}</Typography.Text> },
          ]}
        />
      )}
    </Card>
  );
}

function Actions({ article }: { article: Article }) {
  const { t } = useTranslation();
  const step = useArticleTransition(article.id);
  const [note, setNote] = useState('');
  const [publishAt, setPublishAt] = useState('');
  if (article.allowedActions.length === 0)
    return article.status === 'submitted' ? <Alert type="info" showIcon title={t('articles.waitingForSecond')} /> : null;
  const take = (action: ArticleAction) =>
    step.mutate({
      action,
      ...(action === 'return' ? { note } : {}),
      ...(action === 'approve' && publishAt ? { publishAt: shanghaiWallToIso(publishAt) } : {}),
    });
  return (
    <Card size="small" title={t('articles.actionsTitle')}>
      <Flex vertical gap={8}>
        {article.allowedActions.includes('approve') && (
          <Space wrap>
            <Typography.Text>{t('articles.publishAt')}</Typography.Text>
            <Input type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} style={{ width: 220 }} />
          </Space>
        )}
        {article.allowedActions.includes('return') && (
          <Input.TextArea placeholder={t('articles.returnNote')} value={note} onChange={(e) => setNote(e.target.value)} autoSize />
        )}
        <Space wrap>
          {article.allowedActions.map((action) => (
            <Button
              key={action}
              type={action === 'approve' || action === 'submit' ? 'primary' : 'default'}
              loading={step.isPending}
              onClick={() => take(action)}
            >
              {t(`articles.actions.${action}`)}
            </Button>
          ))}
        </Space>
        <ErrorAlert error={step.error} />
      </Flex>
    </Card>
  );
}
