import { z } from 'zod';
import { isIsoDate, isIsoMonth } from '../../../../domain/dates/shanghai.ts';
import { DIVISION_CODE } from '../../../../domain/geography/divisionCode.ts';

const Level = z.enum(['city', 'district', 'township']);
const Code = z.string().regex(DIVISION_CODE, { message: 'division.code' });
const IsoMonth = z.string().refine(isIsoMonth, { message: 'month.invalid' });

/** Issue 14's definitions; ratios are null when their denominator is 0. */
export const DivisionIndicators = z.object({
  divisionCode: z.string(),
  name: z.string(),
  level: Level,
  population: z.number().int(),
  under3Population: z.number().int(),
  places: z.number().int(),
  placesPer1000: z.number().nullable().describe('places × 1000 / population, 2 decimals'),
  inclusivePlaces: z.number().int(),
  inclusiveShare: z.number().nullable().describe('inclusivePlaces / places'),
  enrolled: z.number().int(),
  occupancy: z.number().nullable().describe('enrolled / places'),
  enrolmentRate: z.number().nullable().describe('入托率: enrolled / under3Population'),
  townships: z.number().int(),
  townshipsWithInclusive: z.number().int(),
  townshipCoverage: z.number().nullable().describe('townshipsWithInclusive / townships'),
  placesNeeded: z.number().int().describe('max(0, ceil(target × population / 1000) − places)'),
});
export type DivisionIndicators = z.infer<typeof DivisionIndicators>;

export const Targets = z.record(z.string(), z.number()).describe('placesPer1000, townshipCoverage and any the city adds');

export const IndicatorsQuery = z.object({
  divisionCode: Code,
  date: z.string().refine(isIsoDate, { message: 'date.invalid' }).optional().describe('As of this date (Asia/Shanghai); default today'),
});

export const IndicatorsResponse = DivisionIndicators.extend({
  asOf: z.string(),
  children: z.array(DivisionIndicators),
  targets: Targets,
});

export const SeriesQuery = z
  .object({ divisionCode: Code, from: IsoMonth, to: IsoMonth })
  .refine((q) => !isIsoMonth(q.from) || !isIsoMonth(q.to) || q.from <= q.to, { message: 'months.order', path: ['to'] });

export const SeriesResponse = z.object({
  divisionCode: z.string(),
  from: z.string(),
  to: z.string(),
  points: z.array(
    z.object({
      month: z.string(),
      asOf: z.string().describe("the month's last day"),
      values: DivisionIndicators.nullable().describe('null for a month when the division was not in force'),
    }),
  ),
  targets: Targets,
});

export const PublicQuery = z.object({ divisionCode: Code });

export const PublicDivisionIndicators = DivisionIndicators.pick({
  divisionCode: true,
  name: true,
  level: true,
  places: true,
  placesPer1000: true,
  inclusiveShare: true,
  townshipCoverage: true,
});

export const PublicIndicatorsResponse = PublicDivisionIndicators.extend({
  asOf: z.string(),
  children: z.array(PublicDivisionIndicators),
  targets: Targets,
});
