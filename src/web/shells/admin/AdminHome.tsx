import { Button, Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AREA_LABEL_KEY, AREAS_BY_ROLE, areaHref } from '../../components/navigation';
import type { RolePageProps } from '../../components/RoleShell';
import { SignedInCard } from '../../components/SignedInCard';
import { useHealth, useMeta } from '../../features/platform/queries';

export default function AdminHome({ me, grant, base }: RolePageProps) {
  const { t } = useTranslation();
  const meta = useMeta();
  const health = useHealth();
  const databaseOk = health.data?.database === 'ok';
  const shortcuts = AREAS_BY_ROLE.admin.filter((area) => area !== 'home');

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('admin.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('admin.greeting', { name: me.name })}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <SignedInCard me={me} grant={grant} />
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('admin.statusTitle')} size="small">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'version', label: t('admin.version'), children: meta.data?.version ?? '—' },
                {
                  key: 'database',
                  label: t('admin.database'),
                  children: health.isPending ? (
                    '…'
                  ) : (
                    <Tag color={databaseOk ? 'green' : 'red'}>{databaseOk ? t('admin.databaseOk') : t('admin.databaseDown')}</Tag>
                  ),
                },
                { key: 'demo', label: t('admin.demoMode'), children: meta.data ? (meta.data.demo ? t('admin.yes') : t('admin.no')) : '—' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('admin.linksTitle')} size="small">
            <Flex wrap gap={12}>
              {shortcuts.map((area) => (
                <Link key={area} to={areaHref(base, area)}>
                  <Button>{t(AREA_LABEL_KEY[area])}</Button>
                </Link>
              ))}
            </Flex>
          </Card>
        </Col>
      </Row>
    </>
  );
}
