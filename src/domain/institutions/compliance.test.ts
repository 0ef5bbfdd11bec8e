import { describe, expect, it } from 'vitest';
import {
  type ComplianceInput,
  type ComplianceStaff,
  complianceProblems,
  DEFAULT_COMPLIANCE_SETTINGS,
  isQualifiedCaregiver,
} from './compliance.ts';

const TODAY = '2026-11-29';
const caregiver = (id: string, healthExpires: string | null = '2027-06-30'): ComplianceStaff => ({
  id,
  role: 'caregiver',
  certificates: [
    { kind: 'caregiver_qualification', expiresOn: null },
    ...(healthExpires ? [{ kind: 'health' as const, expiresOn: healthExpires }] : []),
  ],
});

function institution(overrides: Partial<ComplianceInput> = {}): ComplianceInput {
  return {
    indoorAreaM2: 200,
    outdoorAreaM2: 120,
    classes: [{ id: 'c1', classType: 'toddler', capacity: 15, enrolled: 0, caregiverIds: ['s1', 's2', 's3'] }],
    staff: [
      caregiver('s1'),
      caregiver('s2'),
      caregiver('s3'),
      { id: 'h1', role: 'health_worker', certificates: [{ kind: 'health', expiresOn: '2027-01-01' }] },
    ],
    fees: { toddler: 180_000 },
    priceCaps: null,
    ...overrides,
  };
}

describe('compliance', () => {
  it('finds nothing wrong with an institution that meets the national standard', () => {
    expect(complianceProblems(institution(), TODAY, DEFAULT_COMPLIANCE_SETTINGS)).toEqual([]);
  });

  it('flags a class over the national maximum and checks the ratio at that size', () => {
    const problems = complianceProblems(
      institution({ classes: [{ id: 'c1', classType: 'infant', capacity: 12, enrolled: 0, caregiverIds: ['s1', 's2', 's3'] }] }),
      TODAY,
      DEFAULT_COMPLIANCE_SETTINGS,
    );
    expect(problems).toEqual([
      { code: 'class_over_maximum', classId: 'c1', classType: 'infant', size: 12, maximum: 10 },
      { code: 'caregiver_ratio_below_standard', classId: 'c1', classType: 'infant', children: 12, caregivers: 3, required: 4 },
    ]);
  });

  it('counts enrolled children when they exceed the places', () => {
    const problems = complianceProblems(
      institution({ classes: [{ id: 'c1', classType: 'older_toddler', capacity: 14, enrolled: 15, caregiverIds: ['s1', 's2', 's3'] }] }),
      TODAY,
      DEFAULT_COMPLIANCE_SETTINGS,
    );
    expect(problems).toEqual([]);
    const over = complianceProblems(
      institution({ classes: [{ id: 'c1', classType: 'older_toddler', capacity: 14, enrolled: 15, caregiverIds: ['s1'] }] }),
      TODAY,
      DEFAULT_COMPLIANCE_SETTINGS,
    );
    expect(over).toEqual([expect.objectContaining({ code: 'caregiver_ratio_below_standard', children: 15, caregivers: 1, required: 3 })]);
  });

  it('flags a class whose caregivers are all unqualified, and expired or missing health certificates', () => {
    const problems = complianceProblems(
      institution({
        classes: [{ id: 'c1', classType: 'toddler', capacity: 10, enrolled: 0, caregiverIds: ['s1', 's2'] }],
        staff: [caregiver('s1', '2026-11-28'), caregiver('s2', null)],
      }),
      TODAY,
      DEFAULT_COMPLIANCE_SETTINGS,
    );
    expect(problems).toEqual([
      { code: 'class_without_qualified_caregiver', classId: 'c1', classType: 'toddler' },
      { code: 'health_certificate_expired', staffId: 's1', expiredOn: '2026-11-28' },
      { code: 'health_certificate_missing', staffId: 's2' },
    ]);
  });

  it('treats a certificate as valid through its expiry day', () => {
    expect(isQualifiedCaregiver(caregiver('s1', TODAY), TODAY)).toBe(true);
    expect(isQualifiedCaregiver(caregiver('s1', '2026-11-28'), TODAY)).toBe(false);
    expect(isQualifiedCaregiver({ id: 'x', role: 'health_worker', certificates: caregiver('x').certificates }, TODAY)).toBe(false);
  });

  it('flags area per place below the settings, indoor and outdoor separately', () => {
    const problems = complianceProblems(institution({ indoorAreaM2: 40, outdoorAreaM2: 20 }), TODAY, DEFAULT_COMPLIANCE_SETTINGS);
    expect(problems).toEqual([
      { code: 'indoor_area_below_minimum', m2PerPlace: 2.67, minimum: 3 },
      { code: 'outdoor_area_below_minimum', m2PerPlace: 1.33, minimum: 2 },
    ]);
    expect(
      complianceProblems(institution({ indoorAreaM2: 40, outdoorAreaM2: 20 }), TODAY, { indoorM2PerPlace: 2, outdoorM2PerPlace: 1 }),
    ).toEqual([]);
  });

  it('flags an inclusive institution charging above its cap, for the class types it offers', () => {
    const problems = complianceProblems(
      institution({ fees: { toddler: 200_000, infant: 500_000 }, priceCaps: { toddler: 180_000, infant: 200_000 } }),
      TODAY,
      DEFAULT_COMPLIANCE_SETTINGS,
    );
    expect(problems).toEqual([{ code: 'fee_above_cap', classType: 'toddler', feeFen: 200_000, capFen: 180_000 }]);
  });

  it('applies provincial class settings', () => {
    const settings = { ...DEFAULT_COMPLIANCE_SETTINGS, classSettings: { toddler: { maxChildren: 12 } } };
    expect(complianceProblems(institution(), TODAY, settings).map((p) => p.code)).toEqual(['class_over_maximum']);
  });
});
