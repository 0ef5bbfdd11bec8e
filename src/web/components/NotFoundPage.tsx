import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export default function NotFoundPage({ homeHref = '/' }: { homeHref?: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="info"
      title="404"
      subTitle={t('app.notFound')}
      extra={
        <Link to={homeHref}>
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}
