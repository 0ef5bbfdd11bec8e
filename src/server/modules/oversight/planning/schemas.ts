import { z } from 'zod';
import { DIVISION_CODE } from '../../../../domain/geography/divisionCode.ts';

export const AccessQuery = z.object({
  divisionCode: z.string().regex(DIVISION_CODE, { message: 'division.code' }),
  method: z.enum(['2sfca', 'e2sfca']).default('2sfca').describe('plain (W = 1 inside the catchment) or enhanced (distance decay)'),
  catchmentKm: z.coerce.number().positive().max(100).optional().describe('default from settings; E2SFCA scales its steps to it'),
  decay: z.enum(['stepped', 'gaussian']).default('stepped').describe('E2SFCA weights: stepped bands or Gaussian'),
});

export const AccessResponse = z.object({
  method: z.enum(['2sfca', 'e2sfca']),
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
      under3: z.number().int(),
      accessPer100: z.number().describe('places per 100 under-3s within reach, 2 decimals'),
      placesInReach: z.number().int(),
      nearestInstitutions: z.array(z.object({ id: z.string(), name: z.string(), km: z.number() })),
    }),
  ),
  supplyCounted: z.number().int().describe('places of institutions that at least one demand point reaches'),
  deserts: z.array(z.string()),
  unlocated: z.array(z.string()).describe('townships without a reference point, left out of the computation'),
});
