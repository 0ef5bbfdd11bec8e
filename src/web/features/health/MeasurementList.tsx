import { Card, Empty, Flex, Grid, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrowthIndicator, GrowthRecord, Measurement } from './api';
import { classificationOf, INDICATORS, monthsOf, type Severity, severityOf } from './growth';
import { MeasurementActions } from './MeasurementActions';
import { raisedFlags } from './records';

const SEVERITY_COLOR: Record<Severity, string> = { normal: 'success', moderate: 'warning', severe: 'error' };
const NUMBER = { fontVariantNumeric: 'tabular-nums' } as const;

function ZTag({ indicator, measurement }: { indicator: GrowthIndicator; measurement: Measurement }) {
  const { t } = useTranslation();
  const score = measurement.scores[indicator];
  if (!score) return <Typography.Text type="secondary">—</Typography.Text>;
  const label = classificationOf(indicator, score);
  return (
    <Tooltip title={`${t(`growth.class.${label}`)} · P${score.percentile.toFixed(1)}`}>
      <Tag
        color={score.flag ? 'error' : SEVERITY_COLOR[severityOf(label)]}
        style={{ ...NUMBER, marginInlineEnd: 0 }}
        data-testid={`z-${indicator}`}
      >
        {score.z.toFixed(2)}
        {score.flag ? ' !' : ''}
      </Tag>
    </Tooltip>
  );
}

function Flags({ measurement }: { measurement: Measurement }) {
  const { t } = useTranslation();
  const raised = raisedFlags(measurement.flags);
  if (raised.length === 0) return <Typography.Text type="secondary">{t('growthRecords.flags.none')}</Typography.Text>;
  return (
    <Flex wrap gap={4} data-testid="flags">
      {raised.map((name) => (
        <Tag key={name} color={name === 'implausible' ? 'magenta' : 'orange'} style={{ marginInlineEnd: 0 }}>
          {t(`growthRecords.flags.${name}`)}
        </Tag>
      ))}
    </Flex>
  );
}

const valueOr = (n: number | null, digits: number) => (n === null ? '—' : n.toFixed(digits));

/** Length with how it was measured, e.g. "76.4 cm（卧位）". */
function lengthText(m: Measurement, t: (key: string, options?: Record<string, unknown>) => string) {
  if (m.lengthCm === null) return '—';
  const position = t(m.position === 'standing' ? 'growthRecords.form.standing' : 'growthRecords.form.recumbent');
  return t('growthRecords.list.lengthValue', { value: m.lengthCm.toFixed(1), position });
}

function recordedBy(m: Measurement, t: (key: string, options?: Record<string, unknown>) => string) {
  return m.source === 'institution'
    ? t('growthRecords.list.byInstitution', { name: m.recordedByName, institution: m.institutionName ?? '' })
    : t('growthRecords.list.byParent', { name: m.recordedByName });
}

/** On a phone: one card per visit, values on a line and the five z-scores as tags that wrap. */
function MeasurementCard({ m, actions }: { m: Measurement; actions: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="measurement">
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <Typography.Text strong style={NUMBER}>
          {m.measuredOn}
        </Typography.Text>
        <Typography.Text type="secondary">{t('growthRecords.list.ageMonths', { months: monthsOf(m.ageDays).toFixed(1) })}</Typography.Text>
      </Flex>
      <Typography.Paragraph style={{ margin: '6px 0', ...NUMBER }}>
        {[
          m.weightKg !== null && `${t('growth.weight')} ${m.weightKg.toFixed(2)} kg`,
          m.lengthCm !== null && `${t('growth.length')} ${lengthText(m, t)}`,
          m.headCm !== null && `${t('growth.head')} ${m.headCm.toFixed(1)} cm`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Paragraph>
      <Flex wrap gap={6} style={{ marginBottom: 6 }}>
        {INDICATORS.filter((i) => m.scores[i]).map((indicator) => (
          <Flex key={indicator} align="center" gap={4}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`growthRecords.short.${indicator}`)}
            </Typography.Text>
            <ZTag indicator={indicator} measurement={m} />
          </Flex>
        ))}
      </Flex>
      <Flags measurement={m} />
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>
        {recordedBy(m, t)}
      </Typography.Text>
      {actions && <div style={{ marginTop: 8 }}>{actions}</div>}
    </Card>
  );
}

type Props = {
  record: GrowthRecord;
  /** Whose entries the viewer may correct or remove: the family's, or their institution's. */
  mine: Measurement['source'];
};

/** The child's measurements, newest first, each with its z-scores (coloured by WHO cut-off) and findings. */
export function MeasurementList({ record, mine }: Props) {
  const { t } = useTranslation();
  const actionsOf = (m: Measurement) => (m.source === mine ? <MeasurementActions record={record} m={m} /> : null);
  const wide = Grid.useBreakpoint().lg === true;
  const items = [...record.items].reverse();
  if (items.length === 0) return <Empty description={t('growthRecords.list.empty')} />;

  if (!wide) {
    return (
      <div data-testid="measurements">
        {items.map((m) => (
          <MeasurementCard key={m.id} m={m} actions={actionsOf(m)} />
        ))}
      </div>
    );
  }

  const columns: ColumnsType<Measurement> = [
    { key: 'date', title: t('growthRecords.form.measuredOn'), dataIndex: 'measuredOn', width: 104 },
    { key: 'age', title: t('growthRecords.list.age'), render: (_, m) => monthsOf(m.ageDays).toFixed(1), align: 'right' },
    { key: 'weight', title: `${t('growth.weight')} (kg)`, render: (_, m) => valueOr(m.weightKg, 2), align: 'right' },
    { key: 'length', title: t('growth.length'), render: (_, m) => lengthText(m, t), align: 'right' },
    { key: 'head', title: `${t('growth.head')} (cm)`, render: (_, m) => valueOr(m.headCm, 1), align: 'right' },
    ...INDICATORS.map((indicator) => ({
      key: indicator,
      title: t(`growthRecords.short.${indicator}`),
      render: (_: unknown, m: Measurement) => <ZTag indicator={indicator} measurement={m} />,
      align: 'center' as const,
    })),
    { key: 'flags', title: t('growthRecords.list.flags'), render: (_, m) => <Flags measurement={m} /> },
    { key: 'by', title: t('growthRecords.list.recordedBy'), render: (_, m) => recordedBy(m, t) },
    { key: 'actions', title: '', render: (_, m) => actionsOf(m) },
  ];
  return (
    <Table<Measurement>
      data-testid="measurements"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20 } : false}
      tableLayout="auto"
      onRow={() => ({ 'data-testid': 'measurement' }) as HTMLAttributes<HTMLElement>}
    />
  );
}
