import { Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { DirectoryCard } from './DirectoryCard';
import { InspectionList } from './InspectionList';
import { useInspections, useRectifications } from './queries';
import { RectificationCard } from './RectificationCard';
import { RoundsCard } from './RoundsCard';

function Inspections({ code, base }: { code: string; base: string }) {
  const list = useInspections(code);
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return <InspectionList items={list.data} base={base} />;
}

function Overdue({ code }: { code: string }) {
  const { t } = useTranslation();
  const list = useRectifications(code, true);
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.length === 0) return <Typography.Text type="secondary">{t('supervision.noOverdue')}</Typography.Text>;
  return list.data.map((r) => <RectificationCard key={r.id} rectification={r} showInstitution />);
}

/** The district's work: draw rounds, the inspections they hold, overdue rectifications, the inspector directory. */
export default function DistrictInspections({ code, base }: { code: string; base: string }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('supervision.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'rounds', label: t('supervision.tabs.rounds'), children: <RoundsCard code={code} /> },
          { key: 'inspections', label: t('supervision.tabs.inspections'), children: <Inspections code={code} base={base} /> },
          { key: 'overdue', label: t('supervision.tabs.overdue'), children: <Overdue code={code} /> },
          { key: 'directory', label: t('supervision.tabs.directory'), children: <DirectoryCard code={code} /> },
        ]}
      />
    </Space>
  );
}
