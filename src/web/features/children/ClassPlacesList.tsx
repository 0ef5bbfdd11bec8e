import { Button, Card, Empty, List, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ClassType } from '../../../domain/classes/classTypes.ts';
import { ageInMonths } from '../../../domain/dates/childAge.ts';
import { compareIso } from '../../../domain/dates/shanghai.ts';
import type { InstitutionPlace } from '../enrollment/api';
import { today } from '../enrollment/format';
import { type PlaceAction, PlaceModals } from './PlaceModals';

/** The children holding a place, one card per class; the director moves or ends a place from here. */
export function ClassPlacesList({
  places,
  base,
  institutionId,
  director,
}: {
  places: InstitutionPlace[];
  base: string;
  institutionId: string;
  director: boolean;
}) {
  const { t } = useTranslation();
  const [acting, setActing] = useState<PlaceAction | null>(null);
  const day = today();
  const months = (birthDate: string) => (compareIso(birthDate, day) <= 0 ? ageInMonths(birthDate, day) : 0);

  const byClass = new Map<string, { name: string; rank: number; children: InstitutionPlace[] }>();
  for (const place of places) {
    const group = byClass.get(place.classId) ?? {
      name: place.className,
      rank: (ClassType as readonly string[]).indexOf(place.classType),
      children: [],
    };
    group.children.push(place);
    byClass.set(place.classId, group);
  }
  // Youngest classes first (ClassType lists them by age), as children move through them.
  const classes = [...byClass.entries()].sort(([, a], [, b]) => a.rank - b.rank || a.name.localeCompare(b.name, 'zh-CN'));
  if (classes.length === 0) return <Empty description={t('growthRecords.children.institutionEmpty')} />;

  return (
    <>
      {classes.map(([classId, group]) => (
        <Card
          key={classId}
          size="small"
          title={t('growthRecords.children.classTitle', { name: group.name, count: group.children.length })}
          style={{ marginBottom: 16 }}
          data-testid="class-places"
          data-class={group.name}
        >
          <List
            size="small"
            dataSource={[...group.children].sort((a, b) => a.childName.localeCompare(b.childName, 'zh-CN'))}
            renderItem={(place) => (
              <List.Item
                data-testid="place"
                data-child={place.childName}
                extra={
                  <Space wrap size={4}>
                    <Link to={`${base}/children/${place.childId}/growth`}>{t('growthRecords.children.open')}</Link>
                    {director && (
                      <>
                        <Button size="small" onClick={() => setActing({ kind: 'transfer', place })}>
                          {t('enrollment.places.transfer')}
                        </Button>
                        <Button size="small" danger onClick={() => setActing({ kind: 'end', place })}>
                          {t('enrollment.places.end')}
                        </Button>
                      </>
                    )}
                  </Space>
                }
              >
                <List.Item.Meta
                  title={place.childName}
                  description={`${t('growthRecords.children.age', { months: months(place.birthDate) })} · ${t('enrollment.places.since', { date: place.startDate })}`}
                />
              </List.Item>
            )}
          />
        </Card>
      ))}
      <PlaceModals institutionId={institutionId} acting={acting} onClose={() => setActing(null)} />
    </>
  );
}
