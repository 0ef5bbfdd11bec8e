import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Flex, Popconfirm, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useFeedback } from '../../../components/feedback';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import type { RolePageProps } from '../../../components/RoleShell';
import { shanghaiTime } from '../../enrollment/format';
import { changeProgramStatus, type Program, type ProgramAction, type ProgramSummary, runExpiry, runGrant, runLottery } from './api';
import { useDivisions } from './divisions';
import { yuan } from './format';
import { keys, useProgram, useProgramSummary } from './queries';
import { BUDGET_PARTS, PART_COLOR, SummaryChart } from './SummaryChart';

export const PROGRAM_STATUS_COLOR: Record<Program['status'], string> = {
  draft: 'default',
  open: 'green',
  paused: 'gold',
  closed: 'default',
};

/** One program: where its budget is now (summary and chart), its rules, and the city's actions on it. */
export function ProgramDetail({ grant, base }: RolePageProps) {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const program = useProgram(programId);
  const summary = useProgramSummary(programId);
  const back = (
    <Link to={`${base}/voucher-programs`}>
      <ArrowLeftOutlined /> {t('voucherPrograms.back')}
    </Link>
  );
  if (program.isPending) return <PageLoading />;
  if (program.isError) return <LoadError error={program.error} onRetry={() => void program.refetch()} />;
  const p = program.data;
  return (
    <Flex vertical gap={16}>
      {back}
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {p.name}
        </Typography.Title>
        <Flex gap={4}>
          <Tag color={PROGRAM_STATUS_COLOR[p.status]} data-testid="program-status">
            {t(`voucherPrograms.status.${p.status}`)}
          </Tag>
          <Tag color="blue">{t(`vouchers.issuance.${p.issuance}`)}</Tag>
        </Flex>
      </Flex>
      {grant.role === 'city_official' && <Actions program={p} />}
      {summary.isPending ? (
        <PageLoading />
      ) : summary.isError ? (
        <LoadError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <SummaryCards summary={summary.data} />
      )}
      <Rules program={p} />
    </Flex>
  );
}

function SummaryCards({ summary }: { summary: ProgramSummary }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={14}>
        <Row gutter={[12, 12]}>
          {(['budgetFen', ...BUDGET_PARTS] as const).map((part) => (
            <Col key={part} xs={12} md={8} lg={12} xl={8}>
              <Card size="small" data-testid={`summary-${part}`} style={{ height: '100%' }}>
                <Statistic
                  title={
                    <Flex align="center" gap={6}>
                      {part !== 'budgetFen' && (
                        <span style={{ width: 10, height: 10, borderRadius: 2, background: PART_COLOR[part], display: 'inline-block' }} />
                      )}
                      {t(`voucherPrograms.summary.${part}`)}
                    </Flex>
                  }
                  value={summary[part]}
                  formatter={() => yuan(summary[part])}
                  styles={{ content: { fontSize: 20 } }}
                />
              </Card>
            </Col>
          ))}
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('voucherPrograms.equation')}
        </Typography.Paragraph>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('voucherPrograms.chartTitle')}>
          <SummaryChart summary={summary} />
        </Card>
      </Col>
    </Row>
  );
}

type Run = ProgramAction | 'lottery' | 'grant' | 'expire';

/** The city's actions, offered only where the program's state allows them; the server decides in the end. */
function Actions({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const client = useQueryClient();
  const act = useMutation({
    mutationFn: async (run: Run) => {
      if (run === 'lottery') return t('voucherPrograms.ran', await runLottery(p.id));
      if (run === 'grant') return t('voucherPrograms.ran', await runGrant(p.id));
      if (run === 'expire') return t('voucherPrograms.expired', await runExpiry(p.id));
      await changeProgramStatus(p.id, run);
      return t('voucherPrograms.saved');
    },
    onSuccess: (text) => {
      void message.success(text);
      return client.invalidateQueries({ queryKey: keys.programs });
    },
  });
  // The server refuses a draw before applications close; the button waits for that moment too.
  const lotteryDue =
    p.issuance === 'lottery' && p.status !== 'draft' && !p.lotteryDrawnAt && p.lotteryAt !== null && Date.now() >= Date.parse(p.lotteryAt);
  const runs: Run[] = [
    ...p.allowedActions,
    ...(lotteryDue ? (['lottery'] as const) : []),
    ...(p.issuance === 'automatic' && p.status === 'open' ? (['grant'] as const) : []),
    ...(p.status !== 'draft' ? (['expire'] as const) : []),
  ];
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        {runs.map((run) => (
          <Popconfirm
            key={run}
            title={t(`voucherPrograms.confirm.${run}`)}
            onConfirm={() => act.mutate(run)}
            okText={t('voucherPrograms.ok')}
            cancelText={t('voucherPrograms.cancel')}
          >
            <Button
              type={run === 'open' ? 'primary' : 'default'}
              danger={run === 'close'}
              loading={act.isPending && act.variables === run}
              data-testid={`program-${run}`}
            >
              {t(`voucherPrograms.action.${run}`)}
            </Button>
          </Popconfirm>
        ))}
      </Flex>
      <ErrorAlert error={act.error} />
    </Flex>
  );
}

function Rules({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const { names } = useDivisions();
  const places = p.residenceDivisionCodes.map((code) => names.get(code) ?? code).join('、');
  return (
    <Card size="small" title={t('voucherPrograms.rules')}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('voucherPrograms.faceValue')}>{yuan(p.faceValueFen)}</Descriptions.Item>
        <Descriptions.Item label={t('voucherPrograms.validity')}>
          {t('vouchers.programValidity', { from: p.validFrom, to: p.validTo })}
        </Descriptions.Item>
        <Descriptions.Item label={t('voucherPrograms.voucherValidDays')}>
          {p.voucherValidDays === null
            ? t('voucherPrograms.untilProgramEnd')
            : t('voucherPrograms.daysValue', { days: p.voucherValidDays })}
        </Descriptions.Item>
        <Descriptions.Item label={t('voucherPrograms.eligibility')}>
          {t('voucherPrograms.eligibilityValue', { months: p.maxAgeMonths, places, limit: p.perChildLimit })}
        </Descriptions.Item>
        <Descriptions.Item label={t('voucherPrograms.redeemAt')}>
          {p.institutionIds.length > 0
            ? t('voucherPrograms.listedCount', { count: p.institutionIds.length })
            : t('voucherPrograms.anyInstitution')}
          {p.inclusiveOnly && ` · ${t('voucherPrograms.inclusiveOnly')}`}
        </Descriptions.Item>
        {p.issuance === 'lottery' && (
          <Descriptions.Item label={t('voucherPrograms.lotteryAt')}>
            {p.lotteryAt ? shanghaiTime(p.lotteryAt, true) : '—'}
            {p.lotteryDrawnAt && ` · ${t('voucherPrograms.drawn', { time: shanghaiTime(p.lotteryDrawnAt, true), seed: p.lotterySeed })}`}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('voucherPrograms.voucherCounts')}>
          {t('voucherPrograms.voucherCountsValue', p.vouchers)}
        </Descriptions.Item>
        {p.issuance === 'lottery' && (
          <Descriptions.Item label={t('voucherPrograms.applicationCounts')}>
            {t('voucherPrograms.applicationCountsValue', p.applications)}
          </Descriptions.Item>
        )}
        {p.description ? (
          <Descriptions.Item label={t('voucherPrograms.description')} span="filled">
            {p.description}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}
