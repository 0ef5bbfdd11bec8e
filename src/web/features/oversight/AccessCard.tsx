import { Card, List, Segmented, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { LoadError, PageLoading } from '../../components/PageStatus';
import type { AccessDemand } from './api';
import { formatCount } from './format';
import { useAccess } from './queries';

const PAGE = 5;

/**
 * Townships whose children have fewer places within reach than the desert threshold (2SFCA), by
 * township centres or, when the city has imported one, by its population grid.
 */
export function AccessCard({ code }: { code: string }) {
  const { t } = useTranslation();
  const [demand, setDemand] = useState<AccessDemand>('townships');
  const access = useAccess(code, demand);
  const gridGone = access.isError && access.error instanceof ApiError && access.error.code === 'POPULATION_GRID_MISSING';
  // The grid was removed while the card showed it: back to the townships.
  useEffect(() => {
    if (gridGone) setDemand('townships');
  }, [gridGone]);
  let body: ReactNode;
  if (access.isPending) body = <PageLoading />;
  else if (access.isError) body = <LoadError error={access.error} onRetry={() => void access.refetch()} />;
  else {
    const { points, deserts, desertThresholdPer100, catchmentKm, childrenInDeserts, gridAvailable } = access.data;
    const desertPoints = points.filter((p) => deserts.includes(p.divisionCode)).sort((a, b) => a.accessPer100 - b.accessPer100);
    body = (
      <>
        {gridAvailable && (
          <Segmented<AccessDemand>
            size="small"
            value={access.data.demand}
            onChange={setDemand}
            options={[
              { label: t('oversight.demandTownships'), value: 'townships' },
              { label: t('oversight.demandGrid'), value: 'grid' },
            ]}
            style={{ marginBottom: 12 }}
            data-testid="access-demand"
          />
        )}
        <Typography.Paragraph type="secondary">
          {t(access.data.demand === 'grid' ? 'oversight.accessNoteGrid' : 'oversight.accessNote', {
            km: catchmentKm,
            threshold: desertThresholdPer100,
            count: deserts.length,
            points: points.length,
          })}
        </Typography.Paragraph>
        <Typography.Paragraph strong data-testid="children-in-deserts">
          {t('oversight.childrenInDeserts', { value: formatCount(childrenInDeserts) })}
        </Typography.Paragraph>
        <List
          size="small"
          dataSource={desertPoints}
          // The worst first, a page at a time: a city can have dozens of deserts.
          pagination={desertPoints.length > PAGE ? { pageSize: PAGE, size: 'small', showSizeChanger: false } : false}
          locale={{ emptyText: t('oversight.noDeserts') }}
          renderItem={(p) => (
            <List.Item data-testid={`desert-${p.divisionCode}`}>
              <List.Item.Meta
                title={
                  <>
                    {p.name} <Tag color="red">{t('oversight.accessPer100', { value: p.accessPer100 })}</Tag>
                  </>
                }
                description={
                  <>
                    {t('oversight.under3Count', { value: formatCount(p.under3) })}
                    {p.nearestInstitutions[0] &&
                      ` · ${t('oversight.nearest', { name: p.nearestInstitutions[0].name, km: p.nearestInstitutions[0].km.toFixed(1) })}`}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </>
    );
  }
  return (
    <Card title={t('oversight.accessTitle')} data-testid="access-card">
      {body}
    </Card>
  );
}
