import { z } from 'zod';
import { type ChecklistItem, DEFAULT_CHECKLIST, DEFAULT_RISK_WEIGHT } from '../../../../domain/supervision/checklist.ts';
import type { Db } from '../../../db/executor.ts';
import { readSetting } from '../../../platform/settings/settings.ts';

/** The checklist and its weights, and how much risk weights a draw: the city's to change. */
export const INSPECTION_SETTINGS_KEY = 'supervision.inspections';

const Stored = z.object({
  items: z.array(z.object({ key: z.string(), zh: z.string(), en: z.string(), weight: z.number() })),
  riskWeight: z.object({ perEvent: z.number(), max: z.number() }),
});
export type InspectionSettings = { items: ChecklistItem[]; riskWeight: { perEvent: number; max: number } };

export async function findInspectionSettings(db: Db): Promise<InspectionSettings> {
  return (await readSetting(db, INSPECTION_SETTINGS_KEY, Stored)) ?? { items: DEFAULT_CHECKLIST, riskWeight: DEFAULT_RISK_WEIGHT };
}
