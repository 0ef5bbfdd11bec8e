import { Drawer, Flex, Grid, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import type { Statement } from '../../enrollment/api';
import { useStatement } from '../../enrollment/queries';
import { StatementDetail } from '../../enrollment/StatementDetail';
import { RedeemForm } from './RedeemForm';

/** One child's statement for the month: its lines and deductions, and a voucher to redeem against what is still due. */
export function StatementDrawer({ statementId, onClose }: { statementId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  const statement = useStatement(statementId);
  return (
    <Drawer
      open
      onClose={onClose}
      size={wide ? 600 : '100%'}
      title={statement.data ? t('statements.drawerTitle', { name: statement.data.childName, month: statement.data.month }) : ''}
    >
      {statement.isPending ? (
        <PageLoading />
      ) : statement.isError ? (
        <LoadError error={statement.error} onRetry={() => void statement.refetch()} />
      ) : (
        <StatementBody statement={statement.data} />
      )}
    </Drawer>
  );
}

function StatementBody({ statement: s }: { statement: Statement }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      <StatementDetail statement={s} />
      {s.totalDueFen > 0 ? <RedeemForm statement={s} /> : <Typography.Text type="secondary">{t('statements.nothingDue')}</Typography.Text>}
    </Flex>
  );
}
