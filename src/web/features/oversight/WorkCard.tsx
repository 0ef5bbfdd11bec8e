import { Card, Col, Empty, Flex, Progress, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCny } from '../../../domain/money/fen';
import type { DivisionNode } from '../geography/api';
import { useShortfall } from '../guidance/trainings/queries';
import { useIllnessAlerts } from '../health/queries';
import { useComplaints } from '../supervision/complaints/queries';
import { useRectifications } from '../supervision/queries';
import { useCompliance, usePrograms, useWaitingFilings } from './queries';
import { concerning } from './tree';

// The filing rules give a district 5 working days; a week of calendar days has passed them.
const OVERDUE_DAYS = 7;

type Props = {
  /** From the city down to the division shown. */
  path: readonly DivisionNode[];
  /** The shell's base path, e.g. "/official". */
  base: string;
  /** A district official works inspections in their own area; the city reads them only. */
  district: boolean;
};

/** One figure of the work in hand, linking to the page where that work is done. */
function Tile({
  title,
  value,
  note,
  to,
  testId,
  alarm,
}: {
  title: string;
  value: string | number;
  note?: string;
  /** The page where the work is done; none where this role has no such page (the city reads inspections only). */
  to?: string;
  testId: string;
  alarm?: boolean;
}) {
  const card = (
    <Card size="small" hoverable={to !== undefined} data-testid={to ? undefined : testId}>
      <Statistic title={title} value={value} valueStyle={alarm ? { color: '#cf1322' } : undefined} />
      {note && <Typography.Text type={alarm ? 'danger' : 'secondary'}>{note}</Typography.Text>}
    </Card>
  );
  return to ? (
    <Link to={to} data-testid={testId}>
      {card}
    </Link>
  ) : (
    card
  );
}

/**
 * The work in hand where the division is: filings waiting for review and their age, institutions
 * with compliance problems (staff health certificates among them), illness alerts waiting for
 * this official, rectifications and complaints past their deadlines, and how far each voucher
 * program has spent its budget.
 */
export function WorkCard({ path, base, district }: Props) {
  const { t, i18n } = useTranslation();
  const node = path[path.length - 1];
  const code = node?.code ?? '';
  // Compliance is counted for a city or a district; a township is one row of its district's.
  const complianceCode = node?.level === 'township' ? (path[path.length - 2]?.code ?? code) : code;
  const filings = useWaitingFilings(code);
  const compliance = useCompliance(complianceCode);
  const alerts = useIllnessAlerts('open');
  const programs = usePrograms();
  const overdueRectifications = useRectifications(complianceCode, true);
  const overdueComplaints = useComplaints({ overdue: 'true' });
  const training = useShortfall(complianceCode || undefined);
  const trainingPeople = (training.data?.items ?? []).reduce((n, i) => n + i.short.length, 0);
  const unqualified = (training.data?.items ?? []).reduce((n, i) => n + i.unqualified.length, 0);

  const complianceRow = node?.level === 'township' ? compliance.data?.rows.find((r) => r.divisionCode === code) : compliance.data?.total;
  const expired = complianceRow?.problems.health_certificate_expired ?? 0;
  const missing = complianceRow?.problems.health_certificate_missing ?? 0;
  const oldest = filings.data?.items[0]?.waitingDays;
  const codes = concerning(path);
  const spending = (programs.data?.items ?? []).filter((p) => p.status !== 'draft' && codes.has(p.divisionCode));
  // Complaints are routed to districts: a city counts them all, a district or township its district's.
  const complaintsHere = overdueComplaints.data?.items.filter((c) => node?.level === 'city' || c.district.code === complianceCode);
  const money = (fen: number) => formatCny(fen, i18n.language === 'en' ? 'en' : 'zh-CN');

  return (
    <Card title={t('oversight.work.title')} data-testid="work-card">
      <Row gutter={[12, 12]}>
        <Col xs={24} sm={8}>
          <Tile
            testId="work-filings"
            title={t('oversight.work.filings')}
            value={filings.data?.total ?? '—'}
            note={oldest === undefined ? undefined : t('oversight.work.oldestWaiting', { days: oldest })}
            alarm={oldest !== undefined && oldest >= OVERDUE_DAYS}
            to={`${base}/filings`}
          />
        </Col>
        <Col xs={24} sm={8}>
          <Tile
            testId="work-compliance"
            title={t('oversight.work.withProblems')}
            value={complianceRow ? `${complianceRow.withProblems} / ${complianceRow.institutions}` : '—'}
            note={complianceRow ? t('oversight.work.certificates', { expired, missing }) : undefined}
            alarm={expired + missing > 0}
            to={`${base}/institutions`}
          />
        </Col>
        <Col xs={24} sm={8}>
          <Tile
            testId="work-alerts"
            title={t('oversight.work.alerts')}
            value={alerts.data?.unacknowledged ?? '—'}
            alarm={(alerts.data?.unacknowledged ?? 0) > 0}
            to={`${base}/alerts`}
          />
        </Col>
        <Col xs={24} sm={8}>
          <Tile
            testId="work-rectifications"
            title={t('oversight.work.overdueRectifications')}
            value={overdueRectifications.data?.length ?? '—'}
            alarm={(overdueRectifications.data?.length ?? 0) > 0}
            to={district ? `${base}/inspections` : undefined}
          />
        </Col>
        <Col xs={24} sm={8}>
          <Tile
            testId="work-complaints"
            title={t('oversight.work.overdueComplaints')}
            value={complaintsHere?.length ?? '—'}
            alarm={(complaintsHere?.length ?? 0) > 0}
            to={`${base}/complaints`}
          />
        </Col>
        <Col xs={24} sm={8}>
          <Tile
            testId="work-training"
            title={t('oversight.work.training')}
            value={training.data ? `${training.data.items.length} / ${training.data.institutionsChecked}` : '—'}
            note={training.data ? t('oversight.work.trainingNote', { short: trainingPeople, unqualified }) : undefined}
            alarm={trainingPeople + unqualified > 0}
            to={`${base}/institutions`}
          />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('oversight.work.vouchers')}
      </Typography.Title>
      {programs.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : spending.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('oversight.work.noPrograms')} />
      ) : (
        <Flex vertical gap={8}>
          {spending.map((p) => (
            <div key={p.id} data-testid="work-program">
              <Flex justify="space-between" wrap gap={8}>
                <Link to={`${base}/voucher-programs`}>{p.name}</Link>
                <Typography.Text type="secondary">
                  {t('oversight.work.redeemedOf', { redeemed: money(p.summary.redeemedFen), budget: money(p.budgetFen) })}
                </Typography.Text>
              </Flex>
              <Progress percent={p.budgetFen > 0 ? Math.round((p.summary.redeemedFen / p.budgetFen) * 1000) / 10 : 0} />
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}
