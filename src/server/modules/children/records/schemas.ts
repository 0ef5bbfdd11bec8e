import { z } from 'zod';
import { DIVISION_CODE } from '../../../../domain/geography/divisionCode.ts';
import { IsoDate } from '../common/schemas.ts';

export const Relation = z.enum(['mother', 'father', 'grandparent', 'other']);

export const NewChild = z.object({
  name: z.string().trim().min(1).max(50),
  sex: z.enum(['male', 'female']),
  birthDate: IsoDate,
  residentId: z.string().trim().min(1).max(20).optional().describe('身份证号 (GB 11643); stored encrypted, shown masked'),
  residenceDivisionCode: z.string().regex(DIVISION_CODE, { message: 'division.code' }).describe('Township (乡镇街道) of residence'),
  relation: Relation,
  consent: z.literal(true).describe('The guardian agrees to the processing of the child’s data (PIPL)'),
});
export type NewChild = z.infer<typeof NewChild>;

export const ChildView = z.object({
  id: z.string(),
  name: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  ageMonths: z.number().int(),
  residentIdMasked: z.string().nullable(),
  residenceDivisionCode: z.string(),
  residenceDivisionName: z.string().nullable(),
  guardians: z.array(z.object({ name: z.string(), relation: Relation, consentedAt: z.string() })),
});
export type ChildView = z.infer<typeof ChildView>;

export const AccessLogEntry = z.object({
  at: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
});
