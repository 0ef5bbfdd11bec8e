import { z } from 'zod';
import { AUDIENCES, BOOKING_STATUSES, COURSE_KINDS, DELIVERIES } from '../../../../domain/guidance/index.ts';
import { IsoDate } from '../../children/index.ts';

const id = z.uuid({ message: 'id.invalid' });
export const IdParams = z.object({ id });
const Instant = z.iso.datetime({ offset: true, message: 'datetime.invalid' });
const Months = z.number({ message: 'field.number' }).int({ message: 'field.number' }).min(0).max(72);

export const AgeBand = z
  .object({ fromMonths: Months, toMonths: Months })
  .strict()
  .refine((b) => b.fromMonths < b.toMonths, { message: 'course.ageBand', path: ['toMonths'] });

export const NewCourse = z
  .object({
    kind: z.enum(COURSE_KINDS),
    title: z.string().trim().min(1).max(100),
    description: z.string().trim().max(2000).default(''),
    audience: z.enum(AUDIENCES),
    ageBand: AgeBand.nullable().default(null),
    delivery: z.enum(DELIVERIES),
    venue: z.string().trim().min(1).max(200).nullable().default(null),
    onlineUrl: z.string().trim().max(500).nullable().default(null),
    /** A recording's length: another site's player cannot say when it ends. */
    durationMinutes: z.number({ message: 'field.number' }).int({ message: 'field.number' }).min(1).max(600).nullable().default(null),
    priceFen: z.number({ message: 'field.number' }).int({ message: 'field.number' }).min(0).max(10_000_000).default(0),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.audience === 'child' && !c.ageBand) ctx.addIssue({ code: 'custom', path: ['ageBand'], message: 'course.ageBandRequired' });
    if (c.audience === 'parent' && c.ageBand) ctx.addIssue({ code: 'custom', path: ['ageBand'], message: 'course.ageBandForChildren' });
    if (c.delivery === 'venue' && !c.venue) ctx.addIssue({ code: 'custom', path: ['venue'], message: 'course.venueRequired' });
    if (c.delivery !== 'venue' && !c.onlineUrl) ctx.addIssue({ code: 'custom', path: ['onlineUrl'], message: 'course.onlineUrlRequired' });
    if (c.delivery === 'recorded' && !c.durationMinutes)
      ctx.addIssue({ code: 'custom', path: ['durationMinutes'], message: 'course.durationRequired' });
    if (c.delivery !== 'recorded' && c.durationMinutes)
      ctx.addIssue({ code: 'custom', path: ['durationMinutes'], message: 'course.durationForRecordings' });
  });
export type NewCourse = z.infer<typeof NewCourse>;

export const CourseQuery = z
  .object({
    audience: z.enum(AUDIENCES).optional(),
    ageMonths: z.coerce.number({ message: 'field.number' }).int({ message: 'field.number' }).min(0).max(72).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  })
  .strict();
export type CourseQuery = z.infer<typeof CourseQuery>;

export const SessionView = z.object({
  id,
  startsAt: z.string(),
  endsAt: z.string(),
  seats: z.number().int(),
  seatsLeft: z.number().int(),
  waiting: z.number().int(),
});

export const CourseView = z.object({
  id,
  kind: z.enum(COURSE_KINDS),
  title: z.string(),
  description: z.string(),
  audience: z.enum(AUDIENCES),
  ageBand: z.object({ fromMonths: z.number().int(), toMonths: z.number().int() }).nullable(),
  delivery: z.enum(DELIVERIES),
  venue: z.string().nullable(),
  /** A recording's length; the addresses of online lectures go out only to bookers who open them. */
  durationMinutes: z.number().int().nullable(),
  priceFen: z.number().int(),
  nextSessionAt: z.string().nullable(),
});
export type CourseView = z.infer<typeof CourseView>;

export const CourseDetail = CourseView.extend({ sessions: z.array(SessionView) });

export const NewSession = z
  .object({
    startsAt: Instant,
    endsAt: Instant,
    seats: z.number({ message: 'field.number' }).int({ message: 'field.number' }).min(1).max(10_000),
  })
  .strict()
  .refine((s) => new Date(s.endsAt) > new Date(s.startsAt), { message: 'session.endsBeforeStart', path: ['endsAt'] });
export type NewSession = z.infer<typeof NewSession>;

export const SessionTimeBody = z
  .object({ startsAt: Instant, endsAt: Instant })
  .strict()
  .refine((s) => new Date(s.endsAt) > new Date(s.startsAt), { message: 'session.endsBeforeStart', path: ['endsAt'] });
export type SessionTimeBody = z.infer<typeof SessionTimeBody>;

export const SeatsBody = z
  .object({ seats: z.number({ message: 'field.number' }).int({ message: 'field.number' }).min(1).max(10_000) })
  .strict();

export const BookingBody = z.object({ childId: id.optional() }).strict();

export const BookingCreated = z.object({
  id,
  status: z.enum(['confirmed', 'waitlisted']),
  position: z.number().int().optional(),
});

const LectureState = z.object({
  player: z.enum(['live', 'video', 'embed']),
  opensAt: z.string(),
  closesAt: z.string(),
  durationMinutes: z.number().int().nullable(),
  openedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** From when "finished" may be recorded, once opened; `finishUntil` null: no closing time. */
  finishFrom: z.string().nullable(),
  finishUntil: z.string().nullable(),
});

/** An opened lecture: its address with the state. */
export const LectureView = LectureState.extend({ url: z.string() });
export type LectureView = z.infer<typeof LectureView>;

export const MyBooking = z.object({
  id,
  status: z.enum(BOOKING_STATUSES),
  position: z.number().int().optional(),
  offerExpiresAt: z.string().nullable(),
  /** Shown as a QR code for check-in; only for a confirmed seat. */
  checkInCode: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  rating: z.number().int().nullable(),
  comment: z.string().nullable(),
  child: z.object({ id, name: z.string() }).nullable(),
  session: z.object({ id, startsAt: z.string(), endsAt: z.string() }),
  course: z.object({ id, title: z.string(), kind: z.enum(COURSE_KINDS), delivery: z.enum(DELIVERIES), venue: z.string().nullable() }),
  /** An online lecture's times and what was recorded of watching it; null at the venue. */
  lecture: LectureState.nullable(),
  canCancel: z.boolean(),
  canRate: z.boolean(),
});

export const RosterEntry = z.object({
  id,
  status: z.enum(BOOKING_STATUSES),
  position: z.number().int().optional(),
  bookerName: z.string(),
  childName: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  rating: z.number().int().nullable(),
});

export const Roster = z.object({
  session: SessionView,
  course: z.object({ id, title: z.string() }),
  items: z.array(RosterEntry),
});

export const CheckInBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[0-9]{6}$/, { message: 'booking.codeFormat' }),
  })
  .strict();
export const CheckedIn = z.object({ id, checkedInAt: z.string() });

export const FeedbackBody = z
  .object({
    rating: z
      .number({ message: 'field.number' })
      .int({ message: 'booking.rating' })
      .min(1, { message: 'booking.rating' })
      .max(5, { message: 'booking.rating' }),
    comment: z.string().trim().max(500).default(''),
  })
  .strict();

/** Confirmed seats, how many opened the online lecture and finished it, and the finished share in percent. */
const Watching = z.object({
  booked: z.number().int(),
  opened: z.number().int(),
  finished: z.number().int(),
  finishedShare: z.number().int().nullable(),
});
const RatingSummary = Watching.extend({ average: z.number().nullable(), count: z.number().int() });
export const CourseRatings = RatingSummary.extend({
  courseId: id,
  sessions: z.array(
    RatingSummary.extend({
      id,
      startsAt: z.string(),
      endsAt: z.string(),
      comments: z.array(z.object({ rating: z.number().int(), comment: z.string(), at: z.string() })),
    }),
  ),
});
