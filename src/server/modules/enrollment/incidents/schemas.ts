import { z } from 'zod';
import { Id, Instant } from '../common/schemas.ts';

export const IncidentKind = z
  .enum(['fall', 'injury', 'choking', 'allergy', 'other'])
  .describe('fall 跌倒 · injury 受伤 · choking 噎食/窒息 · allergy 过敏 · other 其他');

const Text = z.string().trim().min(1).max(2000);

/** 意外事件 — what happened, to which children, what was done, when the parents were told. */
export const NewIncident = z.object({
  occurredAt: Instant,
  childIds: z
    .array(Id)
    .min(1)
    .max(30)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'children.duplicate' }),
  kind: IncidentKind,
  description: Text,
  actionTaken: Text.describe('处置措施'),
  parentsInformedAt: Instant.nullable().default(null).describe('When the parents were told; null until they are'),
});
export type NewIncident = z.infer<typeof NewIncident>;

/** Later facts: the parents were told, or more was done. */
export const IncidentUpdate = z
  .object({ parentsInformedAt: Instant.optional(), actionTaken: Text.optional(), description: Text.optional() })
  .refine((u) => Object.keys(u).length > 0, { message: 'update.empty' });
export type IncidentUpdate = z.infer<typeof IncidentUpdate>;

export const IncidentView = z.object({
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  occurredAt: z.string(),
  kind: IncidentKind,
  description: z.string(),
  actionTaken: z.string(),
  parentsInformedAt: z.string().nullable(),
  children: z.array(z.object({ id: z.string(), name: z.string() })).describe('Only the children the caller may see'),
  reportedByName: z.string(),
  reportedAt: z.string(),
});
export type IncidentView = z.infer<typeof IncidentView>;
