import { Checkbox, Flex, Input, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { InstitutionStatus } from '../../../../domain/institutions/filingWorkflow.ts';
import type { DivisionOption } from './divisions';

type ListFilters = {
  status?: InstitutionStatus;
  division?: string;
  q?: string;
  inclusive: boolean;
  withProblems: boolean;
  page: number;
};

const isStatus = (s: string | null): s is InstitutionStatus => (InstitutionStatus as readonly (string | null)[]).includes(s);

/**
 * The list's filters live in the address, so coming back from an institution's page (or sharing
 * the link) shows the same list. Any change but paging starts again at page 1.
 */
export function useListFilters(): [ListFilters, (patch: Partial<ListFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filters: ListFilters = {
    status: isStatus(status) ? status : undefined,
    division: params.get('division') ?? undefined,
    q: params.get('q') ?? undefined,
    inclusive: params.get('inclusive') === '1',
    withProblems: params.get('problems') === '1',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const update = (patch: Partial<ListFilters>) => {
    const next = { ...filters, page: 1, ...patch };
    const entries: [string, string | undefined][] = [
      ['q', next.q],
      ['status', next.status],
      ['division', next.division],
      ['inclusive', next.inclusive ? '1' : undefined],
      ['problems', next.withProblems ? '1' : undefined],
      ['page', next.page > 1 ? String(next.page) : undefined],
    ];
    setParams(new URLSearchParams(entries.filter((e): e is [string, string] => e[1] !== undefined)), { replace: true });
  };
  return [filters, update];
}

type Props = { filters: ListFilters; onChange: (patch: Partial<ListFilters>) => void; divisions: DivisionOption[] };

export function RegistryFilters({ filters, onChange, divisions }: Props) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={12} align="center">
      <Input.Search
        key={filters.q ?? ''}
        defaultValue={filters.q}
        allowClear
        aria-label={t('registry.keyword')}
        placeholder={t('registry.keywordHint')}
        style={{ width: 260 }}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
      />
      <Select
        aria-label={t('registry.status')}
        placeholder={t('registry.anyStatus')}
        allowClear
        style={{ width: 140 }}
        value={filters.status}
        onChange={(status?: InstitutionStatus) => onChange({ status })}
        options={InstitutionStatus.map((s) => ({ value: s, label: t(`institutions.status.${s}`) }))}
      />
      <TreeSelect
        aria-label={t('registry.division')}
        placeholder={t('registry.anyDivision')}
        allowClear
        showSearch
        treeNodeFilterProp="title"
        style={{ width: 220 }}
        value={filters.division}
        onChange={(division?: string) => onChange({ division })}
        treeData={divisions}
      />
      <Checkbox checked={filters.inclusive} onChange={(e) => onChange({ inclusive: e.target.checked })}>
        {t('registry.inclusiveOnly')}
      </Checkbox>
      <Checkbox checked={filters.withProblems} onChange={(e) => onChange({ withProblems: e.target.checked })}>
        {t('registry.withProblemsOnly')}
      </Checkbox>
    </Flex>
  );
}
