import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ClassType } from '../../../domain/classes/classTypes.ts';
import type { InspectionStatus } from '../../../domain/supervision/checklist.ts';
import { Panel } from '../../components/Panel';
import { InspectionStatusText } from '../supervision/InspectionStatus';
import { ApplyButton } from './ApplyButton';
import { ageRange, agesOfTypes } from './ages';
import type { PublicSearchItem } from './api';
import { DesignationTags } from './DesignationTags';
import { addressLine } from './searchFilters';

/** Fees and vacancies per class type; with a birth date given, the types the child fits come first, marked. */
function ClassLines({ item, fits }: { item: PublicSearchItem; fits?: ClassType[] }) {
  const { t } = useTranslation();
  const offered = ClassType.filter((c) => item.monthlyFeeYuan[c] !== undefined || item.vacancies[c] !== undefined);
  const ordered = fits ? [...offered.filter((c) => fits.includes(c)), ...offered.filter((c) => !fits.includes(c))] : offered;
  return (
    <Flex vertical>
      {ordered.map((c) => {
        const fitting = fits?.includes(c);
        const line = t('search.classLine', {
          type: t(`institutions.classType.${c}`),
          vacancies: item.vacancies[c] ?? 0,
          fee: item.monthlyFeeYuan[c] ?? '—',
        });
        return (
          <Typography.Text
            key={c}
            strong={fitting}
            type={fits && !fitting ? 'secondary' : undefined}
            data-testid={fitting ? 'fits-child' : undefined}
          >
            {fitting ? `${line} · ${t('search.fitsChild')}` : line}
          </Typography.Text>
        );
      })}
    </Flex>
  );
}

type Props = { item: PublicSearchItem; divisions: Map<string, string>; fits?: ClassType[]; inspection?: InspectionStatus };

/** One institution in the finder: what a family compares before opening its page. */
export function ResultCard({ item, divisions, fits, inspection }: Props) {
  const { t } = useTranslation();
  // The class types offered are the vacancies' keys; the national standard gives each its ages.
  const ages = agesOfTypes(Object.keys(item.vacancies));
  return (
    <li data-testid="search-result" style={{ listStyle: 'none', marginBottom: 8 }}>
      <Panel>
        <Flex vertical gap={4}>
          <Flex justify="space-between" align="baseline" gap={8}>
            <Link to={`/institutions/${item.id}`} style={{ fontWeight: 600, fontSize: 16 }}>
              {item.name}
            </Link>
            {item.distanceKm !== null && (
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }} data-testid="result-distance">
                {t('search.distance', { km: item.distanceKm })}
              </Typography.Text>
            )}
          </Flex>
          <Typography.Text type="secondary" data-testid="result-address">
            {addressLine(divisions, item.divisionCode, item.address)}
          </Typography.Text>
          {ages && <Typography.Text data-testid="result-ages">{ageRange(t, ages)}</Typography.Text>}
          <ClassLines item={item} fits={fits} />
          {inspection && <InspectionStatusText status={inspection} labelled />}
          <Flex justify="space-between" align="center" wrap gap={8}>
            <DesignationTags designations={item.designations} />
            <ApplyButton institutionId={item.id} />
          </Flex>
        </Flex>
      </Panel>
    </li>
  );
}
