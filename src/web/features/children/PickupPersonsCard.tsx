import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { shanghaiTime } from '../enrollment/format';
import { deletePickupPerson, type PickupPerson } from './api';
import { PickupPersonForm } from './PickupPersonForm';
import { keys, usePickupPersons } from './queries';

/** 接送人: who besides the guardians may collect the child; revoked ones stay listed for the record. */
export function PickupPersonsCard({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const persons = usePickupPersons(childId);
  const [adding, setAdding] = useState(false);
  const client = useQueryClient();
  const revoke = useMutation({
    mutationFn: (personId: string) => deletePickupPerson(childId, personId),
    onSettled: () => client.invalidateQueries({ queryKey: keys.pickup(childId) }),
  });
  const items = [...(persons.data?.items ?? [])].sort((a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt));

  return (
    <Card
      size="small"
      title={t('enrollment.pickup.title')}
      data-testid="pickup-persons"
      extra={
        <Button size="small" type={adding ? 'default' : 'primary'} onClick={() => setAdding((v) => !v)} data-testid="add-pickup">
          {adding ? t('enrollment.cancel') : t('enrollment.pickup.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('enrollment.pickup.lead')}</Typography.Paragraph>
      {adding && <PickupPersonForm childId={childId} onDone={() => setAdding(false)} />}
      {persons.isPending ? (
        <PageLoading />
      ) : persons.isError ? (
        <LoadError error={persons.error} onRetry={() => void persons.refetch()} />
      ) : items.length === 0 ? (
        !adding && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enrollment.pickup.empty')} />
      ) : (
        <List
          dataSource={items}
          renderItem={(person) => (
            <List.Item
              data-testid="pickup-person"
              data-name={person.name}
              actions={
                person.revokedAt
                  ? []
                  : [
                      <Popconfirm
                        key="revoke"
                        title={t('enrollment.pickup.revokeConfirm', { name: person.name })}
                        okText={t('enrollment.pickup.revoke')}
                        cancelText={t('enrollment.cancel')}
                        onConfirm={() => revoke.mutate(person.id)}
                      >
                        <Button size="small" danger loading={revoke.isPending && revoke.variables === person.id}>
                          {t('enrollment.pickup.revoke')}
                        </Button>
                      </Popconfirm>,
                    ]
              }
            >
              <List.Item.Meta title={<PersonTitle person={person} />} description={<PersonFacts person={person} />} />
            </List.Item>
          )}
        />
      )}
      <ErrorAlert error={revoke.error} style={{ marginTop: 8 }} />
    </Card>
  );
}

function PersonTitle({ person }: { person: PickupPerson }) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} wrap align="center">
      <Typography.Text delete={!!person.revokedAt}>{person.name}</Typography.Text>
      <Tag>{t(`attendance.pickupRelation.${person.relation}`)}</Tag>
      {person.revokedAt && <Tag>{t('enrollment.pickup.revokedTag')}</Tag>}
    </Flex>
  );
}

function PersonFacts({ person }: { person: PickupPerson }) {
  const { t } = useTranslation();
  return (
    <>
      <div>{person.phone}</div>
      {person.residentIdMasked && (
        <div data-testid="pickup-resident-id">
          {t('enrollment.children.residentId')} {person.residentIdMasked}
        </div>
      )}
      <div>
        {person.revokedAt
          ? t('enrollment.pickup.revoked', { at: shanghaiTime(person.revokedAt, true) })
          : t('enrollment.pickup.authorised', { by: person.authorisedByName, at: shanghaiTime(person.authorisedAt, true) })}
      </div>
    </>
  );
}
