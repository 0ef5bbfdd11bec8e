import { Checkbox, Empty, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/PageStatus';
import type { Scenario } from './api';
import { formatCount, formatPer1000, formatPercent } from './format';
import { useScenarios } from './queries';

// More columns than this do not fit a phone, and a leader compares a few options at a time.
const MOST_COMPARED = 3;

type Row = { key: string; label: string; of: (s: Scenario) => string };

/** The official's saved scenarios for this division, any few of them compared side by side. */
export function SavedScenarios({ code }: { code: string }) {
  const { t } = useTranslation();
  const scenarios = useScenarios();
  const [picked, setPicked] = useState<string[] | null>(null);

  if (scenarios.isPending) return null;
  if (scenarios.isError) return <LoadError error={scenarios.error} onRetry={() => void scenarios.refetch()} />;
  const here = scenarios.data.scenarios.filter((s) => s.divisionCode === code);
  if (here.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('oversight.saved.none')} />;
  const chosen = picked ?? here.slice(0, 2).map((s) => s.id);
  const compared = here.filter((s) => chosen.includes(s.id));

  const rows: Row[] = [
    { key: 'added', label: t('oversight.saved.added'), of: (s) => formatCount(s.changes.reduce((sum, c) => sum + c.places, 0)) },
    { key: 'placesPer1000', label: t('oversight.placesPer1000'), of: (s) => formatPer1000(s.after.indicators.placesPer1000) },
    { key: 'placesNeeded', label: t('oversight.placesNeeded'), of: (s) => formatCount(s.after.indicators.placesNeeded) },
    { key: 'townshipCoverage', label: t('oversight.townshipCoverage'), of: (s) => formatPercent(s.after.indicators.townshipCoverage) },
    { key: 'inclusiveShare', label: t('oversight.inclusiveShare'), of: (s) => formatPercent(s.after.indicators.inclusiveShare) },
    { key: 'deserts', label: t('oversight.saved.childrenInDeserts'), of: (s) => formatCount(s.after.access.childrenInDeserts) },
  ];

  return (
    <Flex vertical gap={12} data-testid="saved-scenarios">
      <Typography.Text type="secondary">{t('oversight.saved.pick', { count: MOST_COMPARED })}</Typography.Text>
      <Checkbox.Group value={chosen} onChange={(values) => setPicked((values as string[]).slice(-MOST_COMPARED))}>
        <Flex vertical gap={4}>
          {here.map((s) => (
            <Checkbox key={s.id} value={s.id} data-testid="saved-scenario">
              {s.name} · {t('oversight.saved.asOf', { date: s.asOf })}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      {compared.length > 0 && (
        <Table
          size="small"
          pagination={false}
          scroll={{ x: true }}
          rowKey="key"
          data-testid="scenario-comparison"
          dataSource={rows}
          columns={[
            { title: t('oversight.indicator'), dataIndex: 'label', fixed: 'left' },
            ...compared.map((s) => ({ key: s.id, title: s.name, align: 'right' as const, render: (_: unknown, row: Row) => row.of(s) })),
          ]}
        />
      )}
    </Flex>
  );
}
