import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArticleStatus } from './api';

const STATUS_COLOR: Record<ArticleStatus, string> = { draft: 'default', submitted: 'gold', approved: 'blue', published: 'green' };

export function StatusTag({ status }: { status: ArticleStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="article-status">
      {t(`articles.statuses.${status}`)}
    </Tag>
  );
}

/** An instant as a Shanghai date and time, e.g. 2026-12-07 10:30. */
export function shortTime(iso: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

/** A published day in Shanghai, e.g. 2026-12-07. */
export function shortDate(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(new Date(iso));
}
