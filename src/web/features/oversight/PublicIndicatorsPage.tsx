import { Card, Col, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { useDivisionTree } from '../geography/queries';
import type { PublicIndicators } from './api';
import { formatCount, formatPer1000, formatPercent, meets, progressTo } from './format';
import { usePublicIndicators } from './queries';

type DistrictRow = PublicIndicators['children'][number];

function CityIndicators({ code }: { code: string }) {
  const { t } = useTranslation();
  const figures = usePublicIndicators(code);
  if (figures.isPending) return <PageLoading />;
  if (figures.isError) return <LoadError error={figures.error} onRetry={() => void figures.refetch()} />;
  const data = figures.data;
  const per = data.targets.placesPer1000 ?? 4.5;
  const coverage = data.targets.townshipCoverage ?? 1;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('oversight.publicIntro', { date: data.asOf, target: per })}</Typography.Paragraph>
      <Card title={data.name} style={{ marginBottom: 16 }}>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('oversight.places')} value={formatCount(data.places)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('oversight.placesPer1000')} value={formatPer1000(data.placesPer1000)} data-testid="public-per1000" />
            <Progress
              percent={progressTo(data.placesPer1000, per)}
              showInfo={false}
              status={meets(data.placesPer1000, per) ? 'success' : 'active'}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('oversight.inclusiveShare')} value={formatPercent(data.inclusiveShare)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('oversight.townshipCoverage')} value={formatPercent(data.townshipCoverage)} />
            <Progress
              percent={progressTo(data.townshipCoverage, coverage)}
              showInfo={false}
              status={meets(data.townshipCoverage, coverage) ? 'success' : 'active'}
            />
          </Col>
        </Row>
      </Card>
      {data.children.length > 0 && (
        <Card title={t('oversight.districtsTitle')}>
          <Table<DistrictRow>
            size="small"
            rowKey="divisionCode"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={data.children}
            columns={[
              { title: t('oversight.division'), dataIndex: 'name' },
              { title: t('oversight.places'), dataIndex: 'places', align: 'right', render: formatCount },
              {
                title: t('oversight.placesPer1000'),
                dataIndex: 'placesPer1000',
                align: 'right',
                render: (v: number | null) => <Tag color={meets(v, per) ? 'green' : 'orange'}>{formatPer1000(v)}</Tag>,
              },
              { title: t('oversight.inclusiveShare'), dataIndex: 'inclusiveShare', align: 'right', render: formatPercent },
              {
                title: t('oversight.townshipCoverage'),
                dataIndex: 'townshipCoverage',
                align: 'right',
                render: (v: number | null) => <Tag color={meets(v, coverage) ? 'green' : 'orange'}>{formatPercent(v)}</Tag>,
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}

/** Public transparency: the city's places and inclusive coverage against its targets, district by district. */
export default function PublicIndicatorsPage() {
  const { t } = useTranslation();
  const tree = useDivisionTree();
  const city = tree.data?.tree[0]?.code;
  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('oversight.publicTitle')}
      </Typography.Title>
      {tree.isPending && <PageLoading />}
      {tree.isError && <LoadError error={tree.error} onRetry={() => void tree.refetch()} />}
      {city && <CityIndicators code={city} />}
    </>
  );
}
