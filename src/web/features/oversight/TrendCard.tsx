import { Card } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInShanghai } from '../../../domain/dates/shanghai.ts';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { lastMonths } from './format';
import { useSeries } from './queries';

// ECharts only when the chart is drawn: the rest of the dashboard shows without it.
const TrendChart = lazy(() => import('./TrendChart'));

/** The last 24 months, each as of its last day. */
export function TrendCard({ code }: { code: string }) {
  const { t } = useTranslation();
  const { from, to } = lastMonths(todayInShanghai(new Date()));
  const series = useSeries(code, from, to);
  let body: ReactNode;
  if (series.isPending) body = <PageLoading />;
  else if (series.isError) body = <LoadError error={series.error} onRetry={() => void series.refetch()} />;
  else
    body = (
      <Suspense fallback={<PageLoading />}>
        <TrendChart series={series.data} />
      </Suspense>
    );
  return <Card title={t('oversight.trendTitle', { from, to })}>{body}</Card>;
}
