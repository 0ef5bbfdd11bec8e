import { isIsoDate } from '../../../domain/dates/shanghai.ts';
import { ServiceForm } from '../../../domain/institutions/vocabulary.ts';
import type { SearchQueryInput } from './api';

export type SearchFilters = Omit<SearchQueryInput, 'page' | 'pageSize'>;

const TEXTS = ['division', 'q'] as const;
const DATES = ['birthDate', 'startDate'] as const;
const NUMBERS = ['lat', 'lng', 'radiusKm', 'feeFrom', 'feeTo'] as const;
const FLAGS = ['vacancy', 'inclusive', 'noOpenRectification'] as const;

/**
 * The search as the address holds it, under the API's own names: a shared or bookmarked
 * /search?q=lyg&inclusive=true shows that search, and coming back from an institution's page
 * shows the same results. What is not a date or a number where one is meant, or not a service form,
 * is left out; the server checks the rest and says what is wrong.
 */
export function readSearch(params: URLSearchParams): { filters: SearchFilters; page: number } {
  const filters: SearchFilters = {};
  for (const key of TEXTS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  // The page works out the child's age from these, so only calendar dates get through.
  for (const key of DATES) {
    const value = params.get(key)?.trim();
    if (isIsoDate(value)) filters[key] = value;
  }
  for (const key of NUMBERS) {
    const value = params.get(key)?.trim();
    if (value && Number.isFinite(Number(value))) filters[key] = Number(value);
  }
  for (const key of FLAGS) if (params.get(key) === 'true') filters[key] = true;
  const form = ServiceForm.find((f) => f === params.get('serviceForm'));
  if (form) filters.serviceForm = form;
  return { filters, page: Math.max(1, Math.floor(Number(params.get('page'))) || 1) };
}

export function searchAddress(filters: SearchFilters, page = 1): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of [...TEXTS, ...DATES, ...NUMBERS, ...FLAGS, 'serviceForm'] as const) {
    const value = filters[key];
    if (value !== undefined && value !== false && value !== '') params.set(key, String(value));
  }
  if (page > 1) params.set('page', String(page));
  return params;
}
