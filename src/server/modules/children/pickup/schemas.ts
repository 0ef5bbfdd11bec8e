import { z } from 'zod';
import { isMobilePhone } from '../../../../domain/identity/phone.ts';
import { Id } from '../common/schemas.ts';

export const PickupRelation = z
  .enum(['mother', 'father', 'grandparent', 'relative', 'nanny', 'other'])
  .describe('mother 母亲 · father 父亲 · grandparent (外)祖父母 · relative 其他亲属 · nanny 保姆 · other 其他');
export type PickupRelation = z.infer<typeof PickupRelation>;

/** 接送人 — a person a guardian authorises to collect the child. */
export const NewPickupPerson = z.object({
  name: z.string().trim().min(1).max(50),
  relation: PickupRelation,
  phone: z.string().trim().refine(isMobilePhone, { message: 'phone.invalid' }),
  residentId: z.string().trim().min(1).max(20).optional().describe('身份证号 (GB 11643), optional; stored encrypted, shown masked'),
});
export type NewPickupPerson = z.infer<typeof NewPickupPerson>;

export const PickupPersonView = z.object({
  id: z.string(),
  childId: z.string(),
  name: z.string(),
  relation: PickupRelation,
  phone: z.string(),
  residentIdMasked: z.string().nullable(),
  authorisedAt: z.string(),
  authorisedByName: z.string(),
  revokedAt: z.string().nullable(),
});
export type PickupPersonView = z.infer<typeof PickupPersonView>;

export const PickupPersonParams = z.object({ id: Id, personId: Id });
