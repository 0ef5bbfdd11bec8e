import { z } from 'zod';
import { ChoiceAction, ChoiceStatus } from '../../../../domain/enrollment/applicationWorkflow.ts';
import { WaitlistPriority } from '../../../../domain/enrollment/waitlist.ts';
import { IsoDate } from '../../children/index.ts';
import { ClassTypeName } from '../common/schemas.ts';

export const NewApplication = z.object({
  childId: z.uuid({ message: 'id.invalid' }),
  institutionIds: z
    .array(z.uuid({ message: 'id.invalid' }))
    .min(1)
    .max(3)
    .describe('1–3 institutions, in order of preference'),
  startDate: IsoDate,
  siblingAttends: z.boolean().default(false).describe('A sibling already attends the first-choice institution'),
  staffChild: z.boolean().default(false),
});
export type NewApplication = z.infer<typeof NewApplication>;

export const ApplicationParams = z.object({ id: z.uuid({ message: 'id.invalid' }) });
export const InstitutionParams = z.object({ id: z.uuid({ message: 'id.invalid' }) });

export const Offer = z.object({
  classId: z.uuid({ message: 'id.invalid' }),
  expiresAt: z.iso.datetime({ offset: true }).describe('When the offer lapses (ISO 8601 with offset)'),
});

/** Which choice the guardian acts on when several institutions made offers. */
export const ParentDecision = z.object({ institutionId: z.uuid({ message: 'id.invalid' }).optional() }).default({});

export const ChoiceView = z.object({
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  rank: z.number().int(),
  status: z.enum(ChoiceStatus),
  waitlistPosition: z.number().int().nullable(),
  offer: z.object({ classId: z.string(), className: z.string(), classType: z.string(), expiresAt: z.string() }).nullable(),
  allowedActions: z.array(z.enum(ChoiceAction)).describe('What the caller may do next'),
});

export const ApplicationView = z.object({
  id: z.string(),
  childId: z.string(),
  childName: z.string(),
  startDate: z.string(),
  siblingAttends: z.boolean(),
  staffChild: z.boolean(),
  createdAt: z.string(),
  choices: z.array(ChoiceView),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const BoardItem = z.object({
  applicationId: z.string(),
  choiceId: z.string(),
  childId: z.string(),
  childName: z.string(),
  birthDate: z.string(),
  startDate: z.string(),
  ageMonthsAtStart: z.number().int(),
  classTypes: z.array(z.string()).describe('Class types the child fits on the start date'),
  rank: z.number().int(),
  status: z.enum(ChoiceStatus),
  priorities: z.array(z.enum(WaitlistPriority)).describe('The stated priorities the application holds, in the stated order'),
  waitlistPosition: z.number().int().nullable(),
  appliedAt: z.string(),
  offer: z.object({ classId: z.string(), className: z.string(), expiresAt: z.string() }).nullable(),
  placedHere: z.boolean().describe('The child holds a place at this institution now (在园)'),
  allowedActions: z.array(z.enum(ChoiceAction)),
});

const StatedPriorities = z
  .array(z.enum(WaitlistPriority))
  .describe('sibling 兄弟姐妹在园 · staff_child 职工子女 · local_resident 本乡镇街道居民; highest first');

export const Board = z.object({
  items: z.array(BoardItem),
  statedPriorities: StatedPriorities.describe('The priorities the institution states for its waitlist, highest first'),
});

/** The institution's waitlist priorities, highest first; none means application time alone. */
export const WaitlistPriorities = z.object({
  priorities: StatedPriorities.max(3).refine((list) => new Set(list).size === list.length, { message: 'priorities.duplicate' }),
});
export type WaitlistPriorities = z.infer<typeof WaitlistPriorities>;

export const EnrollmentView = z.object({
  id: z.string(),
  childId: z.string(),
  institutionId: z.string(),
  classId: z.string(),
  className: z.string(),
  classType: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
});

export const Transfer = z.object({ classId: z.uuid({ message: 'id.invalid' }) });
export const EndEnrollment = z.object({ endDate: IsoDate, reason: z.string().trim().min(1).max(200) });

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
