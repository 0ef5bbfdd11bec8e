import { z } from 'zod';
import { isIsoDate } from '../../../../domain/dates/shanghai.ts';

export const Id = z.uuid({ message: 'id.invalid' });
export const IsoDate = z.string().refine(isIsoDate, { message: 'date.invalid' });
export const ChildParams = z.object({ id: Id });
