import { Button, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Panel } from '../../components/Panel';
import type { RolePageProps } from '../../components/RoleShell';
import { SignedInCard } from '../../components/SignedInCard';
import { MyInvitationsCard } from '../../features/institutions/invitations/MyInvitationsCard';

export default function FamilyHome({ me, grant, base }: RolePageProps) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('family.greeting', { name: me.name })}
      </Typography.Title>
      <Typography.Paragraph>{t('family.lead')}</Typography.Paragraph>
      <MyInvitationsCard />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <SignedInCard me={me} grant={grant} />
        </Col>
        <Col xs={24} md={12}>
          <Panel title={t('family.healthTitle')}>
            <Typography.Paragraph>{t('family.healthBody')}</Typography.Paragraph>
            <Flex wrap gap={8}>
              <Link to={`${base}/growth`}>
                <Button type="primary">{t('nav.growth')}</Button>
              </Link>
              <Link to={`${base}/health-checks`}>
                <Button>{t('nav.healthChecks')}</Button>
              </Link>
            </Flex>
          </Panel>
        </Col>
        <Col xs={24} md={12}>
          <Panel title={t('family.areaTitle')}>
            <Typography.Paragraph>{t('family.areaBody')}</Typography.Paragraph>
            <Link to={`${base}/divisions`}>
              <Button type="primary">{t('nav.divisions')}</Button>
            </Link>
          </Panel>
        </Col>
        <Col xs={24} md={12}>
          <Panel title={t('family.startTitle')}>
            <Typography.Paragraph>{t('family.startBody')}</Typography.Paragraph>
            <Link to="/start-institution">
              <Button>{t('family.startLink')}</Button>
            </Link>
          </Panel>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t('family.privacy')} <Link to={`${base}/my-data`}>{t('family.myDataLink')}</Link>
      </Typography.Paragraph>
    </>
  );
}
