import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../components/PageStatus';
import type { RolePageProps } from '../../components/RoleShell';
import { fieldErrorsOf } from '../../components/showFieldErrors';
import type { RecordClass } from '../institutions/api';
import { keys as institutionKeys, useInstitutionRecord } from '../institutions/queries';
import { type BoardItem, declineChoice, offerPlace, waitlistChoice } from './api';
import { BOARD_COLUMNS, inDays, STATUS_COLOR, shanghaiTime } from './format';
import { keys, useBoard } from './queries';
import { WaitlistRule } from './WaitlistRule';

/**
 * 申请看板: the institution's applications in columns by status, the waitlist in the server's order
 * under the priorities the institution states.
 */
export default function ApplicationsBoard({ grant }: RolePageProps) {
  const { t } = useTranslation();
  const institutionId = grant.institutionId ?? '';
  const board = useBoard(institutionId);
  const classes = useInstitutionRecord(institutionId);

  if (board.isPending || classes.isPending) return <PageLoading />;
  if (board.isError) return <LoadError error={board.error} onRetry={() => void board.refetch()} />;
  if (classes.isError) return <LoadError error={classes.error} onRetry={() => void classes.refetch()} />;
  const open = classes.data.classes.filter((c) => !c.archived);

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('enrollment.board.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('enrollment.board.lead')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="class-places">
        {open.map((c) => (
          <Tag key={c.id} color={c.vacancies > 0 ? 'green' : 'default'}>
            {t('enrollment.board.classPlaces', {
              name: c.name,
              classType: t(`enrollment.classType.${c.classType}`),
              vacancies: c.vacancies,
              capacity: c.capacity,
            })}
          </Tag>
        ))}
      </Flex>
      <Row gutter={[12, 12]} wrap>
        {BOARD_COLUMNS.map((column) => {
          const items = board.data.items
            .filter((item) => (column.statuses as readonly string[]).includes(item.status))
            // The waitlist is shown in the server's order (priorities, then time); the rest by time.
            .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) || a.appliedAt.localeCompare(b.appliedAt));
          return (
            <Col key={column.key} xs={24} md={12} xl={{ flex: '20%' }}>
              <Card
                size="small"
                title={`${t(`enrollment.board.column.${column.key}`)} (${items.length})`}
                data-testid={`column-${column.key}`}
              >
                {column.key === 'waitlisted' && <WaitlistRule institutionId={institutionId} stated={board.data.statedPriorities} />}
                {items.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enrollment.board.none')} />
                ) : (
                  <Flex vertical gap={8}>
                    {items.map((item) => (
                      <BoardCard key={item.choiceId} item={item} classes={open} institutionId={institutionId} />
                    ))}
                  </Flex>
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
    </>
  );
}

function BoardCard({ item, classes, institutionId }: { item: BoardItem; classes: RecordClass[]; institutionId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [offering, setOffering] = useState(false);
  const fitting = classes.filter((c) => item.classTypes.includes(c.classType));
  const [classId, setClassId] = useState<string | undefined>(fitting.find((c) => c.vacancies > 0)?.id);
  const [expires, setExpires] = useState(inDays(7));
  const act = useMutation({
    mutationFn: async (action: 'waitlist' | 'decline' | 'offer') => {
      if (action === 'waitlist') return waitlistChoice(item.applicationId);
      if (action === 'decline') return declineChoice(item.applicationId);
      // The offer lapses at the end of the chosen day in Shanghai.
      await offerPlace(item.applicationId, { classId: classId as string, expiresAt: `${expires}T23:59:59+08:00` });
    },
    onSuccess: () => setOffering(false),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: keys.board(institutionId) });
      await client.invalidateQueries({ queryKey: institutionKeys.record(institutionId) });
    },
  });
  const can = (a: string) => item.allowedActions.includes(a as never);
  // The offer's two controls show the server's words for them (班级不存在或未备案, an expiry out of range).
  const refused = act.error ? fieldErrorsOf(act.error, { classId: 'classId', expiresAt: 'expiresAt' }) : null;
  const at = (field: string) => {
    const errors = refused?.byField.get(field);
    return errors ? { validateStatus: 'error' as const, help: errors.join('；') } : {};
  };

  return (
    <Card size="small" type="inner" data-testid="board-item" data-child={item.childName}>
      <Flex justify="space-between" gap={4} wrap>
        <Typography.Text strong>{item.childName}</Typography.Text>
        <Flex gap={4}>
          {item.placedHere && (
            <Tag color="green" data-testid="placed-here">
              {t('enrollment.board.placedHere')}
            </Tag>
          )}
          <Tag color={STATUS_COLOR[item.status]}>{t(`enrollment.status.${item.status}`)}</Tag>
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
        {t('enrollment.board.itemLine', { months: item.ageMonthsAtStart, date: item.startDate, rank: item.rank })}
        <br />
        {t('enrollment.board.fits', { types: item.classTypes.map((c) => t(`enrollment.classType.${c}`)).join('、') || '—' })}
        <br />
        {t('enrollment.board.appliedAt', { time: shanghaiTime(item.appliedAt, true) })}
      </Typography.Paragraph>
      {item.waitlistPosition !== null && (
        <Tag color="blue" data-testid="waitlist-position">
          {t('enrollment.applications.position', { position: item.waitlistPosition })}
        </Tag>
      )}
      {item.priorities.map((p) => (
        <Tag key={p} color="purple">
          {t(`enrollment.priority.${p}`)}
        </Tag>
      ))}
      {item.status === 'waitlisted' && item.priorities.length === 0 && <Tag>{t('enrollment.board.holdsNone')}</Tag>}
      {item.offer && (
        <Typography.Paragraph style={{ margin: '4px 0' }}>
          {t('enrollment.board.offered', { className: item.offer.className, expires: shanghaiTime(item.offer.expiresAt, true) })}
        </Typography.Paragraph>
      )}
      {offering ? (
        <Flex vertical gap={6} style={{ marginTop: 6 }} data-testid="offer-form">
          <Form.Item style={{ margin: 0 }} {...at('classId')}>
            <Select
              value={classId}
              onChange={setClassId}
              placeholder={t('enrollment.board.chooseClass')}
              options={fitting.map((c) => ({
                value: c.id,
                label: t('enrollment.board.classOption', { name: c.name, vacancies: c.vacancies }),
                disabled: c.vacancies <= 0,
              }))}
              notFoundContent={t('enrollment.board.noFittingClass')}
              data-testid="offer-class"
            />
          </Form.Item>
          <Form.Item style={{ margin: 0 }} {...at('expiresAt')}>
            <Input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} aria-label={t('enrollment.board.expires')} />
          </Form.Item>
          <Space>
            <Button type="primary" size="small" disabled={!classId} loading={act.isPending} onClick={() => act.mutate('offer')}>
              {t('enrollment.board.sendOffer')}
            </Button>
            <Button size="small" onClick={() => setOffering(false)}>
              {t('enrollment.cancel')}
            </Button>
          </Space>
        </Flex>
      ) : (
        <Space wrap size={4} style={{ marginTop: 6 }}>
          {can('offer') && (
            <Button size="small" type="primary" onClick={() => setOffering(true)}>
              {t('enrollment.board.offer')}
            </Button>
          )}
          {can('waitlist') && (
            <Button size="small" loading={act.isPending} onClick={() => act.mutate('waitlist')}>
              {t('enrollment.board.waitlist')}
            </Button>
          )}
          {can('decline') && (
            <Button size="small" danger disabled={act.isPending} onClick={() => act.mutate('decline')}>
              {t('enrollment.board.decline')}
            </Button>
          )}
        </Space>
      )}
      {refused && refused.rest.length > 0 && (
        <Alert type="error" showIcon title={refused.rest.join('；')} style={{ marginTop: 6 }} data-testid="board-error" />
      )}
    </Card>
  );
}
