import { Card, Empty, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { IncidentItem } from '../enrollment/IncidentItem';
import { useChildIncidents } from '../enrollment/queries';

/** 意外事件: what happened to the child at the institution, what was done, when the parents were told. */
export function ChildIncidentsCard({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const incidents = useChildIncidents(childId);
  return (
    <Card size="small" title={t('attendance.incident.childTitle')} data-testid="child-incidents">
      {incidents.isPending ? (
        <PageLoading />
      ) : incidents.isError ? (
        <LoadError error={incidents.error} onRetry={() => void incidents.refetch()} />
      ) : incidents.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attendance.incident.childEmpty')} />
      ) : (
        <List dataSource={incidents.data.items} renderItem={(incident) => <IncidentItem incident={incident} showInstitution />} />
      )}
    </Card>
  );
}
