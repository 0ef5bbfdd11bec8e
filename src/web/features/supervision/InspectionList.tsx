import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InspectionSummary } from './api';
import { OverallTag } from './labels';

/** Inspections as cards that open the record (and, for the district, the results form). */
export function InspectionList({
  items,
  base,
  districtName,
}: {
  items: InspectionSummary[];
  base: string;
  districtName?: (code: string) => string;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty description={t('supervision.noInspections')} />;
  return (
    <List
      dataSource={items}
      renderItem={(i) => (
        <Card size="small" style={{ marginBottom: 8 }} data-testid="inspection">
          <Flex justify="space-between" gap={8} wrap>
            <Link to={`${base}/inspections/${i.id}`}>{i.institutionName}</Link>
            <span>
              {i.kind === 'targeted' && <Tag>{t('supervision.kind.targeted')}</Tag>}
              <OverallTag overall={i.overall} />
            </span>
          </Flex>
          {districtName && <Typography.Text>{districtName(i.divisionCode)} </Typography.Text>}
          <Typography.Text type="secondary">
            {t('supervision.inspectorsLine', { names: i.inspectors.map((p) => p.name).join('、') })}
            {i.inspectedOn ? ` · ${i.inspectedOn}` : ''}
            {i.openRectifications > 0 ? ` · ${t('supervision.openCount', { count: i.openRectifications })}` : ''}
          </Typography.Text>
          {i.overdueRectifications > 0 && (
            <Typography.Text type="danger" data-testid="overdue">
              {' '}
              {t('supervision.overdueCount', { count: i.overdueRectifications })}
            </Typography.Text>
          )}
        </Card>
      )}
    />
  );
}
