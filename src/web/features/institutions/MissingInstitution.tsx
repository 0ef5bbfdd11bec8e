import { Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** An old link or a closed institution: say so and lead back to the search, not to a retry that cannot help. */
export default function MissingInstitution() {
  const { t } = useTranslation();
  return (
    <Result
      status="info"
      title={t('institutions.missingTitle')}
      subTitle={t('institutions.missingText')}
      data-testid="institution-missing"
      extra={
        <Space wrap>
          <Link to="/search">
            <Button type="primary">{t('institutions.backToSearch')}</Button>
          </Link>
          <Link to="/">
            <Button>{t('app.backHome')}</Button>
          </Link>
        </Space>
      }
    />
  );
}
