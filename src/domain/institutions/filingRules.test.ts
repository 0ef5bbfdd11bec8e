import { describe, expect, it } from 'vitest';
import { isCurrent } from './designations.ts';
import { applicableChecklist, requiredDocuments, unconfirmedItems } from './filingChecklist.ts';
import { changedKeyFacts, type KeyFactValues } from './keyFacts.ts';
import { formatReceiptNumber, parseReceiptNumber } from './receiptNumber.ts';

describe('filing receipt numbers', () => {
  it('reads district, year and a four-digit sequence', () => {
    expect(formatReceiptNumber('320706', 2026, 1)).toBe('320706-2026-0001');
    expect(formatReceiptNumber('320706', 2026, 12345)).toBe('320706-2026-12345');
    expect(parseReceiptNumber('320706-2026-0042')).toEqual({ districtCode: '320706', year: 2026, sequence: 42 });
    expect(parseReceiptNumber('连海托备〔2026〕0001')).toBeUndefined();
    expect(() => formatReceiptNumber('320706001', 2026, 1)).toThrow(RangeError);
    expect(() => formatReceiptNumber('320706', 2026, 0)).toThrow(RangeError);
  });
});

describe('filing checklist', () => {
  it('asks for the food licence only where meals are served', () => {
    expect(requiredDocuments(false)).toEqual(['registration_certificate', 'premises_proof', 'health_evaluation', 'fire_safety']);
    expect(requiredDocuments(true)).toContain('food_licence');
    expect(applicableChecklist(false).map((c) => c.item)).not.toContain('food_licence');
  });

  it('lists the items not confirmed', () => {
    const all = Object.fromEntries(applicableChecklist(false).map((c) => [c.item, true]));
    expect(unconfirmedItems(false, all)).toEqual([]);
    expect(unconfirmedItems(true, all)).toEqual(['food_licence']);
    expect(unconfirmedItems(false, { ...all, fees: false })).toEqual(['fees']);
  });
});

describe('key facts', () => {
  const filed: KeyFactValues = {
    name: '新苗托育园',
    creditCode: '52320706MJ5000001X',
    operatorType: 'private_nonprofit',
    address: '海州区新浦路1号',
    divisionCode: '320706006',
    location: { lat: 34.6, lng: 119.2 },
    indoorAreaM2: 300,
    outdoorAreaM2: 100,
    servesMeals: true,
    facilities: ['户外游戏场', '监控'],
    description: '全日托，提供午餐',
    classes: [
      { id: 'a', classType: 'toddler', name: '托小一班', capacity: 15 },
      { id: 'b', classType: 'older_toddler', name: '托大一班', capacity: 20 },
    ],
  };

  it('finds what changed, ignoring the order of classes', () => {
    expect(changedKeyFacts({ ...filed, classes: [...filed.classes].reverse() }, filed)).toEqual([]);
    expect(changedKeyFacts({ ...filed, name: '新苗托育中心', location: { lat: 34.61, lng: 119.2 } }, filed)).toEqual(['name', 'location']);
    const smaller = filed.classes.map((c) => (c.id === 'a' ? { ...c, capacity: 12 } : c));
    expect(changedKeyFacts({ ...filed, classes: smaller }, filed)).toEqual(['classes']);
    expect(changedKeyFacts({ ...filed, classes: filed.classes.slice(1) }, filed)).toEqual(['classes']);
    expect(changedKeyFacts({ ...filed, facilities: ['户外游戏场'], description: '招生咨询请访问 http://spam.example' }, filed)).toEqual([
      'facilities',
      'description',
    ]);
  });
});

describe('designations in force', () => {
  const term = { kind: 'inclusive' as const, level: null, validFrom: '2026-01-01', validTo: '2028-12-31', revokedOn: null };
  it('counts the first and last day and stops on the day of revocation', () => {
    expect(isCurrent(term, '2025-12-31')).toBe(false);
    expect(isCurrent(term, '2026-01-01')).toBe(true);
    expect(isCurrent(term, '2028-12-31')).toBe(true);
    expect(isCurrent(term, '2029-01-01')).toBe(false);
    expect(isCurrent({ ...term, revokedOn: '2026-06-01' }, '2026-05-31')).toBe(true);
    expect(isCurrent({ ...term, revokedOn: '2026-06-01' }, '2026-06-01')).toBe(false);
  });
});
