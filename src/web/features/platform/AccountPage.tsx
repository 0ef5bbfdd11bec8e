import { Button, Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFeedback } from '../../components/feedback';
import type { RolePageProps } from '../../components/RoleShell';
import { SignedInCard } from '../../components/SignedInCard';
import { NotificationPreferencesCard } from './NotificationPreferencesCard';
import { useLogoutAll } from './queries';
import { TotpCard } from './TotpCard';

/** Officials' and administrators' own account: second factor and ending every session. */
export default function AccountPage({ me, grant }: RolePageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { modal, message } = useFeedback();
  const logoutAll = useLogoutAll(() => navigate('/login', { replace: true }));

  const confirmLogoutAll = () =>
    modal.confirm({
      title: t('account.logoutAll'),
      content: t('account.logoutAllConfirm'),
      okText: t('account.ok'),
      cancelText: t('account.cancel'),
      okButtonProps: { danger: true },
      onOk: () => logoutAll.mutateAsync().catch((error: Error) => void message.error(error.message)),
    });

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('account.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <SignedInCard me={me} grant={grant} />
        </Col>
        <Col xs={24} lg={14}>
          <TotpCard me={me} />
        </Col>
        <Col xs={24}>
          <NotificationPreferencesCard />
        </Col>
        <Col xs={24}>
          <Card title={t('account.sessionsTitle')}>
            <Typography.Paragraph>{t('account.sessionsBody')}</Typography.Paragraph>
            <Button danger onClick={confirmLogoutAll}>
              {t('account.logoutAll')}
            </Button>
          </Card>
        </Col>
      </Row>
    </>
  );
}
