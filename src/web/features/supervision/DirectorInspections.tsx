import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { InspectionList } from './InspectionList';
import { useInspections } from './queries';

/** The director's inspections: results, and a way into each to rectify. */
export default function DirectorInspections({ base }: { base: string }) {
  const { t } = useTranslation();
  const list = useInspections(undefined);
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('supervision.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('supervision.directorLead')}</Typography.Paragraph>
      <InspectionList items={list.data} base={base} />
    </Space>
  );
}
