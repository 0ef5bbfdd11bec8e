import type { ModuleManifest } from '../../platform/modules/manifest.ts';
import { geographyRoutes } from './routes.ts';

/** Geography and population (区划与人口): the division tree with validity dates, population per division and year. See README.md. */
export const geographyModule: ModuleManifest = { name: 'geography', plugin: geographyRoutes, jobs: () => [] };

export { type DivisionSeedRow, readBundledDivisions } from './divisionsCsv.ts';
export { importDistrictOutlines } from './outlines.ts';
export { pinyinOf } from './pinyin.ts';
// Oversight's reads as of a date: the tree with reference points, mergers, population by year;
// and a city's population grid, the demand points accessibility may use instead of the townships.
export {
  countDivisions,
  endDivision,
  findDivisionAsOf,
  findDivisionPart,
  findDivisionPointsBetween,
  findDivisionsAsOf,
  findGridCells,
  findPopulationUpTo,
  geographyDataVersion,
  hasGrid,
  insertDivisions,
  type PopulationRow,
  setReferencePoints,
  upsertPopulation,
} from './queries.ts';
export { importPopulation } from './service.ts';
