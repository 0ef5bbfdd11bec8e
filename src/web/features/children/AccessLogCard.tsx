import { Card, Empty, Flex, List, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { shanghaiTime } from '../enrollment/format';
import { actionKey, byOthers, foldAccessLog } from './accessLog';
import { useAccessLog } from './queries';

/** 查阅记录: who read or changed the child's record and when, from the audit log (PIPL: minors' data). */
export function AccessLogCard({ childId, myName }: { childId: string; myName: string }) {
  const { t } = useTranslation();
  const log = useAccessLog(childId);
  const [othersOnly, setOthersOnly] = useState(true);
  const runs = log.data ? foldAccessLog(othersOnly ? byOthers(log.data.items, myName) : log.data.items) : [];

  return (
    <Card size="small" title={t('enrollment.accessLog.title')} data-testid="access-log">
      <Typography.Paragraph type="secondary">{t('enrollment.accessLog.lead')}</Typography.Paragraph>
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <Switch size="small" checked={othersOnly} onChange={setOthersOnly} id="access-log-others" />
        <label htmlFor="access-log-others">{t('enrollment.accessLog.othersOnly')}</label>
      </Flex>
      {log.isPending ? (
        <PageLoading />
      ) : log.isError ? (
        <LoadError error={log.error} onRetry={() => void log.refetch()} />
      ) : runs.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enrollment.accessLog.empty')} />
      ) : (
        <List
          size="small"
          dataSource={runs}
          pagination={runs.length > 10 ? { pageSize: 10, size: 'small', align: 'center' } : false}
          renderItem={({ latest, count }) => (
            <List.Item data-testid="access-entry">
              <Flex vertical style={{ width: '100%' }}>
                <Typography.Text>
                  {latest.actorName
                    ? t('enrollment.accessLog.by', {
                        name: latest.actorName,
                        role: latest.actorRole ? t(`roles.${latest.actorRole}`, { defaultValue: latest.actorRole }) : '—',
                      })
                    : t('enrollment.accessLog.system')}{' '}
                  {t(actionKey(latest.action), { defaultValue: latest.action })}
                  {count > 1 && <Tag style={{ marginInlineStart: 6 }}>{t('enrollment.accessLog.times', { n: count })}</Tag>}
                </Typography.Text>
                <Typography.Text type="secondary">{shanghaiTime(latest.at, true)}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
