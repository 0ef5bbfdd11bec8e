import { Button, Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { formatCount } from '../../features/geography/format';
import { useDivision } from '../../features/geography/queries';

/** The official's own division in three numbers, latest year first. */
export function DivisionOverview({ code, name, divisionsHref }: { code: string; name: string; divisionsHref: string }) {
  const { t } = useTranslation();
  const division = useDivision(code);

  let body: ReactNode;
  if (division.isPending) body = <PageLoading />;
  else if (division.isError) body = <LoadError error={division.error} onRetry={() => void division.refetch()} />;
  else {
    const latest = [...division.data.population].sort((a, b) => b.year - a.year)[0];
    body = (
      <>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={8}>
            <Statistic title={t('official.population')} value={latest ? formatCount(latest.total) : '—'} />
          </Col>
          <Col xs={12} md={8}>
            <Statistic title={t('official.under3')} value={latest ? formatCount(latest.under3) : '—'} />
          </Col>
          <Col xs={12} md={8}>
            <Statistic title={t('official.subdivisions')} value={division.data.children.length} />
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {latest ? t('official.populationYear', { year: latest.year }) : t('official.noPopulation')}
        </Typography.Paragraph>
        <Link to={divisionsHref}>
          <Button type="primary">{t('official.viewDivisions')}</Button>
        </Link>
      </>
    );
  }
  return <Card title={t('official.overviewTitle', { division: name })}>{body}</Card>;
}
