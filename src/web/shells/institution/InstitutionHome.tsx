import { Alert, Button, Card, Col, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AREA_PATH, areasOf } from '../../components/navigation';
import type { RolePageProps } from '../../components/RoleShell';
import { SignedInCard } from '../../components/SignedInCard';
import { MyInvitationsCard } from '../../features/institutions/invitations/MyInvitationsCard';

export default function InstitutionHome({ me, grant, base }: RolePageProps) {
  const { t } = useTranslation();
  const institution = grant.institutionName ?? t('institution.title');
  const isDirector = grant.role === 'institution_admin';
  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }} data-testid="institution-name">
        {institution}
      </Typography.Title>
      <Typography.Paragraph>{t('institution.greeting', { name: me.name })}</Typography.Paragraph>
      <Typography.Paragraph>{isDirector ? t('institution.leadAdmin') : t('institution.leadCaregiver')}</Typography.Paragraph>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('institution.scopeNote', { institution })} />
      {grant.institutionFiled === false && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="not-filed"
          title={t('institution.notFiledTitle')}
          description={
            // Below the words, not beside them: beside, a phone leaves the words a narrow column.
            <Space direction="vertical">
              {t('institution.notFiledBody')}
              {isDirector && (
                <Link to={`${base}/${AREA_PATH.institution}`}>
                  <Button type="primary">{t('institution.notFiledAction')}</Button>
                </Link>
              )}
            </Space>
          }
        />
      )}
      <MyInvitationsCard />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <SignedInCard me={me} grant={grant} />
        </Col>
        {areasOf(grant).includes('divisions') && (
          <Col xs={24} md={12}>
            <Card title={t('institution.areaTitle')} size="small">
              <Typography.Paragraph>{t('institution.areaBody')}</Typography.Paragraph>
              <Link to={`${base}/divisions`}>
                <Button>{t('nav.divisions')}</Button>
              </Link>
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}
