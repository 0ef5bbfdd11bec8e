import { Flex, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from './api';
import { shanghaiTime } from './format';

/** One incident as staff and guardians read it; `action` is what staff may still do about it. */
export function IncidentItem({ incident, showInstitution, action }: { incident: Incident; showInstitution?: boolean; action?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <List.Item data-testid="incident" extra={action}>
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex gap={6} wrap align="center">
          <Tag color="red">{t(`attendance.incident.kinds.${incident.kind}`)}</Tag>
          <Typography.Text strong>{incident.children.map((c) => c.name).join('、')}</Typography.Text>
          <Typography.Text type="secondary">{shanghaiTime(incident.occurredAt, showInstitution)}</Typography.Text>
        </Flex>
        {showInstitution && <Typography.Text type="secondary">{incident.institutionName}</Typography.Text>}
        <Typography.Text>{incident.description}</Typography.Text>
        <Typography.Text>
          {t('attendance.incident.actionTakenLine')}
          {incident.actionTaken}
        </Typography.Text>
        <Typography.Text type="secondary">
          {incident.parentsInformedAt
            ? t('attendance.incident.informedAt', { time: shanghaiTime(incident.parentsInformedAt, true) })
            : t('attendance.incident.notInformed')}
          {' · '}
          {t('attendance.incident.reportedBy', { name: incident.reportedByName })}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}
