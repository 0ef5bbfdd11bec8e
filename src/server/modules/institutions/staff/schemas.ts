import { z } from 'zod';
import { QualificationTitle } from '../../../../domain/institutions/vocabulary.ts';
import { CertificateKindSchema, Id, IsoDate, StaffRoleSchema } from '../common/schemas.ts';

export const StaffParams = z.object({ id: Id, staffId: Id });

export const CertificateBody = z
  .object({
    kind: CertificateKindSchema,
    number: z.string().trim().max(50).optional(),
    issuedOn: IsoDate.optional(),
    expiresOn: IsoDate.optional().describe('Leave out when it does not expire; a health certificate is renewed yearly'),
    title: z.enum(QualificationTitle).optional().describe('A childcare qualification: 保育师 childcare_worker or 育婴员 infant_carer'),
    level: z
      .number({ message: 'field.number' })
      .int({ message: 'qualification.level' })
      .min(1, { message: 'qualification.level' })
      .max(5, { message: 'qualification.level' })
      .optional()
      .describe('5 (五级) to 1 (一级), with the title'),
  })
  .strict()
  .refine((c) => !c.issuedOn || !c.expiresOn || c.issuedOn <= c.expiresOn, { message: 'dates.range', path: ['expiresOn'] })
  .refine((c) => (c.title === undefined) === (c.level === undefined), { message: 'qualification.titleAndLevel', path: ['level'] })
  .refine((c) => c.title === undefined || c.kind === 'caregiver_qualification', {
    message: 'qualification.onlyChildcare',
    path: ['title'],
  });

const StaffFields = z.object({
  name: z.string().trim().min(1).max(50),
  role: StaffRoleSchema,
  hiredOn: IsoDate.nullable(),
  certificates: z.array(CertificateBody).max(10).describe('Replaces every certificate of the person'),
  residentId: z
    .string()
    .trim()
    .max(20)
    .optional()
    .describe(
      '身份证号: required for a new caregiver, director or health worker, optional otherwise; an empty string clears it where the role allows; checked (check character, birth date, at least 16). Never returned: responses carry residentIdMasked',
    ),
});

export const CreateStaffBody = StaffFields.extend({
  hiredOn: IsoDate.optional(),
  certificates: StaffFields.shape.certificates.default([]),
}).strict();
export const UpdateStaffBody = StaffFields.partial().strict();
