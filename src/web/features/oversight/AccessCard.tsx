import { Card, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { formatCount } from './format';
import { useAccess } from './queries';

const PAGE = 5;

/** Townships whose children have fewer places within reach than the desert threshold (2SFCA). */
export function AccessCard({ code }: { code: string }) {
  const { t } = useTranslation();
  const access = useAccess(code);
  let body: ReactNode;
  if (access.isPending) body = <PageLoading />;
  else if (access.isError) body = <LoadError error={access.error} onRetry={() => void access.refetch()} />;
  else {
    const { points, deserts, desertThresholdPer100, catchmentKm } = access.data;
    const desertPoints = points.filter((p) => deserts.includes(p.divisionCode)).sort((a, b) => a.accessPer100 - b.accessPer100);
    body = (
      <>
        <Typography.Paragraph type="secondary">
          {t('oversight.accessNote', { km: catchmentKm, threshold: desertThresholdPer100, count: deserts.length, points: points.length })}
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
