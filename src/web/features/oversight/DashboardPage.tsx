import { DownloadOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Col, Flex, Row, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { useDivisionTree } from '../geography/queries';
import { AccessCard } from './AccessCard';
import { indicatorsXlsxHref } from './api';
import { ChildrenCard } from './ChildrenCard';
import { InstitutionsCard } from './InstitutionsCard';
import { InstitutionsMapCard, TownshipsMapCard } from './MapCard';
import { useIndicators } from './queries';
import { ScenarioCard, type ScenarioPicker } from './ScenarioCard';
import { TargetsCard } from './TargetsCard';
import { TrendCard } from './TrendCard';
import { pathTo } from './tree';
import { WorkCard } from './WorkCard';

type Props = {
  /** The division shown. */
  code: string;
  /** The official's own division: the breadcrumb starts there, since nothing above is theirs. */
  homeCode: string;
  /** The shell's base path, e.g. "/official". */
  base: string;
};

/** The oversight dashboard of one division: targets, trend, gaps, accessibility, what-if, export. */
export function DashboardPage({ code, homeCode, base }: Props) {
  const { t } = useTranslation();
  const indicators = useIndicators(code);
  const tree = useDivisionTree();
  const hrefOf = (c: string) => (c === homeCode ? base : `${base}/indicators/${c}`);
  // Picking on the map belongs to the division it was asked on: a drill-down ends it.
  const [pickingIn, setPickingIn] = useState<string | null>(null);
  const map = useRef<HTMLDivElement>(null);
  const scenario = useRef<ScenarioPicker>(null);

  if (indicators.isPending || tree.isPending) return <PageLoading />;
  if (indicators.isError) return <LoadError error={indicators.error} onRetry={() => void indicators.refetch()} />;
  if (tree.isError) return <LoadError error={tree.error} onRetry={() => void tree.refetch()} />;

  const data = indicators.data;
  const path = pathTo(tree.data.tree, code);
  const trail = path.slice(
    Math.max(
      0,
      path.findIndex((d) => d.code === homeCode),
    ),
  );
  const node = path[path.length - 1];
  const registryHref = `${base}/institutions`;

  return (
    <Flex vertical gap={16} data-testid="dashboard" data-division={code}>
      {trail.length > 1 && (
        <Breadcrumb
          data-testid="breadcrumb"
          items={trail.map((d) => ({ key: d.code, title: d.code === code ? d.name : <Link to={hrefOf(d.code)}>{d.name}</Link> }))}
        />
      )}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="dashboard-title">
          {t('oversight.title', { division: data.name })}
        </Typography.Title>
        <Button icon={<DownloadOutlined />} href={indicatorsXlsxHref(code)} download data-testid="export-xlsx">
          {t('oversight.exportExcel')}
        </Button>
      </Flex>
      <TargetsCard data={data} />
      <WorkCard path={path} base={base} district={path.find((n) => n.code === homeCode)?.level === 'district'} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14} ref={map}>
          {data.level === 'township' ? (
            <InstitutionsMapCard code={code} registryHref={registryHref} />
          ) : (
            node && (
              <TownshipsMapCard
                code={code}
                node={node}
                hrefOf={hrefOf}
                picking={pickingIn === code}
                onPick={(township) => {
                  setPickingIn(null);
                  scenario.current?.pick(township);
                }}
                onCancelPick={() => setPickingIn(null)}
              />
            )
          )}
        </Col>
        <Col xs={24} xl={10}>
          <AccessCard code={code} />
        </Col>
      </Row>
      <TrendCard code={code} />
      {data.level === 'township' ? (
        <InstitutionsCard code={code} registryHref={registryHref} />
      ) : (
        <ChildrenCard data={data} hrefOf={hrefOf} />
      )}
      {node && (
        <ScenarioCard
          key={code}
          ref={scenario}
          data={data}
          node={node}
          onPickOnMap={
            data.level === 'township'
              ? undefined
              : () => {
                  setPickingIn(code);
                  map.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                }
          }
        />
      )}
    </Flex>
  );
}
