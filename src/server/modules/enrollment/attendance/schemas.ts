import { z } from 'zod';
import { IsoDate, PickupRelation } from '../../children/index.ts';
import { ClassTypeName, Id, Instant, Note } from '../common/schemas.ts';

/** The child as daily-care screens show it: no resident ID, no residence. */
export const ChildSummary = z.object({
  id: z.string(),
  name: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  ageMonths: z.number().int(),
});
export type ChildSummary = z.infer<typeof ChildSummary>;

export const AbsenceReason = z.enum(['sick', 'leave', 'other']).describe('sick 病假 · leave 事假 · other 其他');

/** Who collected the child at check-out: one of the child's guardians, or an authorised pick-up person. */
export const PickedUpBy = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('guardian'), userId: Id }),
    z.object({ kind: z.literal('pickup_person'), personId: Id }),
  ])
  .describe('guardian: a guardian’s user id · pickup_person: an authorised pick-up person’s id');

/**
 * The day's record for one child, written whole (PUT): present with check-in (and, later,
 * check-out with who collected the child), or absent with a reason.
 */
export const AttendanceInput = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('present'),
    checkedInAt: Instant,
    checkedOutAt: Instant.nullable().default(null),
    pickedUpBy: PickedUpBy.nullable().default(null),
    note: Note.optional(),
  }),
  z.object({ status: z.literal('absent'), reason: AbsenceReason, note: Note.optional() }),
]);
export type AttendanceInput = z.infer<typeof AttendanceInput>;

export const AttendanceView = z.object({
  childId: z.string(),
  date: z.string(),
  status: z.enum(['present', 'absent']),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  pickedUpBy: z
    .object({ kind: z.enum(['guardian', 'pickup_person']), id: z.string(), name: z.string(), relation: z.string().nullable() })
    .nullable(),
  absenceReason: AbsenceReason.nullable(),
  note: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type AttendanceView = z.infer<typeof AttendanceView>;

/** 晨检 symptoms; hand-foot-mouth disease shows as fever, rash and mouth sores. */
export const Symptom = z
  .enum(['fever', 'cough', 'rash', 'vomiting', 'diarrhoea', 'runny_nose', 'red_eyes', 'mouth_sores'])
  .describe(
    'fever 发热 · cough 咳嗽 · rash 皮疹 · vomiting 呕吐 · diarrhoea 腹泻 · runny_nose 流涕 · red_eyes 红眼 · mouth_sores 口腔疱疹',
  );

const oneDecimal = (t: number) => Math.abs(Math.round(t * 10) - t * 10) < 1e-9;

export const MorningCheckInput = z.object({
  temperatureC: z
    .number({ message: 'temperature.range' })
    .min(34, { message: 'temperature.range' })
    .max(43, { message: 'temperature.range' })
    .refine(oneDecimal, { message: 'temperature.range' })
    .describe('Body temperature in °C, 34.0–43.0, one decimal'),
  symptoms: z
    .array(Symptom)
    .max(8)
    .default([])
    .refine((s) => new Set(s).size === s.length, { message: 'symptoms.duplicate' }),
  note: Note.optional(),
});
export type MorningCheckInput = z.infer<typeof MorningCheckInput>;

export const MorningCheckView = z.object({
  childId: z.string(),
  date: z.string(),
  temperatureC: z.number(),
  symptoms: z.array(Symptom),
  note: z.string().nullable(),
  checkedByName: z.string(),
  checkedAt: z.string(),
  unwell: z
    .object({
      feverFromC: z.number().describe('The fever line in force (setting health.illnessAlerts)'),
      fever: z.boolean().describe('The temperature is at or above the line'),
      redFlags: z.array(Symptom).describe('Listed signs that send a child home at any temperature'),
    })
    .nullable()
    .describe('Set when the child should leave and the family be told (建议离园，通知家长): src/domain/health/unwellAtCheck.ts'),
});
export type MorningCheckView = z.infer<typeof MorningCheckView>;

/** The check as written, with how many guardians were told by this write (0 on a re-check of a day already told). */
export const MorningCheckRecorded = MorningCheckView.extend({
  guardiansNotified: z.number().int().describe('Guardians notified (in the app, and by SMS unless they turned it off) by this write'),
});
export type MorningCheckRecorded = z.infer<typeof MorningCheckRecorded>;

export const ClassDayQuery = z.object({
  date: IsoDate.optional().describe('YYYY-MM-DD (Asia/Shanghai); today when left out'),
});

/** The tablet screen: every child in the class that day, with the record so far and who may collect them. */
export const ClassDayView = z.object({
  class: z.object({ id: z.string(), institutionId: z.string(), name: z.string(), classType: ClassTypeName }),
  date: z.string(),
  dayOff: z
    .discriminatedUnion('kind', [z.object({ kind: z.literal('holiday'), name: z.string() }), z.object({ kind: z.literal('weekend') })])
    .nullable()
    .describe('Why the day is not a working day by the official calendar (no roll call unless the institution opened), or null'),
  counts: z.object({
    children: z.number().int(),
    present: z.number().int(),
    absent: z.number().int(),
    notRecorded: z.number().int(),
    checkedOut: z.number().int(),
  }),
  children: z.array(
    z.object({
      child: ChildSummary,
      attendance: AttendanceView.nullable(),
      morningCheck: MorningCheckView.nullable(),
      pickup: z.object({
        guardians: z.array(z.object({ userId: z.string(), name: z.string(), relation: z.string() })),
        persons: z.array(z.object({ id: z.string(), name: z.string(), relation: PickupRelation, phone: z.string() })),
      }),
    }),
  ),
});
export type ClassDayView = z.infer<typeof ClassDayView>;

/** A child's month as the parent sees it: each day with a record. */
export const ChildMonthView = z.object({
  childId: z.string(),
  month: z.string(),
  summary: z.object({
    present: z.number().int(),
    absent: z.number().int(),
    sick: z.number().int(),
    leave: z.number().int(),
    other: z.number().int(),
  }),
  days: z.array(z.object({ date: z.string(), attendance: AttendanceView.nullable(), morningCheck: MorningCheckView.nullable() })),
});
export type ChildMonthView = z.infer<typeof ChildMonthView>;
