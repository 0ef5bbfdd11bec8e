import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, PageLoading } from '../../components/PageStatus';
import type { RolePageProps } from '../../components/RoleShell';
import { useMyChildren } from '../children/queries';
import { useChildStatements, useStatement } from './queries';
import { StatementDetail } from './StatementDetail';

/**
 * 收费明细: a child's monthly statements for the family — the fee, its reductions, voucher
 * deductions and what is due — opening on the last month billed. Phone first.
 */
export default function ChildStatementsPage({ base }: RolePageProps) {
  const { t } = useTranslation();
  const { childId = '' } = useParams();
  const children = useMyChildren();
  const statements = useChildStatements(childId);
  const [picked, setPicked] = useState<string | undefined>();
  const items = statements.data?.items ?? [];
  // The server lists them newest month first, so the first is the last month billed.
  const statementId = picked ?? items[0]?.id;
  const statement = useStatement(statementId);
  const back = (
    <Link to={`${base}/children/${childId}`}>
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
        {t('enrollment.childStatements.back')}
      </Button>
    </Link>
  );

  if (children.isPending || statements.isPending) return <PageLoading />;
  if (children.isError) return <LoadError error={children.error} onRetry={() => void children.refetch()} />;
  const child = children.data.items.find((c) => c.id === childId);
  if (!child) return <Result status="404" title={t('enrollment.childPage.notFound')} extra={back} />;
  if (statements.isError) return <LoadError error={statements.error} onRetry={() => void statements.refetch()} />;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 640 }}>
      <div>
        {back}
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('enrollment.childStatements.title', { name: child.name })}
        </Typography.Title>
      </div>
      {items.length === 0 ? (
        <Empty description={t('enrollment.childStatements.none')} />
      ) : (
        <Card size="small">
          <Flex vertical gap={12}>
            <Select
              value={statementId}
              onChange={setPicked}
              aria-label={t('statements.month')}
              data-testid="statement-month"
              options={items.map((s) => ({
                value: s.id,
                label: t('enrollment.childStatements.monthOption', { month: s.month, className: s.className }),
              }))}
            />
            {statement.isPending ? (
              <PageLoading />
            ) : statement.isError ? (
              <LoadError error={statement.error} onRetry={() => void statement.refetch()} />
            ) : (
              <>
                <Typography.Text type="secondary">{statement.data.institutionName}</Typography.Text>
                <StatementDetail statement={statement.data} />
              </>
            )}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
