import { Alert, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ClassType } from '../../../../domain/classes/classTypes.ts';
import { toShanghaiDate } from '../../../../domain/dates/shanghai.ts';
import { InspectionStatusText } from '../../supervision/InspectionStatus';
import { fullAddress } from '../address';
import type { InstitutionRecord, OpeningHours } from '../api';
import { usePublicProfile } from '../queries';
import { joinList, yuan } from './format';

type Props = { record: InstitutionRecord };

/** "周一–周五 07:30–17:30": ISO weekdays read as a range of days and a time span. */
function useHoursText() {
  const { t } = useTranslation();
  return (h: OpeningHours | null) => {
    if (!h) return '—';
    const first = h.weekdays[0];
    const last = h.weekdays[h.weekdays.length - 1];
    const days =
      first === last ? t(`institutions.weekday.${first}`) : `${t(`institutions.weekday.${first}`)}–${t(`institutions.weekday.${last}`)}`;
    return `${days} ${h.opensAt}–${h.closesAt}`;
  };
}

/** What the institution is: the working copy of its facts, with key changes still waiting for a change filing. */
export function FactsCard({ record, township }: Props & { township: string }) {
  const { t } = useTranslation();
  const hours = useHoursText();
  const profile = usePublicProfile(record.id, record.publiclyListed);
  const f = record.facts;
  const inspection = profile.data?.lastInspection;
  const area = (m2: number | null) => (m2 === null ? '—' : t('registry.m2', { value: m2 }));
  return (
    <Card title={t('registry.facts')} size="small" style={{ height: '100%' }}>
      {record.changedKeyFacts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('registry.keyFactsChanged', {
            facts: joinList(
              t,
              record.changedKeyFacts.map((k) => t(`registry.keyFact.${k}`)),
            ),
          })}
        />
      )}
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'creditCode', label: t('institutions.creditCode'), children: f.creditCode ?? '—' },
          { key: 'operator', label: t('registry.operatorType'), children: f.operatorType ? t(`registry.operator.${f.operatorType}`) : '—' },
          { key: 'address', label: t('institutions.address'), children: fullAddress([township], f.address) },
          {
            key: 'forms',
            label: t('registry.serviceForms'),
            children: joinList(
              t,
              f.serviceForms.map((s) => t(`registry.serviceForm.${s}`)),
            ),
          },
          {
            key: 'area',
            label: t('registry.area'),
            children: t('registry.areas', { indoor: area(f.indoorAreaM2), outdoor: area(f.outdoorAreaM2) }),
          },
          { key: 'hours', label: t('institutions.hours'), children: hours(f.openingHours) },
          { key: 'meals', label: t('registry.meals'), children: f.servesMeals ? t('registry.mealsYes') : t('registry.mealsNo') },
          { key: 'phone', label: t('institutions.phone'), children: f.contactPhone ?? '—' },
          { key: 'filedAt', label: t('registry.filedAt'), children: record.filedAt ? toShanghaiDate(new Date(record.filedAt)) : '—' },
          ...(record.publiclyListed
            ? [
                {
                  key: 'inspection',
                  label: t('institutions.lastInspection'),
                  children: inspection ? <InspectionStatusText status={inspection} /> : t('institutions.noInspection'),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

type FeeRow = { classType: ClassType; fee?: number; cap?: number; over: boolean };

/**
 * Monthly fees against the caps of the inclusive agreement in force. Whether a fee is over its
 * cap is the server's finding (a compliance problem), not recomputed here.
 */
export function FeesCard({ record }: Props) {
  const { t } = useTranslation();
  const caps = record.designations.find((d) => d.kind === 'inclusive' && d.current)?.priceCapsYuan;
  const over = new Set(record.compliance.problems.filter((p) => p.code === 'fee_above_cap').map((p) => p.classType));
  const rows: FeeRow[] = ClassType.filter((c) => record.facts.monthlyFeeYuan[c] !== undefined).map((c) => ({
    classType: c,
    fee: record.facts.monthlyFeeYuan[c],
    cap: caps?.[c],
    over: over.has(c),
  }));
  return (
    <Card title={t('registry.fees')} size="small" style={{ height: '100%' }}>
      <Table<FeeRow>
        rowKey="classType"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('registry.noFees') }}
        columns={[
          { title: t('institutions.classTypeLabel'), dataIndex: 'classType', render: (c: ClassType) => t(`institutions.classType.${c}`) },
          { title: t('registry.monthlyFee'), dataIndex: 'fee', align: 'right', render: (v?: number) => yuan(v) },
          {
            title: t('registry.cap'),
            dataIndex: 'cap',
            align: 'right',
            render: (v?: number) => (caps ? yuan(v) : <Typography.Text type="secondary">{t('registry.noCap')}</Typography.Text>),
          },
          ...(over.size > 0
            ? [
                {
                  key: 'flag',
                  render: (_: unknown, row: FeeRow) => row.over && <Tag color="red">{t('registry.overCapShort')}</Tag>,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
