import { z } from 'zod';
import { ClassType } from '../../../../domain/classes/classTypes.ts';
import { isIsoMonth } from '../../../../domain/dates/shanghai.ts';
import { IsoDate } from '../../children/index.ts';

/** Shared parts of the daily-care and fee schemas (pick-up, attendance, incidents, statements). */
export const Id = z.uuid({ message: 'id.invalid' });
export const IsoMonth = z.string().refine(isIsoMonth, { message: 'month.invalid' }).describe('YYYY-MM, a month in Asia/Shanghai');
export const Instant = z.iso.datetime({ offset: true, message: 'time.instant' }).describe('ISO 8601 instant with an offset');
export const Note = z.string().trim().max(500);
export const ClassTypeName = z.enum(ClassType).describe('infant 乳儿班 · toddler 托小班 · older_toddler 托大班 · mixed 混龄班');

export const IdParams = z.object({ id: Id });
export const MonthQuery = z.object({ month: IsoMonth });
export const ChildDayParams = z.object({ id: Id, date: IsoDate.describe('YYYY-MM-DD, a day in Asia/Shanghai') });
