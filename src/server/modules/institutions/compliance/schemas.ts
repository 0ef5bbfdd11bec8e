import { z } from 'zod';
import { DIVISION_CODE } from '../../../../domain/geography/divisionCode.ts';
import { ComplianceCode } from '../../../../domain/institutions/compliance.ts';
import { ClassTypeSchema, IsoDate } from '../common/schemas.ts';

export const SummaryQuery = z.object({
  division: z
    .string()
    .regex(DIVISION_CODE, { message: 'division.code' })
    .optional()
    .describe('City or district: one row per child division; default the caller’s own division'),
});

const Row = z.object({
  divisionCode: z.string(),
  name: z.string(),
  institutions: z.number().int().describe('Filed institutions not closed (suspended ones included)'),
  withProblems: z.number().int().describe('Of those, how many have at least one compliance problem'),
  problems: z.partialRecord(z.enum(ComplianceCode), z.number().int()).describe('Institutions with each kind of problem'),
});

export const ComplianceSummary = z.object({
  divisionCode: z.string(),
  name: z.string(),
  checkedOn: IsoDate,
  total: Row,
  rows: z.array(Row),
});

export const SettingsBody = z
  .object({
    indoorM2PerPlace: z.number().min(0).max(50).describe('Least indoor floor area per place, m² (platform default 3)'),
    outdoorM2PerPlace: z.number().min(0).max(50).describe('Least outdoor play area per place, m² (platform default 2)'),
    mixedChildrenPerCaregiver: z
      .number()
      .int()
      .min(1)
      .max(10)
      .describe('Mixed-age classes: children per caregiver (no national ratio; default 5)'),
  })
  .strict();

export const SettingsView = SettingsBody.extend({ defaults: SettingsBody });

/**
 * The stored value of the settings row `institutions.compliance`: the ComplianceSettings of
 * src/domain/institutions/compliance.ts, each part over its default (the mixed-class ratio is
 * kept under `classSettings`).
 */
export const StoredSettings = z
  .object({
    indoorM2PerPlace: z.number(),
    outdoorM2PerPlace: z.number(),
    classSettings: z.partialRecord(ClassTypeSchema, z.object({ maxChildren: z.number(), childrenPerCaregiver: z.number() }).partial()),
  })
  .partial();
