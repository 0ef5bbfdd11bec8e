import { z } from 'zod';
import { DEFAULT_DESERT_THRESHOLD_PER100, DEFAULT_E2SFCA_STEPS, type WeightStep } from '../../../../domain/oversight/access.ts';
import { DEFAULT_TARGETS, type IndicatorTargets } from '../../../../domain/oversight/indicators.ts';
import type { Db } from '../../../db/executor.ts';
import { readSetting } from '../../../platform/settings/settings.ts';

/** Targets the city sets (childcare-rules.md: targets are settings, the 2025 goals their defaults). */
export const TARGETS_KEY = 'oversight.targets';
export const ACCESS_KEY = 'oversight.access';

const StoredTargets = z.record(z.string(), z.number().nonnegative());

export const AccessSettings = z.object({
  /** Catchment of plain 2SFCA, km. */
  catchmentKm: z.number().positive().max(100),
  /** Stepped weights of E2SFCA over their own catchment (the last step's bound). */
  steps: z
    .array(z.object({ upToKm: z.number().positive().max(100), weight: z.number().min(0).max(1) }))
    .min(1)
    .max(10),
  /** A point below this many places per 100 under-3s within reach is a childcare desert. */
  desertThresholdPer100: z.number().nonnegative(),
});
export type AccessSettings = z.infer<typeof AccessSettings>;

export const DEFAULT_ACCESS_SETTINGS: AccessSettings = {
  catchmentKm: 3,
  steps: DEFAULT_E2SFCA_STEPS as WeightStep[],
  desertThresholdPer100: DEFAULT_DESERT_THRESHOLD_PER100,
};

export async function findTargets(db: Db): Promise<IndicatorTargets> {
  const stored = await readSetting(db, TARGETS_KEY, StoredTargets);
  return { ...DEFAULT_TARGETS, ...stored };
}

export async function findAccessSettings(db: Db): Promise<AccessSettings> {
  const stored = await readSetting(db, ACCESS_KEY, AccessSettings.partial());
  return { ...DEFAULT_ACCESS_SETTINGS, ...stored };
}
