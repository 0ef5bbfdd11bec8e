import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../features/platform/api';
import { ROLE_HOME } from '../features/platform/roles';

/** Signed in, but none of the roles this workspace serves: the way to one's own. */
export default function Forbidden({ me }: { me: Me }) {
  const { t } = useTranslation();
  const first = me.roles[0];
  return (
    <Result
      status="warning"
      title="403"
      subTitle={t('app.forbidden')}
      extra={
        first && (
          <Link to={ROLE_HOME[first.role]}>
            <Button type="primary">{t('app.goToMyHome')}</Button>
          </Link>
        )
      }
    />
  );
}
