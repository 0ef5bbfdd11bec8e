import { Card, Descriptions, Flex, Image, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { itemPhotoUrl } from './api';
import { OverallTag } from './labels';
import { useInspection } from './queries';
import { RectificationCard } from './RectificationCard';
import { ResultsForm } from './ResultsForm';

const RESULT_COLOR = { pass: 'success', fail: 'error', not_applicable: 'default' } as const;

/** One inspection: the results form while unrecorded (district), else the results and the rectifications. */
export default function InspectionPage() {
  const { t } = useTranslation();
  const { inspectionId = '' } = useParams();
  const inspection = useInspection(inspectionId);
  if (inspection.isPending) return <PageLoading />;
  if (inspection.isError) return <LoadError error={inspection.error} onRetry={() => void inspection.refetch()} />;
  const i = inspection.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>
        {i.institutionName} {i.kind === 'targeted' && <Tag>{t('supervision.kind.targeted')}</Tag>}
      </Typography.Title>
      <Descriptions column={1} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('supervision.inspectors')}>{i.inspectors.map((p) => p.name).join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.results.overall')}>
          <OverallTag overall={i.overall} />
          {i.score !== null && t('supervision.score', { score: i.score })}
        </Descriptions.Item>
        {i.inspectedOn && <Descriptions.Item label={t('supervision.results.inspectedOn')}>{i.inspectedOn}</Descriptions.Item>}
        {i.summary && <Descriptions.Item label={t('supervision.results.summary')}>{i.summary}</Descriptions.Item>}
      </Descriptions>
      {i.mayRecord && <ResultsForm inspection={i} />}
      {i.items.length > 0 && (
        <Card size="small" title={t('supervision.results.items')}>
          <List
            dataSource={i.items}
            renderItem={(item) => (
              <List.Item>
                <Space direction="vertical" size={0}>
                  <span>
                    {item.label} <Tag color={RESULT_COLOR[item.result]}>{t(`supervision.result.${item.result}`)}</Tag>
                  </span>
                  {item.notes && <Typography.Text type="secondary">{item.notes}</Typography.Text>}
                  {item.photoIds.length > 0 && (
                    <Image.PreviewGroup>
                      <Flex gap={8} wrap style={{ marginTop: 4 }} data-testid={`item-photos-${item.key}`}>
                        {item.photoIds.map((photoId) => (
                          <Image
                            key={photoId}
                            src={itemPhotoUrl(i.id, photoId)}
                            width={72}
                            height={72}
                            style={{ objectFit: 'cover' }}
                            alt={t('supervision.photos')}
                          />
                        ))}
                      </Flex>
                    </Image.PreviewGroup>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      {i.rectifications.length > 0 && <Typography.Title level={4}>{t('supervision.rectifications')}</Typography.Title>}
      {i.rectifications.map((r) => (
        <RectificationCard key={r.id} rectification={r} />
      ))}
    </Space>
  );
}
