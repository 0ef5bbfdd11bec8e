import { z } from 'zod';
import { ClassTypeSchema, Id } from '../common/schemas.ts';

export const ClassParams = z.object({ id: Id, classId: Id });

const ClassFields = z.object({
  classType: ClassTypeSchema,
  name: z.string().trim().min(1).max(50),
  capacity: z
    .number()
    .int()
    .min(1)
    .max(100)
    .describe(
      'Places, at most the national class size of the type (乳儿班 10, 托小班 15, 托大班 20, 混龄班 18); more is refused at this field',
    ),
  caregiverIds: z
    .array(z.uuid())
    .max(20)
    .describe('Current caregivers of this institution; one class per caregiver, so naming one moves them here'),
});

export const CreateClassBody = ClassFields.extend({ caregiverIds: ClassFields.shape.caregiverIds.default([]) }).strict();
export const UpdateClassBody = ClassFields.partial().strict();
