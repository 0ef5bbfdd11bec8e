import { Button, Card, message, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClassType } from '../../../../domain/classes/classTypes.ts';
import type { Designation, InstitutionRecord } from '../api';
import { useRevokeDesignation } from '../queries';
import { designationLabel, yuan } from './format';
import { GrantDesignationModal } from './GrantDesignationModal';
import { ReasonModal } from './ReasonModal';

type Props = { record: InstitutionRecord /** Only the city health commission grants and revokes. */; canManage: boolean };

function stateOf(d: Designation, today: string): { key: string; color: string } {
  if (d.revokedOn) return { key: 'revoked', color: 'default' };
  if (d.current) return { key: 'current', color: 'green' };
  return d.validFrom > today ? { key: 'upcoming', color: 'blue' } : { key: 'ended', color: 'default' };
}

/** Designations past and present, revoked ones with their reason; the city grants and revokes here. */
export function DesignationsCard({ record, canManage }: Props) {
  const { t } = useTranslation();
  const [granting, setGranting] = useState(false);
  // The designation stays set while the dialog fades out, so its title does not change as it closes.
  const [revoking, setRevoking] = useState<Designation | null>(null);
  const [revokeOpen, setRevokeOpen] = useState(false);
  const revoke = useRevokeDesignation(record.id);
  const today = record.compliance.checkedOn;
  const closeRevoke = () => {
    setRevokeOpen(false);
    revoke.reset();
  };

  return (
    <Card
      title={t('registry.designations')}
      size="small"
      extra={
        canManage && (
          <Button type="primary" size="small" onClick={() => setGranting(true)}>
            {t('registry.grant')}
          </Button>
        )
      }
    >
      <Table<Designation>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={record.designations}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('registry.noDesignations') }}
        columns={[
          { title: t('registry.designation'), key: 'label', render: (_, d) => designationLabel(t, d) },
          { title: t('registry.document'), dataIndex: 'document' },
          { title: t('registry.grantedOn'), dataIndex: 'grantedOn' },
          {
            title: t('registry.validity'),
            key: 'validity',
            render: (_, d) => t('registry.period', { from: d.validFrom, to: d.validTo ?? t('registry.openEnded') }),
          },
          {
            title: t('registry.caps'),
            dataIndex: 'priceCapsYuan',
            // One line per class type: four caps on one line would push the state and actions out of view.
            render: (caps: Designation['priceCapsYuan']) => {
              const capped = ClassType.filter((c) => caps[c] !== undefined);
              return capped.length === 0
                ? '—'
                : capped.map((c) => <div key={c}>{`${t(`institutions.classType.${c}`)} ${yuan(caps[c])}`}</div>);
            },
          },
          {
            title: t('registry.state'),
            key: 'state',
            render: (_, d) => {
              const state = stateOf(d, today);
              return (
                <>
                  <Tag color={state.color}>{t(`registry.designationState.${state.key}`)}</Tag>
                  {d.revokedOn && (
                    <Typography.Text type="secondary">
                      {t('registry.revokedOn', { date: d.revokedOn, reason: d.revokedReason ?? '' })}
                    </Typography.Text>
                  )}
                </>
              );
            },
          },
          ...(canManage
            ? [
                {
                  key: 'revoke',
                  render: (_: unknown, d: Designation) =>
                    !d.revokedOn && (
                      <Button
                        size="small"
                        danger
                        onClick={() => {
                          setRevoking(d);
                          setRevokeOpen(true);
                        }}
                      >
                        {t('registry.revoke')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {canManage && (
        <>
          <GrantDesignationModal record={record} open={granting} onClose={() => setGranting(false)} />
          <ReasonModal
            open={revokeOpen}
            title={revoking ? t('registry.revokeTitle', { designation: designationLabel(t, revoking) }) : ''}
            consequence={t('registry.revokeConsequence')}
            okText={t('registry.revoke')}
            danger
            pending={revoke.isPending}
            error={revoke.error}
            onCancel={closeRevoke}
            onConfirm={(reason) =>
              revoking &&
              revoke.mutate(
                { designationId: revoking.id, reason },
                {
                  onSuccess: () => {
                    void message.success(t('registry.revoked'));
                    closeRevoke();
                  },
                },
              )
            }
          />
        </>
      )}
    </Card>
  );
}
