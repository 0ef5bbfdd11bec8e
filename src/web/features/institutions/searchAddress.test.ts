import { describe, expect, it } from 'vitest';
import { readSearch, searchAddress } from './searchAddress';

describe('the public search in the address', () => {
  it('reads a shared link under the API’s own names', () => {
    const { filters, page } = readSearch(new URLSearchParams('q=lyg&inclusive=true&vacancy=false&lat=34.6&lng=119.22&radiusKm=5&page=3'));
    expect(filters).toEqual({ q: 'lyg', inclusive: true, lat: 34.6, lng: 119.22, radiusKm: 5 });
    expect(page).toBe(3);
  });

  it('gives back the same search it wrote', () => {
    const filters = {
      division: '320706001',
      birthDate: '2025-03-01',
      startDate: '2026-09-01',
      vacancy: true,
      q: '阳光',
      feeFrom: 0,
      feeTo: 2500,
      serviceForm: 'hourly' as const,
    };
    const address = searchAddress(filters, 2);
    expect(readSearch(new URLSearchParams(address.toString()))).toEqual({ filters, page: 2 });
  });

  it('leaves out what is not a date, a number, a service form or a page', () => {
    const { filters, page } = readSearch(
      new URLSearchParams('birthDate=2026-02-30&startDate=soon&lat=abc&lng=&feeTo=1e3&q=%20%20&serviceForm=overnight&page=-2'),
    );
    expect(filters).toEqual({ feeTo: 1000 });
    expect(page).toBe(1);
  });

  it('writes nothing for an empty search on its first page', () => {
    expect(searchAddress({ vacancy: false, q: '' }, 1).toString()).toBe('');
  });
});
