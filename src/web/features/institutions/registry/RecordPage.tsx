import { Alert, Col, Flex, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { NotFound } from '../../../components/NotFound';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import type { RolePageProps } from '../../../components/RoleShell';
import { useInstitutionRecord } from '../queries';
import { ClassesCard, StaffCard } from './ClassesStaff';
import { CompliancePanel } from './CompliancePanel';
import { DesignationsCard } from './DesignationsCard';
import { useScopeDivisions } from './divisions';
import { FactsCard, FeesCard } from './FactsFees';
import { currentDesignations, designationLabel, STATUS_COLOR } from './format';
import { StatusActions } from './StatusActions';

/** One institution's record for officials: compliance first, then what it is, charges, holds and employs. */
export function RecordPage({ grant, base }: RolePageProps) {
  const { t } = useTranslation();
  const { institutionId = '' } = useParams();
  const record = useInstitutionRecord(institutionId);
  const divisions = useScopeDivisions(grant.divisionCode);
  // Back to the list as it was filtered, when the official came from it.
  const { state } = useLocation();
  const listHref = `${base}/institutions${(state as { listSearch?: string } | null)?.listSearch ?? ''}`;

  if (record.isPending) return <PageLoading />;
  // Outside the official's division the server answers as if the institution did not exist.
  if (record.error instanceof ApiError && record.error.status === 404) return <NotFound homeHref={`${base}/institutions`} />;
  if (record.isError) return <LoadError error={record.error} onRetry={() => void record.refetch()} />;
  const r = record.data;
  const township = divisions.names.get(r.facts.divisionCode) ?? r.facts.divisionCode;
  const overCap = r.compliance.problems.some((p) => p.code === 'fee_above_cap');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to={listHref}>{t('registry.backToList')}</Link>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <Space orientation="vertical" size={4}>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {r.facts.name}
          </Typography.Title>
          <Flex gap={6} wrap align="center">
            <Tag color={STATUS_COLOR[r.status]} data-testid="institution-status">
              {t(`institutions.status.${r.status}`)}
            </Tag>
            <Tag>{r.publiclyListed ? t('registry.listed') : t('registry.notListed')}</Tag>
            {currentDesignations(r.designations).map((d) => (
              <Tag key={d.id} color={d.kind === 'inclusive' ? 'green' : 'blue'}>
                {designationLabel(t, d)}
              </Tag>
            ))}
            {overCap && (
              <Tag color="red" variant="solid" data-testid="over-cap">
                {t('registry.overCap')}
              </Tag>
            )}
            <Typography.Text type="secondary">
              {township}
              {r.filingNumber ? ` · ${t('institutions.filingNumberIs', { number: r.filingNumber })}` : ''}
            </Typography.Text>
          </Flex>
        </Space>
        <StatusActions record={r} />
      </Flex>
      {r.statusReason && (
        <Alert
          type={r.status === 'filed' ? 'info' : 'warning'}
          showIcon
          title={t('registry.statusReason', { status: t(`institutions.status.${r.status}`) })}
          description={r.statusReason}
        />
      )}
      <CompliancePanel problems={r.compliance.problems} checkedOn={r.compliance.checkedOn} named={r} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={13}>
          <FactsCard record={r} township={township} />
        </Col>
        <Col xs={24} lg={11}>
          <FeesCard record={r} />
        </Col>
      </Row>
      <DesignationsCard record={r} canManage={grant.role === 'city_official'} />
      <ClassesCard record={r} />
      <StaffCard record={r} />
    </Space>
  );
}
