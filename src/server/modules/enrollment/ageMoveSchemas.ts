import { z } from 'zod';
import { ClassTypeName } from './careSchemas.ts';

/** One move a child's age asks for in the month (src/domain/enrollment/ageMoves.ts). */
export const AgeMoveView = z.object({
  enrolmentId: z.string(),
  childId: z.string(),
  childName: z.string(),
  birthDate: z.string(),
  classId: z.string(),
  className: z.string(),
  classType: ClassTypeName,
  kind: z.enum(['move_up', 'leave']).describe('move_up 升班 · leave 满3岁离园（或转入幼儿园托班）'),
  months: z.number().int().describe('12, 24 or 36'),
  on: z.string().describe('The day the child reaches that age'),
  toClassType: ClassTypeName.nullable(),
});
