import { z } from 'zod';
import { DesignationKindSchema, DesignationLevelSchema, Id, IsoDate, Reason, YuanByType } from '../common/schemas.ts';

export const DesignationParams = z.object({ id: Id, designationId: Id });

export const GrantDesignationBody = z
  .object({
    kind: DesignationKindSchema,
    level: DesignationLevelSchema.optional().describe('Pilots and demonstrations: city, provincial or national; not for inclusive'),
    grantedOn: IsoDate,
    document: z.string().trim().min(1).max(200).describe('The decision document (文号), e.g. 连卫发〔2026〕12号'),
    validFrom: IsoDate,
    validTo: IsoDate.optional().describe('Last day in force; required for inclusive (the agreement period)'),
    priceCapsYuan: YuanByType.optional().describe('Inclusive only: monthly price cap per class type, yuan'),
  })
  .strict()
  .refine((d) => (d.kind === 'inclusive') === (d.level === undefined), { message: 'designation.level', path: ['level'] })
  .refine(
    (d) =>
      d.kind !== 'inclusive' ||
      (d.validTo !== undefined && d.priceCapsYuan !== undefined && Object.values(d.priceCapsYuan).some((v) => v !== undefined)),
    { message: 'designation.inclusiveTerms', path: ['priceCapsYuan'] },
  )
  .refine((d) => d.kind === 'inclusive' || d.priceCapsYuan === undefined, {
    message: 'designation.inclusiveTerms',
    path: ['priceCapsYuan'],
  })
  .refine((d) => d.validTo === undefined || d.validFrom <= d.validTo, { message: 'dates.range', path: ['validTo'] });

export const RevokeDesignationBody = z
  .object({ reason: Reason, revokedOn: IsoDate.optional().describe('Default today; in force until the day before') })
  .strict();
