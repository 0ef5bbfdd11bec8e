import { z } from 'zod';

const Targets = z
  .object({
    placesPer1000: z.number().min(0.1, { message: 'oversight.target' }).max(50, { message: 'oversight.target' }),
    townshipCoverage: z.number().min(0, { message: 'oversight.coverage' }).max(1, { message: 'oversight.coverage' }),
  })
  .strict();

const Step = z
  .object({
    upToKm: z.number().positive({ message: 'oversight.km' }).max(100, { message: 'oversight.km' }),
    weight: z.number().min(0, { message: 'oversight.weight' }).max(1, { message: 'oversight.weight' }),
  })
  .strict();

const Access = z
  .object({
    catchmentKm: z.number().positive({ message: 'oversight.km' }).max(100, { message: 'oversight.km' }),
    steps: z
      .array(Step)
      .min(1)
      .max(10)
      // Bands further out count for no more than nearer ones, or distance would pull care closer.
      .refine(
        (s) => s.every((b, i) => i === 0 || (b.upToKm > (s[i - 1] as typeof b).upToKm && b.weight <= (s[i - 1] as typeof b).weight)),
        {
          message: 'oversight.steps',
        },
      ),
    desertThresholdPer100: z
      .number({ message: 'field.number' })
      .min(0, { message: 'oversight.threshold' })
      .max(1000, { message: 'oversight.threshold' }),
  })
  .strict();

export const OversightSettingsBody = z.object({ targets: Targets, access: Access }).strict();
export type OversightSettingsBody = z.infer<typeof OversightSettingsBody>;

export const OversightSettingsView = OversightSettingsBody.extend({
  defaults: OversightSettingsBody.describe('The platform’s defaults: the 2025 national goals and Luo & Qi’s E2SFCA bands'),
}).describe('Targets the indicators are measured against, and the accessibility parameters');
