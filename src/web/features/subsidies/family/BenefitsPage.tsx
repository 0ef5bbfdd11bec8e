import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import type { RolePageProps } from '../../../components/RoleShell';
import { useMyChildren } from '../../children/queries';
import { ChildcareSubsidyCard } from './ChildcareSubsidyCard';
import { TaxDeductionCard } from './TaxDeductionCard';

/** The parent's money from the state for children under 3: the tax deduction statement and the childcare subsidy. Phone first: one column. */
export default function BenefitsPage(_: RolePageProps) {
  const { t } = useTranslation();
  const children = useMyChildren();
  if (children.isPending) return <PageLoading />;
  if (children.isError) return <LoadError error={children.error} onRetry={() => void children.refetch()} />;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 640 }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('benefits.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('benefits.lead')}
        </Typography.Paragraph>
      </div>
      <TaxDeductionCard />
      <ChildcareSubsidyCard items={children.data.items} />
    </Flex>
  );
}
