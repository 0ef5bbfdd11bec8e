import { Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import { OverallTag } from './labels';
import { usePublicHistory } from './queries';

/** 一公开: the institution's inspections as the public sees them, failed items in plain words and whether each was put right. */
export function PublicInspectionHistory({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const history = usePublicHistory(institutionId);
  if (history.isError) return null;
  return (
    <section data-testid="inspection-history">
      <Typography.Title level={4}>{t('supervision.public.title')}</Typography.Title>
      {history.data?.length === 0 && <Empty description={t('supervision.public.none')} />}
      {history.data?.map((h) => (
        <Panel key={`${h.inspectedOn}-${h.overall}`} style={{ marginBottom: 8 }} testId="inspection-record">
          <Flex gap={8} wrap align="center">
            <Typography.Text strong>{h.inspectedOn}</Typography.Text>
            <OverallTag overall={h.overall} />
            {h.failedItems.length > 0 && (
              <Tag color={h.rectified ? 'success' : 'warning'}>
                {h.rectified ? t('supervision.public.rectified') : t('supervision.public.notRectified')}
              </Tag>
            )}
          </Flex>
          {h.failedItems.map((f) => (
            <div key={f.label}>
              <Typography.Text>{f.label}</Typography.Text>{' '}
              <Typography.Text type={f.rectified ? 'success' : 'warning'}>
                {f.rectified ? t('supervision.public.itemRectified') : t('supervision.public.itemOpen')}
              </Typography.Text>
            </div>
          ))}
        </Panel>
      ))}
    </section>
  );
}
