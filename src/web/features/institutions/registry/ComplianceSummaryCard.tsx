import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplianceCode } from '../../../../domain/institutions/compliance.ts';
import { LoadError } from '../../../components/PageStatus';
import type { ComplianceRow } from '../api';
import { useComplianceSummary } from '../queries';

type Props = {
  /** The official's own division. */
  scope: string;
  /** The division the list is filtered to, if any. */
  division?: string;
  onPick: (division: string | undefined) => void;
};

/**
 * Compliance problems counted per division one level down (districts for the city, townships for
 * a district). Only divisions with problems are listed: the rest need no attention. Picking one
 * filters the list to it; for the city, picking a district also counts its townships.
 */
export function ComplianceSummaryCard({ scope, division, onPick }: Props) {
  const { t } = useTranslation();
  const district = division?.slice(0, 6);
  const summaryDivision = district && district !== scope ? district : undefined;
  const summary = useComplianceSummary(summaryDivision);

  if (summary.isError) return <LoadError error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  const flagged = (s?.rows ?? []).filter((r) => r.withProblems > 0).sort((a, b) => b.withProblems - a.withProblems);
  const clean = (s?.rows.length ?? 0) - flagged.length;

  return (
    <Card
      size="small"
      loading={summary.isPending}
      title={s ? t('registry.summaryTitle', { division: s.name }) : t('registry.summaryTitleShort')}
      extra={
        summaryDivision && (
          <Button type="link" size="small" onClick={() => onPick(undefined)}>
            {t('registry.summaryBack')}
          </Button>
        )
      }
    >
      {s && (
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Typography.Text data-testid="compliance-total">
            {t('registry.summaryTotal', { institutions: s.total.institutions, withProblems: s.total.withProblems, date: s.checkedOn })}
          </Typography.Text>
          {flagged.length > 0 && (
            <Table<ComplianceRow>
              rowKey="divisionCode"
              size="small"
              pagination={false}
              dataSource={flagged}
              rowClassName={(r) => (r.divisionCode === division ? 'ant-table-row-selected' : '')}
              columns={[
                {
                  title: t('registry.division'),
                  dataIndex: 'name',
                  render: (name: string, r) => (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onPick(r.divisionCode)}>
                      {name}
                    </Button>
                  ),
                },
                { title: t('registry.summaryInstitutions'), dataIndex: 'institutions', align: 'right', width: 110 },
                {
                  title: t('registry.summaryWithProblems'),
                  dataIndex: 'withProblems',
                  align: 'right',
                  width: 130,
                  render: (n: number) => <Typography.Text type="danger">{n}</Typography.Text>,
                },
                {
                  title: t('registry.summaryKinds'),
                  dataIndex: 'problems',
                  render: (problems: ComplianceRow['problems']) =>
                    (Object.entries(problems) as [ComplianceCode, number][]).map(([code, n]) => (
                      <Tag key={code} color="red" variant="outlined">
                        {t('registry.kindCount', { kind: t(`registry.problemKind.${code}`), count: n })}
                      </Tag>
                    )),
                },
              ]}
            />
          )}
          {clean > 0 && <Typography.Text type="secondary">{t('registry.summaryClean', { count: clean })}</Typography.Text>}
        </Space>
      )}
    </Card>
  );
}
