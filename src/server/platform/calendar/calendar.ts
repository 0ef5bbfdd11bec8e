import { type CalendarDayKind, type WorkingCalendar, workingCalendar } from '../../../domain/calendar/workingDays.ts';
import type { IsoDate } from '../../../domain/dates/shanghai.ts';
import type { Db } from '../../db/executor.ts';
import type { Deps } from '../../deps.ts';
import { type AuditContext, appendAudit } from '../audit/auditLog.ts';
import { fieldError } from '../errors/AppError.ts';

export type CalendarDay = { day: IsoDate; kind: CalendarDayKind; name: string };

/**
 * The one working-day calendar of the product, read whole: a year's exceptions are a few dozen
 * rows, so every deadline is computed from the same data the admin last saved.
 */
export async function loadWorkingCalendar(db: Db): Promise<WorkingCalendar> {
  const [days, years] = await Promise.all([
    db.selectFrom('calendar_days').select(['day', 'kind']).execute(),
    db.selectFrom('calendar_years').select('year').execute(),
  ]);
  return workingCalendar(
    days.map((d) => ({ day: d.day, kind: d.kind as CalendarDayKind })),
    years.map((y) => y.year),
  );
}

/** The calendar's exception for one day (a holiday or a 调休 working day), if it has one. */
export async function findCalendarDay(db: Db, day: IsoDate): Promise<CalendarDay | undefined> {
  const row = await db.selectFrom('calendar_days').select(['day', 'kind', 'name']).where('day', '=', day).executeTakeFirst();
  return row && { day: row.day, kind: row.kind as CalendarDayKind, name: row.name };
}

export async function findCalendarYears(db: Db) {
  const rows = await db
    .selectFrom('calendar_years as y')
    .leftJoin('calendar_days as d', 'd.year', 'y.year')
    .select(['y.year', 'y.source', 'y.updated_at'])
    .select((eb) => [
      eb.fn.count<string>('d.day').filterWhere('d.kind', '=', 'holiday').as('holidays'),
      eb.fn.count<string>('d.day').filterWhere('d.kind', '=', 'workday').as('workdays'),
    ])
    .groupBy(['y.year', 'y.source', 'y.updated_at'])
    .orderBy('y.year')
    .execute();
  return rows.map((r) => ({
    year: r.year,
    source: r.source,
    updatedAt: new Date(r.updated_at).toISOString(),
    holidays: Number(r.holidays),
    workdays: Number(r.workdays),
  }));
}

export async function findCalendarYear(db: Db, year: number) {
  const head = await db.selectFrom('calendar_years').select(['year', 'source', 'updated_at']).where('year', '=', year).executeTakeFirst();
  const days = await db.selectFrom('calendar_days').select(['day', 'kind', 'name']).where('year', '=', year).orderBy('day').execute();
  return {
    year,
    known: head !== undefined,
    source: head?.source ?? null,
    updatedAt: head ? new Date(head.updated_at).toISOString() : null,
    days: days.map((d) => ({ day: d.day, kind: d.kind as CalendarDayKind, name: d.name })),
  };
}

/**
 * The admin replaces a year's arrangement as published: its holidays and the weekend days
 * worked. Deadlines already set keep their dates; the ones set from now on follow the new days.
 */
export async function replaceCalendarYear(deps: Deps, context: AuditContext, year: number, input: { source: string; days: CalendarDay[] }) {
  input.days.forEach((d, i) => {
    if (Number(d.day.slice(0, 4)) !== year) throw fieldError(`days.${i}.day`, 'calendar.dayOutsideYear');
  });
  if (new Set(input.days.map((d) => d.day)).size !== input.days.length) throw fieldError('days', 'calendar.dayTwice');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('calendar_days')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('year', '=', year)
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('calendar_days').where('year', '=', year).execute();
    await trx
      .insertInto('calendar_years')
      .values({ year, source: input.source, updated_at: now, updated_by: context.actorId })
      .onConflict((oc) => oc.column('year').doUpdateSet({ source: input.source, updated_at: now, updated_by: context.actorId }))
      .execute();
    if (input.days.length > 0)
      await trx
        .insertInto('calendar_days')
        .values(input.days.map((d) => ({ day: d.day, kind: d.kind, name: d.name, year })))
        .execute();
    await appendAudit(
      trx,
      context,
      {
        action: 'calendar.year.replace',
        entityType: 'calendar_year',
        entityId: String(year),
        detail: { source: input.source, daysBefore: Number(before.n), days: input.days },
      },
      now,
    );
  });
  return findCalendarYear(deps.db, year);
}
