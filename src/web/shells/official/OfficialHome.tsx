import { Alert, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RolePageProps } from '../../components/RoleShell';
import { SignedInCard } from '../../components/SignedInCard';
import { DivisionOverview } from './DivisionOverview';

export default function OfficialHome({ me, grant, base }: RolePageProps) {
  const { t } = useTranslation();
  const division = grant.divisionName ?? grant.divisionCode ?? '';
  const title = grant.role === 'district_official' ? t('official.titleDistrict', { division }) : t('official.titleCity', { division });
  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }} data-testid="official-title">
        {title}
      </Typography.Title>
      <Typography.Paragraph>{t('official.greeting', { name: me.name })}</Typography.Paragraph>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('official.scopeNote', { division })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <SignedInCard me={me} grant={grant} />
        </Col>
        <Col xs={24} lg={15}>
          {grant.divisionCode && <DivisionOverview code={grant.divisionCode} name={division} divisionsHref={`${base}/divisions`} />}
        </Col>
      </Row>
    </>
  );
}
