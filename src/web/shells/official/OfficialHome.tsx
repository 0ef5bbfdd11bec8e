import { Typography } from 'antd';
import { Trans, useTranslation } from 'react-i18next';
import type { RolePageProps } from '../../components/RoleShell';
import { DashboardPage } from '../../features/oversight/DashboardPage';
import { SettingsCard } from '../../features/oversight/SettingsCard';

/** Officials land on the oversight dashboard of their own division. */
export default function OfficialHome({ me, grant, base }: RolePageProps) {
  const { t } = useTranslation();
  const division = grant.divisionName ?? grant.divisionCode ?? '';
  const title = grant.role === 'district_official' ? t('official.titleDistrict', { division }) : t('official.titleCity', { division });
  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }} data-testid="official-title">
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('official.greeting', { name: me.name })}{' '}
        <Trans i18nKey="official.scopeNote" values={{ division }} components={{ scope: <span data-testid="scope" /> }} />
      </Typography.Paragraph>
      {grant.divisionCode && <DashboardPage code={grant.divisionCode} homeCode={grant.divisionCode} base={base} />}
      {grant.role === 'city_official' && (
        <div style={{ marginTop: 16 }}>
          <SettingsCard />
        </div>
      )}
    </>
  );
}
