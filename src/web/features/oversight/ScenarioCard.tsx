import { AimOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Form, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { type Ref, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { DivisionNode } from '../geography/api';
import type { DivisionIndicators, Indicators, Scenario } from './api';
import { formatCount, formatPer1000, formatPercent, meets } from './format';
import { useRunScenario } from './queries';
import { SavedScenarios } from './SavedScenarios';
import { townshipsOf } from './tree';

type Values = { townshipCode: string; places: number; inclusive: boolean };

/** How the dashboard's map hands a township to the editor. */
export type ScenarioPicker = { pick: (townshipCode: string) => void };

/** What the scenario changed for one division, before and after, with each target marked. */
function Comparison({ before, after, targets }: { before: DivisionIndicators; after: DivisionIndicators; targets: Indicators['targets'] }) {
  const { t } = useTranslation();
  const per = targets.placesPer1000 ?? 4.5;
  const coverage = targets.townshipCoverage ?? 1;
  const mark = (ok: boolean, text: string) => <Tag color={ok ? 'green' : 'orange'}>{text}</Tag>;
  const rows = [
    {
      key: 'placesPer1000',
      label: t('oversight.placesPer1000'),
      before: mark(meets(before.placesPer1000, per), formatPer1000(before.placesPer1000)),
      after: mark(meets(after.placesPer1000, per), formatPer1000(after.placesPer1000)),
    },
    { key: 'places', label: t('oversight.places'), before: formatCount(before.places), after: formatCount(after.places) },
    {
      key: 'placesNeeded',
      label: t('oversight.placesNeeded'),
      before: formatCount(before.placesNeeded),
      after: formatCount(after.placesNeeded),
    },
    {
      key: 'townshipCoverage',
      label: t('oversight.townshipCoverage'),
      before: mark(meets(before.townshipCoverage, coverage), formatPercent(before.townshipCoverage)),
      after: mark(meets(after.townshipCoverage, coverage), formatPercent(after.townshipCoverage)),
    },
    {
      key: 'inclusiveShare',
      label: t('oversight.inclusiveShare'),
      before: formatPercent(before.inclusiveShare),
      after: formatPercent(after.inclusiveShare),
    },
  ];
  const met = meets(after.placesPer1000, per) && (after.townships === 0 || meets(after.townshipCoverage, coverage));
  return (
    <div data-testid={`scenario-${after.divisionCode}`} data-met={met}>
      <Typography.Text strong>
        {after.name}{' '}
        {met ? <Tag color="green">{t('oversight.allTargetsMet')}</Tag> : <Tag color="orange">{t('oversight.targetShort')}</Tag>}
      </Typography.Text>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          { title: t('oversight.indicator'), dataIndex: 'label' },
          { title: t('oversight.before'), dataIndex: 'before', align: 'right' },
          { title: t('oversight.after'), dataIndex: 'after', align: 'right' },
        ]}
      />
    </div>
  );
}

type Props = {
  data: Indicators;
  node: DivisionNode;
  /** Offered beside the township's select when there is a map of townships to pick from. */
  onPickOnMap?: () => void;
  ref?: Ref<ScenarioPicker>;
};

/** What-if: places added in one township, computed without touching real data, before beside after. */
export function ScenarioCard({ data, node, onPickOnMap, ref }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const card = useRef<HTMLDivElement>(null);
  const run = useRunScenario();
  const [result, setResult] = useState<Scenario | null>(null);
  const townships = useMemo(() => townshipsOf(node), [node]);
  const first = townships[0];
  // The places offered for a township: its gap when it is this page's own or one of its rows, at least one.
  const placesFor = (code: string | undefined) =>
    Math.max(1, code === data.divisionCode ? data.placesNeeded : (data.children.find((c) => c.divisionCode === code)?.placesNeeded ?? 0));

  useImperativeHandle(ref, () => ({
    pick(townshipCode) {
      form.setFieldsValue({ townshipCode, places: placesFor(townshipCode) });
      card.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    },
  }));

  async function submit(values: Values) {
    const township = townships.find((d) => d.code === values.townshipCode);
    const name = `${township?.name ?? values.townshipCode} +${values.places}${values.inclusive ? ` ${t('oversight.inclusive')}` : ''}`;
    setResult(
      await run.mutateAsync({
        divisionCode: data.divisionCode,
        name,
        changes: [{ townshipCode: values.townshipCode, places: values.places, inclusive: values.inclusive }],
      }),
    );
  }

  // The child of this division that holds the township, shown beside the division itself.
  const township = result?.changes[0]?.townshipCode;
  const childCode = node.children.find((c) => townshipsOf(c).some((d) => d.code === township))?.code;
  const changedChild = result?.after.indicators.children.find((c) => c.divisionCode === childCode);
  const beforeChild = result?.before.indicators.children.find((c) => c.divisionCode === childCode);

  return (
    <Card ref={card} title={t('oversight.scenarioTitle')} data-testid="scenario-card">
      {first ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ townshipCode: first.code, places: placesFor(first.code), inclusive: true }}
          onValuesChange={(changed: Partial<Values>) => {
            if (changed.townshipCode) form.setFieldValue('places', placesFor(changed.townshipCode));
          }}
          onFinish={(values) => void submit(values).catch(() => undefined)}
        >
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item label={t('oversight.township')} htmlFor="townshipCode" required>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="townshipCode" noStyle rules={[{ required: true }]}>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      options={townships.map((d) => ({ value: d.code, label: d.name }))}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                  {onPickOnMap && (
                    <Button icon={<AimOutlined />} onClick={onPickOnMap} data-testid="scenario-pick-on-map">
                      {t('oversight.map.pickOnMap')}
                    </Button>
                  )}
                </Space.Compact>
              </Form.Item>
            </Col>
            <Col xs={12} md={7}>
              <Form.Item name="places" label={t('oversight.addPlaces')} rules={[{ required: true }]}>
                <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={7}>
              <Form.Item name="inclusive" label=" " valuePropName="checked">
                <Checkbox>{t('oversight.inclusive')}</Checkbox>
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={run.isPending} data-testid="scenario-run">
            {t('oversight.runScenario')}
          </Button>
        </Form>
      ) : (
        <Typography.Text type="secondary">{t('oversight.noTownships')}</Typography.Text>
      )}
      {run.isError && <ErrorAlert error={run.error} />}
      {result && (
        <div style={{ marginTop: 16 }} data-testid="scenario-result">
          <Typography.Paragraph type="secondary">{t('oversight.scenarioNote', { name: result.name })}</Typography.Paragraph>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={changedChild ? 12 : 24}>
              <Comparison before={result.before.indicators} after={result.after.indicators} targets={result.after.indicators.targets} />
            </Col>
            {changedChild && beforeChild && (
              <Col xs={24} lg={12}>
                <Comparison before={beforeChild} after={changedChild} targets={result.after.indicators.targets} />
              </Col>
            )}
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('oversight.scenarioAccess', {
              before: result.before.access.childrenInDeserts,
              after: result.after.access.childrenInDeserts,
            })}
          </Typography.Paragraph>
        </div>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('oversight.saved.title')}
      </Typography.Title>
      <SavedScenarios code={data.divisionCode} />
    </Card>
  );
}
