import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../features/platform/queries';

/** Shown on every page of a demo install so nobody mistakes seeded people or figures for real ones. */
export function DemoBanner() {
  const { t } = useTranslation();
  const meta = useMeta();
  if (!meta.data?.demo) return null;
  return (
    <Alert type="warning" banner showIcon={false} title={t('app.demoBanner')} data-testid="demo-banner" style={{ textAlign: 'center' }} />
  );
}
