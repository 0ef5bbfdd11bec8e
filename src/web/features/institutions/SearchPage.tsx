import { Alert, Button, Col, Empty, Flex, Grid, Row, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ageInMonths, ClassStandard, classTypesForAge } from '../../../domain/classes/classTypes.ts';
import { todayInShanghai } from '../../../domain/dates/shanghai.ts';
import { ServiceForm } from '../../../domain/institutions/vocabulary.ts';
import { TextInput } from '../../components/Field';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { Panel } from '../../components/Panel';
import { useDivisionTree } from '../geography/queries';
import { useInspectionStatuses } from '../supervision/queries';
import type { FilterDraft } from './FilterFields';
import { Pager } from './Pager';
import { useInstitutionSearch } from './queries';
import { ResultCard } from './ResultCard';
import { readSearch, type SearchFilters, searchAddress } from './searchAddress';
import { activeFilters, divisionNames, divisionOptions } from './searchFilters';

// maplibre is most of the map's weight: it loads only when the parent opens the map.
const ResultsMap = lazy(() => import('./ResultsMap'));
// The filters' selects and number inputs load when the sheet first opens on a phone (at once beside
// the results on a wide screen): the results come first.
const FilterFields = lazy(() => import('./FilterFields').then((m) => ({ default: m.FilterFields })));
const FilterSheet = lazy(() => import('./FilterSheet'));

const PAGE_SIZE = 10;
const NEAR_ME_KM = 10;

/**
 * Finding care without signing in, phone first: the results fill the first screen, the filters
 * wait in a sheet (a column beside the results on a wide screen), and what is applied shows as
 * tags a parent can remove one by one.
 */
export default function SearchPage() {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().lg === true;
  const tree = useDivisionTree();
  const [draft, setDraft] = useState<FilterDraft>({});
  const edit = (patch: Partial<FilterDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const [params, setParams] = useSearchParams();
  const { filters, page } = useMemo(() => readSearch(params), [params]);
  const centre = useMemo(
    () => (filters.lat !== undefined && filters.lng !== undefined ? { lat: filters.lat, lng: filters.lng } : null),
    [filters],
  );
  const age = useMemo(() => {
    if (!filters.birthDate) return null;
    const onDate = filters.startDate ?? todayInShanghai(new Date());
    return { onDate, months: ageInMonths(filters.birthDate, onDate), fits: classTypesForAge(filters.birthDate, onDate) };
  }, [filters]);
  const [geoNote, setGeoNote] = useState<string | null>(null);
  const [showMap, setShowMap] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [sheetUsed, setSheetUsed] = useState(false);
  const options = useMemo(() => divisionOptions(tree.data?.tree ?? []), [tree.data]);
  const names = useMemo(() => divisionNames(tree.data?.tree ?? []), [tree.data]);
  const tags = activeFilters(filters, { t, divisions: names });

  // The form shows the search in the address, also after going back or forward to another one.
  useEffect(() => {
    const { division, birthDate, startDate, feeFrom, feeTo, serviceForm, q, vacancy, inclusive, noOpenRectification } = filters;
    setDraft({ division, birthDate, startDate, feeFrom, feeTo, serviceForm, q, vacancy, inclusive, noOpenRectification });
  }, [filters]);

  const search = useInstitutionSearch({ ...filters, page, pageSize: PAGE_SIZE }, { keepPrevious: true });
  // Asked once the results are in, for the page shown: the results never wait on it.
  const shownIds = useMemo(() => search.data?.items.map((item) => item.id) ?? [], [search.data]);
  const inspections = useInspectionStatuses(shownIds);
  const go = (next: SearchFilters) => setParams(searchAddress(next));

  function nearMe() {
    // The browser asks the parent first; if they refuse or it fails, the township filter stays in use.
    if (!navigator.geolocation) return setGeoNote(t('search.geoUnavailable'));
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setGeoNote(null);
        go({ ...filters, division: undefined, lat: pos.coords.latitude, lng: pos.coords.longitude, radiusKm: NEAR_ME_KM });
      },
      () => setGeoNote(t('search.geoDenied')),
      { timeout: 8000 },
    );
  }

  function apply(values: FilterDraft) {
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    const birthDate = text(values.birthDate);
    const division = text(values.division);
    // A township picked replaces the point; otherwise a point searched stays.
    const where = division || !centre ? { division } : { ...centre, radiusKm: filters.radiusKm ?? NEAR_ME_KM };
    go({
      ...where,
      birthDate,
      startDate: birthDate ? text(values.startDate) : undefined,
      vacancy: values.vacancy === true,
      inclusive: values.inclusive === true,
      noOpenRectification: values.noOpenRectification === true,
      q: text(values.q),
      feeFrom: num(values.feeFrom),
      feeTo: num(values.feeTo),
      serviceForm: ServiceForm.find((f) => f === values.serviceForm),
    });
    setSheetOpen(false);
  }

  const fields = (
    <Suspense fallback={<PageLoading />}>
      <FilterFields values={draft} onChange={edit} options={options} loading={tree.isPending} onApply={() => apply(draft)} />
    </Suspense>
  );
  const results = (
    <Flex vertical gap={8}>
      {tags.length > 0 && (
        <Flex wrap gap={4} data-testid="active-filters">
          {tags.map((tag) => (
            <Tag key={tag.key} closable onClose={() => go(tag.without)} style={{ marginInlineEnd: 0 }}>
              {tag.label}
            </Tag>
          ))}
        </Flex>
      )}
      {geoNote && <Typography.Text type="secondary">{geoNote}</Typography.Text>}
      {age && age.fits.length === 0 && (
        <Alert
          type="info"
          showIcon
          title={t(age.months < ClassStandard.infant.minAgeMonths ? 'search.ageTooYoung' : 'search.ageTooOld', {
            date: age.onDate,
            min: ClassStandard.infant.minAgeMonths,
          })}
        />
      )}
      {search.isError && <LoadError error={search.error} onRetry={() => void search.refetch()} />}
      {search.isPending && <PageLoading />}
      {search.data && (
        <>
          <Typography.Text type="secondary" data-testid="search-total">
            {t('search.total', { count: search.data.total })} · {t(`search.order.${search.data.order}`)}
          </Typography.Text>
          {showMap && search.data.items.length > 0 && (
            <Suspense fallback={<PageLoading />}>
              <ResultsMap
                points={search.data.items}
                centre={centre}
                onSearchArea={(area) => go({ ...filters, division: undefined, ...area })}
              />
            </Suspense>
          )}
          {search.data.items.length === 0 ? (
            <Empty description={t('search.none')} />
          ) : (
            <ul aria-label={t('search.results')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {search.data.items.map((item) => (
                <ResultCard key={item.id} item={item} divisions={names} fits={age?.fits} inspection={inspections.data?.get(item.id)} />
              ))}
            </ul>
          )}
          <Pager page={page} pageSize={PAGE_SIZE} total={search.data.total} onChange={(p) => setParams(searchAddress(filters, p))} />
        </>
      )}
    </Flex>
  );

  return (
    // Every filter of the search, also those whose fields are not shown yet (the sheet not opened).
    <form
      onSubmit={(event) => {
        event.preventDefault();
        apply(draft);
      }}
      aria-label={t('search.filters')}
    >
      <Flex vertical gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('search.title')}
        </Typography.Title>
        <Flex gap={8}>
          <div style={{ flex: 1, minWidth: 0 }}>
            <TextInput
              aria-label={t('search.keyword')}
              placeholder={t('search.keywordHint')}
              enterKeyHint="search"
              value={draft.q ?? ''}
              onChange={(e) => edit({ q: e.target.value })}
              onClear={() => edit({ q: undefined })}
              clearLabel={t('search.clearKeyword')}
            />
          </div>
          <Button type="primary" htmlType="submit">
            {t('search.submit')}
          </Button>
        </Flex>
        <Flex wrap gap={8}>
          {!wide && (
            <Button
              onClick={() => {
                setSheetUsed(true);
                setSheetOpen(true);
              }}
              data-testid="open-filters"
            >
              {tags.length > 0 ? t('search.filterButtonCount', { count: tags.length }) : t('search.filterButton')}
            </Button>
          )}
          <Button onClick={nearMe}>{t('search.nearMe')}</Button>
          <Button onClick={() => setShowMap((v) => !v)} aria-pressed={showMap} data-testid="toggle-map">
            {showMap ? t('search.hideMap') : t('search.showMap')}
          </Button>
        </Flex>
        {wide ? (
          <Row gutter={16} wrap={false}>
            <Col flex="300px">
              <Panel>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {t('search.filters')}
                </Typography.Title>
                {fields}
              </Panel>
            </Col>
            <Col flex="auto" style={{ minWidth: 0 }}>
              {results}
            </Col>
          </Row>
        ) : (
          <>
            {results}
            {sheetUsed && (
              <Suspense fallback={null}>
                <FilterSheet open={sheetOpen} onClose={() => setSheetOpen(false)} title={t('search.filters')}>
                  {fields}
                </FilterSheet>
              </Suspense>
            )}
          </>
        )}
      </Flex>
    </form>
  );
}
