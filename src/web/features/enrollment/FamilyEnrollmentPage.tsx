import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadError, PageLoading } from '../../components/PageStatus';
import type { RolePageProps } from '../../components/RoleShell';
import { useMyChildren } from '../children/queries';
import { AddChildForm } from './AddChildForm';
import { ApplyForm } from './ApplyForm';
import { type Application, type ApplicationChoice, acceptOffer, declineOffer, withdrawApplication } from './api';
import { STATUS_COLOR, shanghaiTime } from './format';
import { keys, useApplications } from './queries';

/**
 * 入托: the parent's children and applications with offers to answer. Each child's record (days,
 * pick-up persons, who read it) is a page of the children area. Phone first: one column.
 */
export default function FamilyEnrollmentPage({ base }: RolePageProps) {
  const { t } = useTranslation();
  const children = useMyChildren();
  const applications = useApplications();
  const [adding, setAdding] = useState(false);
  // 申请入托 on the finder or a profile opens the form with that institution picked.
  const [params] = useSearchParams();
  const picked = params.get('apply') ?? undefined;
  const [applying, setApplying] = useState(picked !== undefined);

  if (children.isPending || applications.isPending) return <PageLoading />;
  if (children.isError) return <LoadError error={children.error} onRetry={() => void children.refetch()} />;
  if (applications.isError) return <LoadError error={applications.error} onRetry={() => void applications.refetch()} />;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 640 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('enrollment.title')}
      </Typography.Title>

      <Card
        size="small"
        title={t('enrollment.children.title')}
        extra={
          <Button size="small" onClick={() => setAdding((v) => !v)} data-testid="add-child">
            {adding ? t('enrollment.cancel') : t('enrollment.children.add')}
          </Button>
        }
      >
        {adding && <AddChildForm onDone={() => setAdding(false)} />}
        {!adding &&
          (children.data.items.length === 0 ? (
            <Empty description={t('enrollment.children.empty')} />
          ) : (
            <List
              dataSource={children.data.items}
              renderItem={(child) => (
                <List.Item
                  data-testid="my-child"
                  actions={[
                    <Link key="record" to={`${base}/children/${child.id}`}>
                      {t('enrollment.childPage.open')}
                    </Link>,
                  ]}
                >
                  <List.Item.Meta
                    title={child.name}
                    description={
                      <>
                        {t('enrollment.children.line', {
                          sex: t(`enrollment.child.${child.sex}`),
                          birthDate: child.birthDate,
                          months: child.ageMonths,
                        })}
                        {child.residentIdMasked && (
                          <div>
                            {t('enrollment.children.residentId')} {child.residentIdMasked}
                          </div>
                        )}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          ))}
      </Card>

      <Card
        size="small"
        title={t('enrollment.apply.title')}
        extra={
          children.data.items.length > 0 && (
            <Button size="small" type={applying ? 'default' : 'primary'} onClick={() => setApplying((v) => !v)} data-testid="start-apply">
              {applying ? t('enrollment.cancel') : t('enrollment.apply.start')}
            </Button>
          )
        }
      >
        {applying ? (
          <ApplyForm children={children.data.items} picked={picked} onDone={() => setApplying(false)} />
        ) : (
          <Typography.Text type="secondary">{t('enrollment.apply.lead')}</Typography.Text>
        )}
      </Card>

      <Card size="small" title={t('enrollment.applications.title')} data-testid="my-applications">
        {applications.data.items.length === 0 ? (
          <Empty description={t('enrollment.applications.empty')} />
        ) : (
          <Flex vertical gap={12}>
            {applications.data.items.map((application) => (
              <ApplicationCard key={application.id} application={application} />
            ))}
          </Flex>
        )}
      </Card>
    </Flex>
  );
}

function ApplicationCard({ application }: { application: Application }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [placed, setPlaced] = useState<string | null>(null);
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: keys.applications });
  };
  const act = useMutation({
    mutationFn: async ({ action, choice }: { action: 'accept' | 'decline_offer' | 'withdraw'; choice?: ApplicationChoice }) => {
      if (action === 'accept' && choice) {
        const enrollment = await acceptOffer(application.id, choice.institutionId);
        setPlaced(
          t('enrollment.applications.placed', {
            institution: choice.institutionName,
            className: enrollment.className,
            date: enrollment.startDate,
          }),
        );
        return;
      }
      if (action === 'decline_offer' && choice) await declineOffer(application.id, choice.institutionId);
      if (action === 'withdraw') await withdrawApplication(application.id);
    },
    // A refused accept (class full, offer expired) changes the application too: re-read it either way.
    onSettled: refresh,
  });
  const canWithdraw = application.choices.some((c) => c.allowedActions.includes('withdraw'));
  const choices = [...application.choices].sort((a, b) => a.rank - b.rank);

  return (
    <Card
      size="small"
      type="inner"
      title={application.childName}
      data-testid="application"
      extra={t('enrollment.applications.start', { date: application.startDate })}
    >
      <List
        dataSource={choices}
        renderItem={(choice) => (
          <List.Item data-testid="choice" style={{ display: 'block' }}>
            <Flex justify="space-between" align="start" gap={8} wrap>
              <Typography.Text strong>
                {choice.rank}. {choice.institutionName}
              </Typography.Text>
              <Tag color={STATUS_COLOR[choice.status]} data-testid="choice-status">
                {t(`enrollment.status.${choice.status}`)}
              </Tag>
            </Flex>
            {choice.waitlistPosition !== null && (
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} data-testid="waitlist-position">
                {t('enrollment.applications.position', { position: choice.waitlistPosition })}
              </Typography.Paragraph>
            )}
            {choice.offer && (
              <Typography.Paragraph style={{ margin: '4px 0 0' }} data-testid="offer">
                {t('enrollment.applications.offer', {
                  className: choice.offer.className,
                  classType: t(`enrollment.classType.${choice.offer.classType}`),
                  expires: shanghaiTime(choice.offer.expiresAt, true),
                })}
              </Typography.Paragraph>
            )}
            {(choice.allowedActions.includes('accept') || choice.allowedActions.includes('decline_offer')) && (
              <Space style={{ marginTop: 8 }}>
                {choice.allowedActions.includes('accept') && (
                  <Popconfirm
                    title={t('enrollment.applications.acceptConfirm')}
                    okText={t('enrollment.applications.accept')}
                    cancelText={t('enrollment.cancel')}
                    onConfirm={() => act.mutate({ action: 'accept', choice })}
                  >
                    <Button type="primary" loading={act.isPending}>
                      {t('enrollment.applications.accept')}
                    </Button>
                  </Popconfirm>
                )}
                {choice.allowedActions.includes('decline_offer') && (
                  <Popconfirm
                    title={t('enrollment.applications.declineOfferConfirm')}
                    okText={t('enrollment.applications.declineOffer')}
                    cancelText={t('enrollment.cancel')}
                    onConfirm={() => act.mutate({ action: 'decline_offer', choice })}
                  >
                    <Button danger disabled={act.isPending}>
                      {t('enrollment.applications.declineOffer')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            )}
          </List.Item>
        )}
      />
      {act.isError && <Alert type="error" showIcon title={act.error.message} data-testid="application-error" style={{ marginTop: 8 }} />}
      {placed && <Alert type="success" showIcon title={placed} data-testid="placed" style={{ marginTop: 8 }} />}
      {canWithdraw && (
        <Popconfirm
          title={t('enrollment.applications.withdrawConfirm')}
          okText={t('enrollment.applications.withdraw')}
          cancelText={t('enrollment.cancel')}
          onConfirm={() => act.mutate({ action: 'withdraw' })}
        >
          <Button size="small" type="link" danger disabled={act.isPending} style={{ paddingLeft: 0 }}>
            {t('enrollment.applications.withdraw')}
          </Button>
        </Popconfirm>
      )}
    </Card>
  );
}
