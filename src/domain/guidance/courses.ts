import { ageInMonths } from '../dates/childAge.ts';
import { compareIso, type IsoDate } from '../dates/shanghai.ts';

export const COURSE_KINDS = ['center_class', 'expert_lecture', 'parent_class'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];
export const AUDIENCES = ['child', 'parent'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const DELIVERIES = ['venue', 'live', 'recorded'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** An age band in completed months, from inclusive to exclusive. */
export type AgeBand = { fromMonths: number; toMonths: number };

/** The guidance center's classes by age (医育结合): 爬爬班, 走走班, 跳跳班. */
export const CENTER_CLASS_BANDS = {
  crawling: { name: '爬爬班', fromMonths: 6, toMonths: 12 },
  walking: { name: '走走班', fromMonths: 12, toMonths: 24 },
  jumping: { name: '跳跳班', fromMonths: 24, toMonths: 36 },
} as const;

export type AgeFit = { fits: true; months: number } | { fits: false; reason: 'notBorn' | 'tooYoung' | 'tooOld'; months: number | null };

/** Whether a child is of the band's age on the session's date (age in completed months that day). */
export function ageFitsBand(birthDate: IsoDate, sessionDate: IsoDate, band: AgeBand): AgeFit {
  if (compareIso(sessionDate, birthDate) < 0) return { fits: false, reason: 'notBorn', months: null };
  const months = ageInMonths(birthDate, sessionDate);
  if (months < band.fromMonths) return { fits: false, reason: 'tooYoung', months };
  if (months >= band.toMonths) return { fits: false, reason: 'tooOld', months };
  return { fits: true, months };
}

/** Whether a lecture's online address is https on one of the allowed hosts (or a subdomain of one). */
export function isAllowedOnlineUrl(url: string, hosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  const host = parsed.hostname.toLowerCase();
  return hosts.some((h) => host === h || host.endsWith(`.${h}`));
}
