import { Alert, Badge, Button, Card, Descriptions, Empty, Flex, Popconfirm, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../components/PageStatus';
import type { RolePageProps } from '../../components/RoleShell';
import type { AlertAcknowledgement, AlertParty, IllnessAlert } from './api';
import { useAcknowledgeAlert, useIllnessAlerts } from './queries';

type Status = 'open' | 'all';

// The director and the district health bureau must both acknowledge; the city may.
const PARTIES: readonly AlertParty[] = ['institution', 'district', 'city'];

function AckLine({ party, ack }: { party: AlertParty; ack: AlertAcknowledgement }) {
  const { t, i18n } = useTranslation();
  if (!ack) {
    if (party === 'city') return null;
    return <Tag color="warning">{t('alerts.ack.pending', { party: t(`alerts.party.${party}`) })}</Tag>;
  }
  const at = new Date(ack.at).toLocaleString(i18n.language, { timeZone: 'Asia/Shanghai', hour12: false });
  return (
    <Tag color={ack.current ? 'success' : 'warning'} style={{ whiteSpace: 'normal' }}>
      {ack.current
        ? t('alerts.ack.done', { party: t(`alerts.party.${party}`), name: ack.byName, at })
        : t('alerts.ack.stale', { party: t(`alerts.party.${party}`), name: ack.byName, cases: ack.casesSeen })}
    </Tag>
  );
}

function AlertCard({ alert, official }: { alert: IllnessAlert; official: boolean }) {
  const { t } = useTranslation();
  const acknowledge = useAcknowledgeAlert();
  const kind = t(`alerts.kind.${alert.kind}`);
  return (
    <Card
      size="small"
      style={{ marginBottom: 12, borderColor: alert.acknowledged ? undefined : '#ffa39e' }}
      title={
        <Flex gap={8} wrap align="center" style={{ whiteSpace: 'normal', paddingBlock: 6 }}>
          <Tag color={alert.acknowledged ? 'default' : 'red'} style={{ marginInlineEnd: 0 }}>
            {kind}
          </Tag>
          <span>{t('alerts.headline', { day: alert.day, className: alert.class.name, cases: alert.cases })}</span>
        </Flex>
      }
      data-testid="alert"
      data-acknowledged={alert.acknowledged}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          ...(official
            ? [
                { key: 'institution', label: t('alerts.institution'), children: alert.institution.name },
                { key: 'township', label: t('alerts.township'), children: alert.township.name ?? alert.township.code },
              ]
            : []),
          {
            key: 'rule',
            label: t('alerts.rule'),
            children:
              alert.kind === 'fever'
                ? t('alerts.ruleFever', { threshold: alert.threshold, fever: alert.feverFromC.toFixed(1) })
                : t('alerts.ruleSymptom', { threshold: alert.threshold, kind }),
          },
          ...(alert.children
            ? [{ key: 'children', label: t('alerts.children'), children: alert.children.map((c) => c.name).join('、') }]
            : []),
        ]}
      />
      <Flex wrap gap={6} style={{ marginTop: 8 }}>
        {PARTIES.map((party) => (
          <AckLine key={party} party={party} ack={alert.acknowledgements[party]} />
        ))}
      </Flex>
      {!alert.acknowledged && (
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          {acknowledge.isError && <Alert type="error" showIcon title={acknowledge.error.message} />}
          <Popconfirm
            title={t('alerts.acknowledgeConfirm')}
            okText={t('alerts.acknowledgeOk')}
            cancelText={t('alerts.cancel')}
            onConfirm={() => acknowledge.mutate(alert.id)}
          >
            <Button type="primary" loading={acknowledge.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('alerts.acknowledge', { party: t(`alerts.party.${alert.party}`) })}
            </Button>
          </Popconfirm>
        </Flex>
      )}
    </Card>
  );
}

/**
 * 聚集性症状预警: alerts raised when several children of a class had fever or the same symptom at
 * the morning check. Directors see their institution's alerts with the children named; district
 * and city officials see their area's alerts as counts only. Each acknowledges for their own side.
 */
export default function AlertsPage({ grant }: RolePageProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('open');
  const alerts = useIllnessAlerts(status);
  const official = grant.role === 'district_official' || grant.role === 'city_official';

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('alerts.title')}
      </Typography.Title>
      <Typography.Paragraph>{official ? t('alerts.leadOfficial') : t('alerts.leadDirector')}</Typography.Paragraph>
      <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented<Status>
          value={status}
          onChange={setStatus}
          options={[
            { value: 'open', label: t('alerts.open') },
            { value: 'all', label: t('alerts.all') },
          ]}
        />
        {alerts.data && (
          <Badge
            count={alerts.data.unacknowledged}
            showZero
            color={alerts.data.unacknowledged > 0 ? 'red' : 'green'}
            overflowCount={999}
            data-testid="unacknowledged"
          >
            <Typography.Text style={{ paddingInlineEnd: 16 }}>{t('alerts.unacknowledged')}</Typography.Text>
          </Badge>
        )}
      </Flex>
      {alerts.isPending ? (
        <PageLoading />
      ) : alerts.isError ? (
        <LoadError error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : alerts.data.items.length === 0 ? (
        <Empty description={status === 'open' ? t('alerts.emptyOpen') : t('alerts.emptyAll')} />
      ) : (
        <>
          {alerts.data.items.map((alert) => (
            <AlertCard key={alert.id} alert={alert} official={official} />
          ))}
          {alerts.data.truncated && <Typography.Paragraph type="secondary">{t('alerts.truncated')}</Typography.Paragraph>}
        </>
      )}
    </>
  );
}
