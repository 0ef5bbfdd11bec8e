import { Button, Col, Empty, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { Panel } from '../../components/Panel';
import type { RolePageProps } from '../../components/RoleShell';
import { useMyChildren } from './queries';

/** 我的孩子: the guardian's children, each opening the child's record and growth record. */
export function MyChildrenPage({ base }: RolePageProps) {
  const { t } = useTranslation();
  const children = useMyChildren(true);
  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('growthRecords.children.mineTitle')}
      </Typography.Title>
      <Typography.Paragraph>{t('growthRecords.children.mineLead')}</Typography.Paragraph>
      {children.isPending ? (
        <PageLoading />
      ) : children.isError ? (
        <LoadError error={children.error} onRetry={() => void children.refetch()} />
      ) : children.data.items.length === 0 ? (
        <Empty description={t('growthRecords.children.mineEmpty')} />
      ) : (
        <Row gutter={[16, 16]}>
          {children.data.items.map((child) => (
            <Col key={child.id} xs={24} md={12} lg={8}>
              <Panel title={child.name} testId="child-card">
                <Typography.Paragraph type="secondary">
                  {t('growthRecords.childLine', { sex: t(`growth.${child.sex}`), birthDate: child.birthDate, months: child.ageMonths })}
                </Typography.Paragraph>
                <Space wrap>
                  <Link to={`${base}/children/${child.id}`}>
                    <Button type="primary">{t('enrollment.childPage.open')}</Button>
                  </Link>
                  <Link to={`${base}/children/${child.id}/growth`}>
                    <Button>{t('growthRecords.children.open')}</Button>
                  </Link>
                </Space>
              </Panel>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
