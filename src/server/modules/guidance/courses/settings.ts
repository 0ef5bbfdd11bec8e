import { z } from 'zod';
import type { Db } from '../../../db/executor.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { readSetting } from '../../../platform/settings/settings.ts';

/** The institution that is the city's guidance center: its institution_admin and caregiver accounts are the center's staff. */
export const CENTER_KEY = 'guidance.center';
const Center = z.object({ institutionId: z.uuid() });

/** How bookings behave; the city may change each value in `settings`. */
export const COURSE_SETTINGS_KEY = 'guidance.courses';
const CourseSettings = z.object({
  /** A waiting booker has this long to confirm a freed seat. */
  offerHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14),
  /** Cancelling closes this long before the session starts. */
  cancelBeforeHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 14),
  /** Hosts a lecture's live link or recorded video may be on. */
  onlineHosts: z.array(z.string().min(1)).max(50),
});
export type CourseSettings = z.infer<typeof CourseSettings>;

export const DEFAULT_COURSE_SETTINGS: CourseSettings = {
  offerHours: 48,
  cancelBeforeHours: 24,
  onlineHosts: ['player.bilibili.com', 'live.bilibili.com', 'v.qq.com', 'channels.weixin.qq.com', 'meeting.tencent.com'],
};

export async function findCourseSettings(db: Db): Promise<CourseSettings> {
  return { ...DEFAULT_COURSE_SETTINGS, ...(await readSetting(db, COURSE_SETTINGS_KEY, CourseSettings.partial())) };
}

export async function findCenterInstitutionId(db: Db): Promise<string | null> {
  return (await readSetting(db, CENTER_KEY, Center))?.institutionId ?? null;
}

/** City officials and admins act city-wide; institution staff only if their institution is the center. */
export async function requireCourseStaff(db: Db, scope: Scope): Promise<void> {
  if (scope.cityWide) return;
  const center = await findCenterInstitutionId(db);
  if (!center || !scope.institutionIds.includes(center)) throw new AppError('FORBIDDEN');
}
