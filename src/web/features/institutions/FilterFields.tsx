import { Button, Checkbox, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ServiceForm } from '../../../domain/institutions/vocabulary.ts';
import { Field, TextField } from '../../components/Field';
import type { SearchFilters } from './searchAddress';

/** The filters a parent is still choosing, before they are applied to the search. */
export type FilterDraft = Pick<
  SearchFilters,
  'division' | 'birthDate' | 'startDate' | 'feeFrom' | 'feeTo' | 'serviceForm' | 'q' | 'vacancy' | 'inclusive' | 'noOpenRectification'
>;

type Props = {
  values: FilterDraft;
  onChange: (patch: Partial<FilterDraft>) => void;
  options: { value: string; label: string }[];
  loading: boolean;
  onApply: () => void;
};

const yuan = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The finder's filters: in a sheet on a phone, in a column on a wide screen. */
export function FilterFields({ values, onChange, options, loading, onApply }: Props) {
  const { t } = useTranslation();
  const half = { flex: 1, minWidth: 0 };
  return (
    <>
      <Field label={t('search.township')}>
        {({ id }) => (
          <Select
            id={id}
            allowClear
            showSearch
            optionFilterProp="label"
            options={options}
            placeholder={t('search.anyTownship')}
            loading={loading}
            value={values.division}
            onChange={(division?: string) => onChange({ division })}
            style={{ width: '100%' }}
          />
        )}
      </Field>
      <Flex gap={8}>
        <TextField
          label={t('search.birthDate')}
          style={half}
          type="date"
          value={values.birthDate ?? ''}
          onChange={(e) => onChange({ birthDate: e.target.value })}
        />
        <TextField
          label={t('search.startDate')}
          style={half}
          type="date"
          value={values.startDate ?? ''}
          onChange={(e) => onChange({ startDate: e.target.value })}
        />
      </Flex>
      <Flex gap={8}>
        {(['feeFrom', 'feeTo'] as const).map((bound) => (
          <TextField
            key={bound}
            label={t(`search.${bound}`)}
            style={half}
            type="number"
            inputMode="numeric"
            min={0}
            value={values[bound] ?? ''}
            onChange={(e) => onChange({ [bound]: yuan(e.target.value) })}
          />
        ))}
      </Flex>
      <Field label={t('search.serviceForm')}>
        {({ id }) => (
          <Select
            id={id}
            allowClear
            options={ServiceForm.map((f) => ({ value: f, label: t(`registry.serviceForm.${f}`) }))}
            placeholder={t('search.anyServiceForm')}
            value={values.serviceForm}
            onChange={(serviceForm?: ServiceForm) => onChange({ serviceForm })}
            style={{ width: '100%' }}
          />
        )}
      </Field>
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Checkbox checked={values.vacancy === true} onChange={(e) => onChange({ vacancy: e.target.checked })}>
          {t('search.vacancyOnly')}
        </Checkbox>
        <Checkbox checked={values.inclusive === true} onChange={(e) => onChange({ inclusive: e.target.checked })}>
          {t('search.inclusiveOnly')}
        </Checkbox>
        <Checkbox checked={values.noOpenRectification === true} onChange={(e) => onChange({ noOpenRectification: e.target.checked })}>
          {t('search.noOpenRectification')}
        </Checkbox>
      </Flex>
      {/* The sheet lies outside the page's <form> element: the button applies the filters itself. */}
      <Button type="primary" block onClick={onApply} data-testid="apply-filters">
        {t('search.applyFilters')}
      </Button>
    </>
  );
}
