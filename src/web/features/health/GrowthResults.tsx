import { Alert, Col, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import type { CurveIndicator, GrowthIndicator, GrowthScore, Sex, ZscoreResult } from './api';
import {
  chartPoint,
  classificationOf,
  curveIndicatorOf,
  INDICATORS,
  type Measurement,
  monthsOf,
  notComputedReason,
  type Severity,
  severityOf,
} from './growth';
import { useGrowthCurves } from './queries';

// ECharts is the largest thing on the page: it loads once there is a result to draw, so the
// form itself opens fast on a phone.
const GrowthChart = lazy(() => import('./GrowthChart'));

const CHART_HEIGHT = 300;
const SEVERITY_COLOR: Record<Severity, string> = { normal: 'success', moderate: 'warning', severe: 'error' };

function percentileText(p: number): string {
  if (p >= 99.95) return '>99.9';
  if (p < 0.05) return '<0.1';
  return p.toFixed(1);
}

function IndicatorChart({
  indicator,
  sex,
  point,
  description,
}: {
  indicator: CurveIndicator;
  sex: Sex;
  point: { x: number; y: number };
  description: string;
}) {
  const { t } = useTranslation();
  const curves = useGrowthCurves(indicator, sex);
  const placeholder = <Skeleton.Node active style={{ width: '100%', height: CHART_HEIGHT }} />;
  if (curves.isPending) return placeholder;
  if (curves.isError) return <Alert type="warning" showIcon title={t('growth.chartUnavailable')} description={curves.error.message} />;
  return (
    <Suspense fallback={placeholder}>
      <GrowthChart
        curves={curves.data}
        points={[{ ...point, label: t('growthChart.child') }]}
        description={description}
        height={CHART_HEIGHT}
      />
    </Suspense>
  );
}

type CardProps = { indicator: GrowthIndicator; score: GrowthScore; measurement: Measurement; result: ZscoreResult };

function IndicatorCard({ indicator, score, measurement, result }: CardProps) {
  const { t } = useTranslation();
  const curveIndicator = curveIndicatorOf(indicator, result);
  const name = t(`growth.indicator.${curveIndicator}`);
  const label = classificationOf(indicator, score);
  const severity = severityOf(label);
  const point = chartPoint(indicator, measurement, result.ageDays);
  const z = score.z.toFixed(2);
  const percentile = percentileText(score.percentile);

  return (
    <Panel
      title={name}
      extra={
        <Tag color={SEVERITY_COLOR[severity]} style={{ marginInlineEnd: 0 }} data-testid="classification">
          {t(`growth.class.${label}`)}
        </Tag>
      }
      style={{ height: '100%' }}
      testId={`score-${indicator}`}
    >
      <Flex gap={32} wrap style={{ marginBottom: 8 }}>
        <div>
          <Typography.Text type="secondary">{t('growth.zScore')}</Typography.Text>
          <div style={{ fontSize: 28, fontWeight: 600, fontVariantNumeric: 'tabular-nums', lineHeight: 1.2 }} data-testid="z">
            {z}
          </div>
        </div>
        <div>
          <Typography.Text type="secondary">{t('growth.percentile')}</Typography.Text>
          <div style={{ fontSize: 28, fontWeight: 600, fontVariantNumeric: 'tabular-nums', lineHeight: 1.2 }} data-testid="percentile">
            {percentile}
          </div>
        </div>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('growth.percentileHint', { p: percentile })}
      </Typography.Paragraph>
      {severity !== 'normal' && <Typography.Paragraph style={{ marginBottom: 8 }}>{t(`growth.classHint.${label}`)}</Typography.Paragraph>}
      {indicator === 'weightForAge' && score.z > 2 && (
        <Typography.Paragraph style={{ marginBottom: 8 }}>{t('growth.highWeightForAge')}</Typography.Paragraph>
      )}
      {score.flag && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('growth.flagged')}
          description={t('growth.flaggedHelp')}
          data-testid="flag"
        />
      )}
      {point && (
        <IndicatorChart
          indicator={curveIndicator}
          sex={measurement.sex}
          point={point}
          description={t('growthChart.description', { indicator: name, sex: t(`growth.${measurement.sex}`), z })}
        />
      )}
    </Panel>
  );
}

/** One card per computed indicator, then the ones left out and why. */
export function GrowthResults({ id, measurement, result }: { id: string; measurement: Measurement; result: ZscoreResult }) {
  const { t } = useTranslation();
  const computed = INDICATORS.flatMap((indicator) => {
    const score = result[indicator];
    return score ? [{ indicator, score }] : [];
  });
  const missing = INDICATORS.filter((indicator) => result[indicator] === undefined);

  // On a phone the results open below the form, out of sight of the button just tapped.
  useEffect(() => {
    document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [id, result]);

  const reasonText = (indicator: GrowthIndicator) => {
    const reason = notComputedReason(indicator, measurement, result.ageDays);
    return reason.key === 'lengthOutOfRange'
      ? t('growth.reason.lengthOutOfRange', { min: reason.min, max: reason.max })
      : t(`growth.reason.${reason.key}`);
  };
  // Before 731 days the length table applies, after it the height table: name the one that was used.
  const missingName = (indicator: GrowthIndicator) =>
    t(`growth.indicator.${indicator === 'weightForLength' ? curveIndicatorOf(indicator, result) : indicator}`);

  return (
    <section aria-labelledby={id} data-testid="growth-results">
      <Typography.Title level={3} id={id} style={{ scrollMarginTop: 8 }}>
        {t('growth.results')}
      </Typography.Title>
      <Typography.Paragraph data-testid="growth-age">
        {t('growth.ageLine', { days: result.ageDays, months: monthsOf(result.ageDays).toFixed(1) })}
        {result.measuredOn ? ` · ${t('growth.measuredOnLine', { date: result.measuredOn })}` : ''}
        {` · ${t(`growth.${measurement.sex}`)}`}
      </Typography.Paragraph>
      {result.standingUnder9Months && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('growth.standingUnder9Months')} />}
      {computed.length > 0 && (
        <Row gutter={[16, 16]}>
          {computed.map(({ indicator, score }) => (
            <Col key={indicator} xs={24} xl={12}>
              <IndicatorCard indicator={indicator} score={score} measurement={measurement} result={result} />
            </Col>
          ))}
        </Row>
      )}
      {missing.length > 0 && (
        <Panel title={t('growth.notComputedTitle')} style={{ marginTop: 16 }} testId="not-computed">
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {missing.map((indicator) => (
              <li key={indicator}>{t('growth.notComputed', { indicator: missingName(indicator), reason: reasonText(indicator) })}</li>
            ))}
          </ul>
        </Panel>
      )}
    </section>
  );
}
