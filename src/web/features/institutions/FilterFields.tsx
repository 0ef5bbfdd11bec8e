import { Button, Checkbox, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ServiceForm } from '../../../domain/institutions/vocabulary.ts';
import { Field, TextInput } from '../../components/Field';
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
        <Field label={t('search.birthDate')} style={half}>
          {(control) => (
            <TextInput {...control} type="date" value={values.birthDate ?? ''} onChange={(e) => onChange({ birthDate: e.target.value })} />
          )}
        </Field>
        <Field label={t('search.startDate')} style={half}>
          {(control) => (
            <TextInput {...control} type="date" value={values.startDate ?? ''} onChange={(e) => onChange({ startDate: e.target.value })} />
          )}
        </Field>
      </Flex>
      <Flex gap={8}>
        <Field label={t('search.feeFrom')} style={half}>
          {(control) => (
            <TextInput
              {...control}
              type="number"
              inputMode="numeric"
              min={0}
              value={values.feeFrom ?? ''}
              onChange={(e) => onChange({ feeFrom: yuan(e.target.value) })}
            />
          )}
        </Field>
        <Field label={t('search.feeTo')} style={half}>
          {(control) => (
            <TextInput
              {...control}
              type="number"
              inputMode="numeric"
              min={0}
              value={values.feeTo ?? ''}
              onChange={(e) => onChange({ feeTo: yuan(e.target.value) })}
            />
          )}
        </Field>
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
