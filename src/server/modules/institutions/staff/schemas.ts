import { z } from 'zod';
import { CertificateKindSchema, Id, IsoDate, StaffRoleSchema } from '../common/schemas.ts';

export const StaffParams = z.object({ id: Id, staffId: Id });

export const CertificateBody = z
  .object({
    kind: CertificateKindSchema,
    number: z.string().trim().max(50).optional(),
    issuedOn: IsoDate.optional(),
    expiresOn: IsoDate.optional().describe('Leave out when it does not expire; a health certificate is renewed yearly'),
  })
  .strict()
  .refine((c) => !c.issuedOn || !c.expiresOn || c.issuedOn <= c.expiresOn, { message: 'dates.range', path: ['expiresOn'] });

const StaffFields = z.object({
  name: z.string().trim().min(1).max(50),
  role: StaffRoleSchema,
  hiredOn: IsoDate.nullable(),
  certificates: z.array(CertificateBody).max(10).describe('Replaces every certificate of the person'),
});

export const CreateStaffBody = StaffFields.extend({
  hiredOn: IsoDate.optional(),
  certificates: StaffFields.shape.certificates.default([]),
}).strict();
export const UpdateStaffBody = StaffFields.partial().strict();
