import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../platform/queries';

/**
 * 申请入托 from the finder or a profile: a parent goes to the application form with the institution
 * picked; a visitor signs in first and comes back to it. Other roles do not apply for a child.
 */
export function ApplyButton({ institutionId, block = false }: { institutionId: string; block?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const target = `/family/applications?apply=${institutionId}`;
  if (me.isPending || (me.data && !me.data.roles.some((r) => r.role === 'parent'))) return null;
  return (
    <Link to={me.data ? target : '/login'} state={me.data ? undefined : { from: target }} data-testid="apply-link">
      <Button type="primary" size="small" block={block}>
        {t('search.apply')}
      </Button>
    </Link>
  );
}
