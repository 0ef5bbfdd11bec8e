import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Indicators } from './api';
import { formatCount, formatPer1000, formatPercent, meets, progressTo } from './format';

/** One target as a bar: where the division stands, the target, and whether it is met. */
function TargetBar({
  label,
  value,
  target,
  shown,
  testId,
}: {
  label: string;
  value: number | null;
  target: number;
  shown: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const met = meets(value, target);
  return (
    <div data-testid={testId} data-met={met}>
      <Typography.Text strong>{label}</Typography.Text>
      <Progress percent={progressTo(value, target)} status={met ? 'success' : 'active'} showInfo={false} />
      <Typography.Text type={met ? 'success' : 'warning'}>
        {shown} · {met ? t('oversight.targetMet') : t('oversight.targetShort')}
      </Typography.Text>
    </div>
  );
}

/** Progress to the city's two targets, then the headline figures of the division. */
export function TargetsCard({ data }: { data: Indicators }) {
  const { t } = useTranslation();
  const perTarget = data.targets.placesPer1000 ?? 4.5;
  const coverageTarget = data.targets.townshipCoverage ?? 1;
  const figures: [string, string, string][] = [
    ['places', t('oversight.places'), formatCount(data.places)],
    ['inclusiveShare', t('oversight.inclusiveShare'), formatPercent(data.inclusiveShare)],
    ['enrolled', t('oversight.enrolled'), formatCount(data.enrolled)],
    ['occupancy', t('oversight.occupancy'), formatPercent(data.occupancy)],
    ['enrolmentRate', t('oversight.enrolmentRate'), formatPercent(data.enrolmentRate)],
    ['placesNeeded', t('oversight.placesNeeded'), formatCount(data.placesNeeded)],
  ];
  return (
    <Card title={t('oversight.targetsTitle', { date: data.asOf })}>
      <Row gutter={[24, 16]}>
        <Col xs={24} md={12}>
          <TargetBar
            testId="target-placesPer1000"
            label={t('oversight.placesPer1000')}
            value={data.placesPer1000}
            target={perTarget}
            shown={t('oversight.per1000Of', { value: formatPer1000(data.placesPer1000), target: perTarget })}
          />
        </Col>
        {data.townships > 0 && (
          <Col xs={24} md={12}>
            <TargetBar
              testId="target-townshipCoverage"
              label={t('oversight.townshipCoverage')}
              value={data.townshipCoverage}
              target={coverageTarget}
              shown={t('oversight.coverageOf', { covered: data.townshipsWithInclusive, townships: data.townships })}
            />
          </Col>
        )}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {figures.map(([key, title, value]) => (
          <Col key={key} xs={12} md={8} xl={4}>
            <Statistic title={title} value={value} data-testid={`figure-${key}`} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
