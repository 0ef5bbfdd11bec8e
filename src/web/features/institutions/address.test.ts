import { describe, expect, it } from 'vitest';
import { fullAddress } from './address';

describe('an institution’s address', () => {
  it('names the district and township once when the address already does', () => {
    expect(fullAddress(['海州区', '新浦街道'], '海州区新浦街道通灌北路16号')).toBe('海州区新浦街道通灌北路16号');
  });

  it('puts the places in front of a street address that leaves them out', () => {
    expect(fullAddress(['海州区', '新浦街道'], '通灌北路16号')).toBe('海州区新浦街道通灌北路16号');
    expect(fullAddress(['海州区', '新浦街道'], '新浦街道通灌北路16号')).toBe('海州区新浦街道通灌北路16号');
  });

  it('shows what it knows when parts are missing', () => {
    expect(fullAddress([null, '新浦街道'], undefined)).toBe('新浦街道');
    expect(fullAddress([], null)).toBe('—');
  });
});
