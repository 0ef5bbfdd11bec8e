import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { toShanghaiDate } from '../../../domain/dates/shanghai.ts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { markParentsInformed } from './api';
import { thisMonth, today } from './format';
import { IncidentItem } from './IncidentItem';
import { keys, useIncidents } from './queries';

/** 今日意外事件: the institution's incidents of today, newest first, with the parents' notice still to give. */
export function TodayIncidentsCard({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const month = thisMonth();
  const incidents = useIncidents(institutionId, month);
  const inform = useMutation({
    mutationFn: (incidentId: string) => markParentsInformed(incidentId, new Date().toISOString()),
    onSettled: () => client.invalidateQueries({ queryKey: keys.incidents(institutionId, month) }),
  });
  const day = today();
  const items = (incidents.data?.items ?? []).filter((i) => toShanghaiDate(new Date(i.occurredAt)) === day);

  return (
    <Card size="small" title={t('attendance.incident.title', { n: items.length })} data-testid="today-incidents">
      {incidents.isPending ? (
        <PageLoading />
      ) : incidents.isError ? (
        <LoadError error={incidents.error} onRetry={() => void incidents.refetch()} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attendance.incident.empty')} />
      ) : (
        <List
          dataSource={items}
          renderItem={(incident) => (
            <IncidentItem
              incident={incident}
              action={
                !incident.parentsInformedAt && (
                  <Button
                    size="large"
                    loading={inform.isPending && inform.variables === incident.id}
                    onClick={() => inform.mutate(incident.id)}
                  >
                    {t('attendance.incident.markInformed')}
                  </Button>
                )
              }
            />
          )}
        />
      )}
      <ErrorAlert error={inform.error} style={{ marginTop: 8 }} />
    </Card>
  );
}
