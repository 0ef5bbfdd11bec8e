import { z } from 'zod';
import { ClassTypeName } from '../common/schemas.ts';

export const ChildPlace = z.object({
  enrolmentId: z.string(),
  startDate: z.string().describe('First day in this class'),
  institutionId: z.string(),
  institutionName: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable().describe('The institution’s contact number'),
  opensAt: z.string().nullable().describe('HH:MM, Asia/Shanghai'),
  closesAt: z.string().nullable(),
  classId: z.string(),
  className: z.string(),
  classType: ClassTypeName,
});
export type ChildPlace = z.infer<typeof ChildPlace>;

export const CurrentPlace = z.object({
  place: ChildPlace.nullable().describe('The place held now (a child holds one at most); null when none'),
});
