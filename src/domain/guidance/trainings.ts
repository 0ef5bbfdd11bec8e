import { compareIso, type IsoDate } from '../dates/shanghai.ts';

export const TRAINING_AUDIENCES = ['director', 'staff', 'all'] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];
export const TRAINING_DELIVERIES = ['venue', 'online'] as const;
export type TrainingDelivery = (typeof TRAINING_DELIVERIES)[number];
export const ENROLMENT_STATUSES = ['enrolled', 'completed', 'withdrawn'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** The city's yearly training hours per member of staff when no setting says otherwise. */
export const DEFAULT_YEARLY_TRAINING_HOURS = 20;

/**
 * Staff roles who are trained and whose hours count: the director, caregivers and the health
 * worker. Security, kitchen and other staff are not held to the yearly hours.
 */
export const TRAINED_ROLES = ['director', 'caregiver', 'health_worker'] as const;
export const isTrainedRole = (role: string) => (TRAINED_ROLES as readonly string[]).includes(role);

/** Who a training is open to: a director training is for directors; a staff training for everyone else. */
export function audienceIncludes(audience: TrainingAudience, staffRole: string): boolean {
  if (audience === 'all') return true;
  return audience === 'director' ? staffRole === 'director' : staffRole !== 'director';
}

/** Hours rounded to one decimal, as stored (numeric(5,1)): 0.1 + 0.2 is 0.3, not 0.30000000000000004. */
export const roundHours = (hours: number) => Math.round(hours * 10) / 10;

/** Hours a person attended: the sum over the sessions marked attended. */
export function hoursAttended(sessions: { hours: number; attended: boolean }[]): number {
  return roundHours(sessions.reduce((sum, s) => sum + (s.attended ? s.hours : 0), 0));
}

export type Completion = { allowed: true } | { allowed: false; reason: 'not_enrolled' | 'short'; attended: number; required: number };

/** A training is completed once its required hours are attended; a withdrawn or completed enrolment cannot complete again. */
export function completionAllowed(status: EnrolmentStatus, attended: number, required: number): Completion {
  if (status !== 'enrolled') return { allowed: false, reason: 'not_enrolled', attended, required };
  if (roundHours(attended) < roundHours(required)) return { allowed: false, reason: 'short', attended, required };
  return { allowed: true };
}

export type QualificationState = 'valid' | 'expired' | 'missing';

/**
 * A caregiver's childcare qualification (保育师 / 育婴员) on a day: missing when none is held,
 * expired when every one held expired before that day, valid otherwise (no expiry: valid).
 */
export function qualificationState(certificates: { expiresOn: IsoDate | null }[], today: IsoDate): QualificationState {
  if (certificates.length === 0) return 'missing';
  return certificates.some((c) => c.expiresOn === null || compareIso(c.expiresOn, today) >= 0) ? 'valid' : 'expired';
}

/** Only caregivers need the childcare qualification; other roles are not asked for it. */
export const needsQualification = (role: string) => role === 'caregiver';

export type StaffHours = {
  staffId: string;
  name: string;
  role: string;
  institutionId: string;
  institutionName: string;
  hours: number;
  qualification: QualificationState;
};

export type InstitutionShortfall = {
  institutionId: string;
  institutionName: string;
  /** Trained staff below the yearly hours. */
  short: { staffId: string; name: string; hours: number }[];
  /** Caregivers whose qualification is missing or expired. */
  unqualified: { staffId: string; name: string; qualification: 'missing' | 'expired' }[];
};

/**
 * Institutions whose trained staff fall short of the yearly hours or whose caregivers lack a
 * valid qualification; institutions with neither are left out. Sorted by how many people are
 * named, most first, then by name.
 */
export function shortfall(staff: StaffHours[], yearlyHours: number): InstitutionShortfall[] {
  const byInstitution = new Map<string, InstitutionShortfall>();
  for (const s of staff) {
    const short = isTrainedRole(s.role) && roundHours(s.hours) < yearlyHours;
    const unqualified = needsQualification(s.role) && s.qualification !== 'valid';
    if (!short && !unqualified) continue;
    let entry = byInstitution.get(s.institutionId);
    if (!entry) {
      entry = { institutionId: s.institutionId, institutionName: s.institutionName, short: [], unqualified: [] };
      byInstitution.set(s.institutionId, entry);
    }
    if (short) entry.short.push({ staffId: s.staffId, name: s.name, hours: roundHours(s.hours) });
    if (unqualified) entry.unqualified.push({ staffId: s.staffId, name: s.name, qualification: s.qualification as 'missing' | 'expired' });
  }
  const count = (e: InstitutionShortfall) => new Set([...e.short, ...e.unqualified].map((p) => p.staffId)).size;
  return [...byInstitution.values()].sort((a, b) => count(b) - count(a) || a.institutionName.localeCompare(b.institutionName, 'zh-CN'));
}

/**
 * A name as the public check shows it: the middle hidden (张*华), a two-character name's second
 * (李*), a one-character name as it is; a Latin name keeps its first letter of each word.
 */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (/\s/.test(trimmed))
    return trimmed
      .split(/\s+/)
      .map((w) => `${w[0]}*`)
      .join(' ');
  const chars = Array.from(trimmed);
  if (chars.length <= 1) return trimmed;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** The certificate number printed on it: PX2026-000123. */
export function certificateNumber(year: number, serial: number): string {
  return `PX${year}-${String(serial).padStart(6, '0')}`;
}

/** The page that checks a training certificate; the code after `#` never reaches a server. */
export const trainingVerifyPath = (code: string) => `/verify/training-certificates#${code}`;
