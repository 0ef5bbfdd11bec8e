import { z } from 'zod';
import { isIsoDate, isIsoMonth } from '../../../../domain/dates/shanghai.ts';

/** Shared parts of the subsidies schemas. */
export const Id = z.uuid({ message: 'id.invalid' });
export const IdParams = z.object({ id: Id });
export const Fen = z.number().int().describe('Integer fen (分); 100 fen = 1 yuan');
export const PositiveFen = z.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe('Integer fen (分), more than 0');
export const IsoDate = z.string().refine(isIsoDate, { message: 'date.invalid' }).describe('YYYY-MM-DD, a day in Asia/Shanghai');
export const IsoMonth = z.string().refine(isIsoMonth, { message: 'month.invalid' }).describe('YYYY-MM, a month in Asia/Shanghai');
export const MonthQuery = z.object({ month: IsoMonth });
export const OptionalMonthQuery = z.object({ month: IsoMonth.optional() });
export const Reason = z.string().trim().min(1, { message: 'reason.required' }).max(500);
export const Instant = z.string().describe('ISO 8601 instant');

export const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
