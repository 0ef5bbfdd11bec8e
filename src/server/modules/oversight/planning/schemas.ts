import { z } from 'zod';
import { DIVISION_CODE } from '../../../../domain/geography/divisionCode.ts';
import { IndicatorsResponse } from '../indicators/schemas.ts';

export const AccessQuery = z.object({
  divisionCode: z.string().regex(DIVISION_CODE, { message: 'division.code' }),
  method: z.enum(['2sfca', 'e2sfca']).default('2sfca').describe('plain (W = 1 inside the catchment) or enhanced (distance decay)'),
  catchmentKm: z.coerce.number().positive().max(100).optional().describe('default from settings; E2SFCA scales its steps to it'),
  decay: z.enum(['stepped', 'gaussian']).default('stepped').describe('E2SFCA weights: stepped bands or Gaussian'),
  demand: z
    .enum(['townships', 'grid'])
    .default('townships')
    .describe('demand points: each township at its reference point, or the cells of the city’s population grid (409 without one)'),
});

export const AccessResponse = z.object({
  method: z.enum(['2sfca', 'e2sfca']),
  demand: z.enum(['townships', 'grid']),
  gridAvailable: z.boolean().describe('the city has a population grid, so demand=grid may be asked'),
  catchmentKm: z.number(),
  weights: z.object({
    kind: z.enum(['flat', 'stepped', 'gaussian']),
    steps: z.array(z.object({ upToKm: z.number(), weight: z.number() })).optional(),
  }),
  desertThresholdPer100: z.number(),
  points: z.array(
    z.object({
      divisionCode: z.string(),
      name: z.string(),
      lat: z.number().describe('the township’s reference point, where its children are counted (by grid: its cells)'),
      lng: z.number(),
      places: z.number().int().describe("places of the township's operating institutions, with or without a location"),
      placesPer1000: z.number().nullable().describe('places per 1,000 population of the township; null without a population figure'),
      coveredByInclusive: z.boolean().describe('an institution with an inclusive designation in force operates in the township'),
      under3: z.number().int().describe('by grid: the under-3s of its cells'),
      accessPer100: z
        .number()
        .describe('places per 100 under-3s within reach, 2 decimals; by grid, the under-3-weighted mean of its cells’'),
      placesInReach: z.number().int(),
      nearestInstitutions: z.array(z.object({ id: z.string(), name: z.string(), km: z.number() })),
    }),
  ),
  supplyCounted: z.number().int().describe('places of institutions that at least one demand point reaches'),
  deserts: z.array(z.string()),
  childrenInDeserts: z.number().int().describe('under-3s of the desert townships, or by grid of the cells below the threshold'),
  cells: z
    .array(z.object({ lat: z.number(), lng: z.number(), under3: z.number().int(), accessPer100: z.number() }))
    .optional()
    .describe('by grid only: the cells of the area’s townships, each given to the township with the nearest reference point'),
  unlocated: z.array(z.string()).describe('townships without a reference point, left out of the computation'),
});

export const ScenarioChange = z
  .object({
    townshipCode: z.string().regex(/^[0-9]{9}$/, { message: 'division.notTownship' }),
    places: z.number().int().min(1).max(10_000),
    inclusive: z.boolean(),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
  })
  .refine((c) => (c.lat === undefined) === (c.lng === undefined), { message: 'location.pair', path: ['lng'] });

export const ScenarioBody = z.object({
  divisionCode: z.string().regex(DIVISION_CODE, { message: 'division.code' }),
  name: z.string().trim().min(1).max(100),
  changes: z.array(ScenarioChange).min(1).max(100),
});

const AccessSummary = z.object({
  desertPoints: z.number().int().describe('townships below the desert threshold'),
  childrenInDeserts: z.number().int().describe('under-3s living in them'),
  supplyCounted: z.number().int(),
});
const Outcome = z.object({ indicators: IndicatorsResponse, access: AccessSummary });

export const ScenarioView = z.object({
  id: z.string(),
  name: z.string(),
  divisionCode: z.string(),
  asOf: z.string(),
  createdAt: z.string(),
  changes: z.array(ScenarioChange),
  before: Outcome,
  after: Outcome,
});
export const ScenarioList = z.object({ scenarios: z.array(ScenarioView) });
