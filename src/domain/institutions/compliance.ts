import { type ClassSettings, type ClassType, classRule, requiredCaregivers } from '../classes/classTypes.ts';
import type { IsoDate } from '../dates/shanghai.ts';
import type { Fen } from '../money/fen.ts';
import type { CertificateKind, StaffRole } from './vocabulary.ts';

/**
 * Settings for the checks no national figure fixes. childcare-rules.md: no national per-child
 * indoor or outdoor area was confirmed, so both are settings a province sets; these defaults
 * are this platform's, chosen low so that only a clear shortfall is flagged. Mixed-age classes
 * have no national ratio (default 1 : 5, see ClassStandard), and provinces may override sizes
 * and ratios through `classSettings`.
 */
export type ComplianceSettings = {
  /** Least indoor floor area per place, m². */
  indoorM2PerPlace: number;
  /** Least outdoor play area per place, m². */
  outdoorM2PerPlace: number;
  classSettings?: ClassSettings;
};

export const DEFAULT_COMPLIANCE_SETTINGS: ComplianceSettings = { indoorM2PerPlace: 3, outdoorM2PerPlace: 2 };

export type ComplianceStaff = {
  id: string;
  role: StaffRole;
  certificates: { kind: CertificateKind; expiresOn: IsoDate | null }[];
};

export type ComplianceClass = {
  id: string;
  classType: ClassType;
  capacity: number;
  /** Children enrolled now (0 until enrollment exists). */
  enrolled: number;
  caregiverIds: string[];
};

export type ComplianceInput = {
  indoorAreaM2: number | null;
  outdoorAreaM2: number | null;
  classes: ComplianceClass[];
  /** Staff employed now. */
  staff: ComplianceStaff[];
  fees: Partial<Record<ClassType, Fen>>;
  /** Caps of the inclusive agreement in force, if any. */
  priceCaps: Partial<Record<ClassType, Fen>> | null;
};

export const ComplianceCode = [
  'class_over_maximum',
  'caregiver_ratio_below_standard',
  'class_without_qualified_caregiver',
  'indoor_area_below_minimum',
  'outdoor_area_below_minimum',
  'health_certificate_expired',
  'health_certificate_missing',
  'fee_above_cap',
] as const;
export type ComplianceCode = (typeof ComplianceCode)[number];

export type ComplianceProblem =
  | { code: 'class_over_maximum'; classId: string; classType: ClassType; size: number; maximum: number }
  | {
      code: 'caregiver_ratio_below_standard';
      classId: string;
      classType: ClassType;
      children: number;
      caregivers: number;
      required: number;
    }
  | { code: 'class_without_qualified_caregiver'; classId: string; classType: ClassType }
  | { code: 'indoor_area_below_minimum' | 'outdoor_area_below_minimum'; m2PerPlace: number; minimum: number }
  | { code: 'health_certificate_expired'; staffId: string; expiredOn: IsoDate }
  | { code: 'health_certificate_missing'; staffId: string }
  | { code: 'fee_above_cap'; classType: ClassType; feeFen: Fen; capFen: Fen };

/** 托育机构设置标准（试行）: caregivers and health-care staff hold a health certificate, renewed yearly. */
const NEEDS_HEALTH_CERTIFICATE: readonly StaffRole[] = ['caregiver', 'health_worker'];

/** The certificate of this kind that lasts longest (null expiry = never expires), or undefined. */
function bestCertificate(staff: ComplianceStaff, kind: CertificateKind) {
  const held = staff.certificates.filter((c) => c.kind === kind);
  return held.find((c) => c.expiresOn === null) ?? held.sort((a, b) => ((a.expiresOn ?? '') < (b.expiresOn ?? '') ? 1 : -1))[0];
}

function isValidOn(certificate: { expiresOn: IsoDate | null } | undefined, today: IsoDate): boolean {
  return certificate !== undefined && (certificate.expiresOn === null || certificate.expiresOn >= today);
}

/**
 * A qualified caregiver (托育机构设置标准（试行）): a caregiver with a childcare qualification
 * and a health certificate, both valid today.
 */
export function isQualifiedCaregiver(staff: ComplianceStaff, today: IsoDate): boolean {
  return (
    staff.role === 'caregiver' &&
    isValidOn(bestCertificate(staff, 'caregiver_qualification'), today) &&
    isValidOn(bestCertificate(staff, 'health'), today)
  );
}

/**
 * Every compliance problem of an institution on `today`, computed from its facts — never typed
 * in. Class size is the larger of places and children enrolled, and ratios are checked at that
 * size, because a filing promises its places are staffed (托育机构设置标准（试行）, NHC 2019:
 * class sizes and caregiver ratios per class type).
 */
export function complianceProblems(input: ComplianceInput, today: IsoDate, settings: ComplianceSettings): ComplianceProblem[] {
  const problems: ComplianceProblem[] = [];
  const staffById = new Map(input.staff.map((s) => [s.id, s]));

  for (const c of input.classes) {
    const rule = classRule(c.classType, settings.classSettings);
    const size = Math.max(c.capacity, c.enrolled);
    if (size > rule.maxChildren) {
      problems.push({ code: 'class_over_maximum', classId: c.id, classType: c.classType, size, maximum: rule.maxChildren });
    }
    const caregivers = c.caregiverIds.map((id) => staffById.get(id)).filter((s) => s?.role === 'caregiver') as ComplianceStaff[];
    const required = requiredCaregivers(c.classType, size, settings.classSettings);
    if (caregivers.length < required) {
      problems.push({
        code: 'caregiver_ratio_below_standard',
        classId: c.id,
        classType: c.classType,
        children: size,
        caregivers: caregivers.length,
        required,
      });
    }
    if (!caregivers.some((s) => isQualifiedCaregiver(s, today))) {
      problems.push({ code: 'class_without_qualified_caregiver', classId: c.id, classType: c.classType });
    }
  }

  const places = input.classes.reduce((sum, c) => sum + c.capacity, 0);
  if (places > 0) {
    const areas = [
      ['indoor_area_below_minimum', input.indoorAreaM2, settings.indoorM2PerPlace],
      ['outdoor_area_below_minimum', input.outdoorAreaM2, settings.outdoorM2PerPlace],
    ] as const;
    for (const [code, area, minimum] of areas) {
      if (area === null) continue;
      const m2PerPlace = Math.round((area / places) * 100) / 100;
      if (area / places < minimum) problems.push({ code, m2PerPlace, minimum });
    }
  }

  for (const s of input.staff) {
    if (!NEEDS_HEALTH_CERTIFICATE.includes(s.role)) continue;
    const health = bestCertificate(s, 'health');
    if (!health) problems.push({ code: 'health_certificate_missing', staffId: s.id });
    else if (!isValidOn(health, today))
      problems.push({ code: 'health_certificate_expired', staffId: s.id, expiredOn: health.expiresOn as IsoDate });
  }

  // NDRC/NHC 〔2024〕1477号: an inclusive institution charges within its agreed price.
  if (input.priceCaps) {
    const offered = new Set(input.classes.map((c) => c.classType));
    for (const [classType, capFen] of Object.entries(input.priceCaps) as [ClassType, Fen][]) {
      const feeFen = input.fees[classType];
      if (offered.has(classType) && feeFen !== undefined && feeFen > capFen) {
        problems.push({ code: 'fee_above_cap', classType, feeFen, capFen });
      }
    }
  }
  return problems;
}
