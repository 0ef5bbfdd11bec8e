import { Alert, Button, Card, Checkbox, Empty, Form, Input, InputNumber, List, Pagination, Select, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ageInMonths, ClassStandard, ClassType, classTypesForAge } from '../../../domain/classes/classTypes.ts';
import { todayInShanghai } from '../../../domain/dates/shanghai.ts';
import { ServiceForm } from '../../../domain/institutions/vocabulary.ts';
import { LoadError, PageLoading } from '../../components/PageStatus';
import type { DivisionNode } from '../geography/api';
import { useDivisionTree } from '../geography/queries';
import type { PublicSearchItem } from './api';
import { useInstitutionSearch } from './queries';
import { readSearch, type SearchFilters, searchAddress } from './searchAddress';

// The chart library is a third of the page's code: it loads only when the parent asks for the map.
const ResultsMap = lazy(() => import('./ResultsMap'));

const PAGE_SIZE = 10;
const NEAR_ME_KM = 10;

/** Each district, then its townships under it: a link may search a whole district too. */
function divisionOptions(tree: DivisionNode[]): { value: string; label: string }[] {
  return tree.flatMap((node) => {
    if (node.level === 'township') return [{ value: node.code, label: node.name }];
    const below = divisionOptions(node.children);
    if (node.level !== 'district') return below;
    return [{ value: node.code, label: node.name }, ...below.map((o) => ({ ...o, label: `${node.name} · ${o.label}` }))];
  });
}

/** Fees and vacancies per class type; with a birth date given, the types the child fits come first, marked. */
function ClassLines({ item, fits }: { item: PublicSearchItem; fits?: ClassType[] }) {
  const { t } = useTranslation();
  const offered = ClassType.filter((c) => item.monthlyFeeYuan[c] !== undefined || item.vacancies[c] !== undefined);
  const ordered = fits ? [...offered.filter((c) => fits.includes(c)), ...offered.filter((c) => !fits.includes(c))] : offered;
  return (
    <Space direction="vertical" size={0}>
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
    </Space>
  );
}

const pointOf = (f: SearchFilters) => (f.lat !== undefined && f.lng !== undefined ? { lat: f.lat, lng: f.lng } : null);

/** Finding care without signing in: a parent picks a township or shares a location, the server does the rest. */
export default function SearchPage() {
  const { t } = useTranslation();
  const tree = useDivisionTree();
  const [form] = Form.useForm();
  const [params, setParams] = useSearchParams();
  const { filters, page } = useMemo(() => readSearch(params), [params]);
  const centre = useMemo(() => pointOf(filters), [filters]);
  const age = useMemo(() => {
    if (!filters.birthDate) return null;
    const onDate = filters.startDate ?? todayInShanghai(new Date());
    return { onDate, months: ageInMonths(filters.birthDate, onDate), fits: classTypesForAge(filters.birthDate, onDate) };
  }, [filters]);
  const [point, setPoint] = useState(centre);
  const [geoNote, setGeoNote] = useState<string | null>(null);
  const [showMap, setShowMap] = useState(false);
  const options = useMemo(() => divisionOptions(tree.data?.tree ?? []), [tree.data]);

  // The form shows the search in the address, also after going back or forward to another one.
  useEffect(() => {
    const { division, birthDate, startDate, feeFrom, feeTo, serviceForm, q, vacancy, inclusive } = filters;
    form.setFieldsValue({ division, birthDate, startDate, feeFrom, feeTo, serviceForm, q, vacancy, inclusive });
    setPoint(centre);
  }, [form, filters, centre]);

  const search = useInstitutionSearch({ ...filters, page, pageSize: PAGE_SIZE }, { keepPrevious: true });

  function nearMe() {
    // The browser asks the parent first; if they refuse or it fails, the township filter stays in use.
    if (!navigator.geolocation) return setGeoNote(t('search.geoUnavailable'));
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setPoint({ lat: pos.coords.latitude, lng: pos.coords.longitude });
        setGeoNote(t('search.geoUsing'));
      },
      () => {
        setPoint(null);
        setGeoNote(t('search.geoDenied'));
      },
      { timeout: 8000 },
    );
  }

  function apply(values: Record<string, unknown>) {
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
    const birthDate = text(values.birthDate);
    const next: SearchFilters = {
      ...(point ? { ...point, radiusKm: filters.radiusKm ?? NEAR_ME_KM } : { division: text(values.division) }),
      birthDate,
      startDate: birthDate ? text(values.startDate) : undefined,
      vacancy: values.vacancy === true,
      inclusive: values.inclusive === true,
      q: text(values.q),
      feeFrom: num(values.feeFrom),
      feeTo: num(values.feeTo),
      serviceForm: ServiceForm.find((f) => f === values.serviceForm),
    };
    setParams(searchAddress(next));
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('search.title')}</Typography.Title>
      <Card>
        <Form form={form} layout="vertical" onFinish={apply} aria-label={t('search.filters')}>
          <Form.Item label={t('search.township')} name="division">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={options}
              placeholder={t('search.anyTownship')}
              loading={tree.isPending}
            />
          </Form.Item>
          <Space wrap>
            <Button onClick={nearMe}>{t('search.nearMe')}</Button>
            {point && <Button onClick={() => setPoint(null)}>{t('search.clearPoint')}</Button>}
            {geoNote && <Typography.Text type="secondary">{geoNote}</Typography.Text>}
          </Space>
          <Space wrap style={{ marginTop: 12 }}>
            <Form.Item label={t('search.birthDate')} name="birthDate">
              <Input type="date" />
            </Form.Item>
            <Form.Item label={t('search.startDate')} name="startDate">
              <Input type="date" />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item label={t('search.feeFrom')} name="feeFrom">
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item label={t('search.feeTo')} name="feeTo">
              <InputNumber min={0} />
            </Form.Item>
          </Space>
          <Form.Item label={t('search.serviceForm')} name="serviceForm">
            <Select
              allowClear
              options={ServiceForm.map((f) => ({ value: f, label: t(`registry.serviceForm.${f}`) }))}
              placeholder={t('search.anyServiceForm')}
            />
          </Form.Item>
          <Form.Item label={t('search.keyword')} name="q">
            <Input placeholder={t('search.keywordHint')} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="vacancy" valuePropName="checked" noStyle>
              <Checkbox>{t('search.vacancyOnly')}</Checkbox>
            </Form.Item>
            <Form.Item name="inclusive" valuePropName="checked" noStyle>
              <Checkbox>{t('search.inclusiveOnly')}</Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('search.submit')}
            </Button>
          </Space>
        </Form>
      </Card>
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
      {search.data && (
        <>
          <Typography.Text data-testid="search-total">{t('search.total', { count: search.data.total })}</Typography.Text>
          {search.data.items.length === 0 ? (
            <Empty description={t('search.none')} />
          ) : (
            <List
              aria-label={t('search.results')}
              dataSource={search.data.items}
              renderItem={(item) => (
                <List.Item key={item.id} data-testid="search-result">
                  <Space direction="vertical" size={2} style={{ width: '100%' }}>
                    <Space wrap>
                      <Link to={`/institutions/${item.id}`}>{item.name}</Link>
                      {item.distanceKm !== null && (
                        <Typography.Text type="secondary">{t('search.distance', { km: item.distanceKm })}</Typography.Text>
                      )}
                    </Space>
                    <Space wrap size={4}>
                      {item.designations.map((d) => (
                        <Tag color="green" key={`${d.kind}-${d.level}`}>
                          {t(`institutions.designation.${d.kind}`)}
                          {d.level ? ` · ${t(`institutions.level.${d.level}`)}` : ''}
                        </Tag>
                      ))}
                    </Space>
                    <ClassLines item={item} fits={age?.fits} />
                  </Space>
                </List.Item>
              )}
            />
          )}
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={search.data.total}
            onChange={(p) => setParams(searchAddress(filters, p))}
            showSizeChanger={false}
            size="small"
          />
          {search.data.items.length > 0 &&
            (showMap ? (
              <Suspense fallback={<PageLoading />}>
                <ResultsMap items={search.data.items} centre={centre} />
              </Suspense>
            ) : (
              <Button onClick={() => setShowMap(true)}>{t('search.showMap')}</Button>
            ))}
        </>
      )}
    </Space>
  );
}
