import { Button, Card, Empty, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareIso } from '../../../domain/dates/shanghai.ts';
import { LoadError, PageLoading } from '../../components/PageStatus';
import type { AgeMove, InstitutionPlace } from '../enrollment/api';
import { thisMonth, today } from '../enrollment/format';
import { useAgeMoves } from '../enrollment/queries';
import { type PlaceAction, PlaceModals } from './PlaceModals';

/**
 * 升班与离园: children who reach 12 or 24 months in the month and must move up a class, and those
 * who turn 3 and leave (or go on to a kindergarten's toddler class). The server only accepts a
 * move once the child is old enough for the new class, so the button waits for that day.
 */
export function AgeMovesCard({
  institutionId,
  places,
  director,
}: {
  institutionId: string;
  places: InstitutionPlace[];
  director: boolean;
}) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(thisMonth());
  const moves = useAgeMoves(institutionId, month);
  const [acting, setActing] = useState<PlaceAction | null>(null);
  const placeOf = (move: AgeMove) => places.find((p) => p.id === move.enrolmentId);

  const act = (move: AgeMove) => {
    const place = placeOf(move);
    if (!place) return null;
    if (move.kind === 'leave')
      return (
        <Button
          size="small"
          danger
          onClick={() => setActing({ kind: 'end', place, endDate: move.on, reason: t('enrollment.places.reasons.age3') })}
        >
          {t('enrollment.places.end')}
        </Button>
      );
    if (compareIso(move.on, today()) > 0)
      return <Typography.Text type="secondary">{t('enrollment.ageMoves.notYet', { on: move.on })}</Typography.Text>;
    return (
      <Button size="small" type="primary" onClick={() => setActing({ kind: 'transfer', place })}>
        {t('enrollment.places.transfer')}
      </Button>
    );
  };

  return (
    <Card
      size="small"
      title={t('enrollment.ageMoves.title')}
      data-testid="age-moves"
      extra={
        <Input
          type="month"
          size="small"
          value={month}
          onChange={(e) => e.target.value && setMonth(e.target.value)}
          style={{ width: 140 }}
          aria-label={t('enrollment.ageMoves.month')}
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('enrollment.ageMoves.lead')}</Typography.Paragraph>
      {moves.isPending ? (
        <PageLoading />
      ) : moves.isError ? (
        <LoadError error={moves.error} onRetry={() => void moves.refetch()} />
      ) : moves.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enrollment.ageMoves.empty')} />
      ) : (
        <List
          size="small"
          dataSource={moves.data.items}
          renderItem={(move) => (
            <List.Item data-testid="age-move" data-child={move.childName} extra={director && act(move)}>
              <List.Item.Meta
                title={
                  <>
                    {move.childName}{' '}
                    <Tag color={move.kind === 'leave' ? 'orange' : 'blue'}>{t(`enrollment.ageMoves.kind.${move.kind}`)}</Tag>
                  </>
                }
                description={
                  move.kind === 'move_up'
                    ? t('enrollment.ageMoves.moveUp', {
                        on: move.on,
                        months: move.months,
                        className: move.className,
                        to: t(`enrollment.classType.${move.toClassType ?? move.classType}`),
                      })
                    : t('enrollment.ageMoves.leave', { on: move.on, className: move.className })
                }
              />
            </List.Item>
          )}
        />
      )}
      <PlaceModals institutionId={institutionId} acting={acting} onClose={() => setActing(null)} />
    </Card>
  );
}
