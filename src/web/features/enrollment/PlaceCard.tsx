import { Button, Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../components/PageStatus';
import { useChildPlace } from './queries';

/** 在托情况: the institution and class the child is in now, how to reach it, and the monthly statements. */
export function PlaceCard({ childId, statementsHref }: { childId: string; statementsHref: string }) {
  const { t } = useTranslation();
  const place = useChildPlace(childId);
  return (
    <Card size="small" title={t('enrollment.place.title')} loading={place.isPending} data-testid="child-place">
      {place.isError ? (
        <LoadError error={place.error} onRetry={() => void place.refetch()} />
      ) : place.data?.place ? (
        <>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('enrollment.place.institution')}>
              <Typography.Text strong data-testid="place-institution">
                {place.data.place.institutionName}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('enrollment.place.class')}>
              <span data-testid="place-class">
                {place.data.place.className}（{t(`enrollment.classType.${place.data.place.classType}`)}）
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('enrollment.place.since')}>{place.data.place.startDate}</Descriptions.Item>
            {place.data.place.address && (
              <Descriptions.Item label={t('enrollment.place.address')}>{place.data.place.address}</Descriptions.Item>
            )}
            {place.data.place.opensAt && place.data.place.closesAt && (
              <Descriptions.Item label={t('enrollment.place.hours')}>
                {`${place.data.place.opensAt}–${place.data.place.closesAt}`}
              </Descriptions.Item>
            )}
            {place.data.place.phone && (
              <Descriptions.Item label={t('enrollment.place.phone')}>
                <a href={`tel:${place.data.place.phone}`}>{place.data.place.phone}</a>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Link to={statementsHref}>
            <Button data-testid="open-statements">{t('enrollment.place.statements')}</Button>
          </Link>
        </>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('enrollment.place.none')}</Typography.Paragraph>
          <Link to={statementsHref}>
            <Button>{t('enrollment.place.statements')}</Button>
          </Link>
        </>
      )}
    </Card>
  );
}
