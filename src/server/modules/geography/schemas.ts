import { z } from 'zod';
import { isIsoDate } from '../../../domain/dates/shanghai.ts';
import { DIVISION_CODE } from '../../../domain/geography/divisionCode.ts';
import { CHINA } from './referencePointImport.ts';

const Level = z.enum(['city', 'district', 'township']);
const IsoDate = z.string().refine(isIsoDate, { message: 'date.invalid' });

export const PopulationFigure = z.object({
  year: z.number().int(),
  total: z.number().int(),
  under3: z.number().int(),
  isDemo: z.boolean(),
});

export type DivisionNodeShape = {
  code: string;
  name: string;
  level: z.infer<typeof Level>;
  pinyin: string;
  initials: string;
  population: z.infer<typeof PopulationFigure> | null;
  children: DivisionNodeShape[];
};
export const DivisionNode: z.ZodType<DivisionNodeShape> = z
  .lazy(() =>
    z.object({
      code: z.string(),
      name: z.string(),
      level: Level,
      pinyin: z.string(),
      initials: z.string(),
      population: PopulationFigure.nullable(),
      children: z.array(DivisionNode),
    }),
  )
  .meta({ id: 'DivisionNode' }); // a recursive schema is a $ref in OpenAPI, so it needs a component name

export const DivisionTree = z.object({ asOf: z.string(), populationYear: z.number().int().nullable(), tree: z.array(DivisionNode) });

export const AsOfQuery = z.object({ date: IsoDate.optional().describe('Tree as in force on this date (Asia/Shanghai); default today') });
export const DivisionParams = z.object({ code: z.string().regex(DIVISION_CODE, { message: 'division.code' }) });

export const DivisionDetail = z.object({
  code: z.string(),
  name: z.string(),
  level: Level,
  parentCode: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  referencePoint: z
    .object({ lat: z.number(), lng: z.number(), source: z.string().describe('survey, import:<file>, or demo approximation') })
    .nullable()
    .describe('Where the accessibility measure places the division’s under-3 population'),
  population: z.array(PopulationFigure),
  children: z.array(z.object({ code: z.string(), name: z.string(), level: Level, population: PopulationFigure.nullable() })),
});

export const ImportResult = z.object({ imported: z.number().int() });

export const ReferencePointBody = z.object({
  lat: z.number({ message: 'field.number' }).min(CHINA.lat.min, { message: 'geo.lat' }).max(CHINA.lat.max, { message: 'geo.lat' }),
  lng: z.number({ message: 'field.number' }).min(CHINA.lng.min, { message: 'geo.lng' }).max(CHINA.lng.max, { message: 'geo.lng' }),
  source: z.string().trim().max(200).optional().describe('Where the point comes from; blank: set by hand'),
});

export const CityParams = z.object({
  code: z
    .string()
    .regex(/^[0-9]{6}$/, { message: 'division.code' })
    .describe('a city’s code'),
});

export const PopulationGrid = z.object({
  cityCode: z.string(),
  grid: z
    .object({
      cells: z.number().int(),
      under3: z.number().int().describe('under-3s over all cells'),
      importedAt: z.string(),
      importedBy: z.object({ id: z.string(), name: z.string() }),
      source: z.string().describe('import:<file>'),
    })
    .nullable()
    .describe('null: the city has no grid, and accessibility uses its townships’ reference points'),
});

const APPROVAL_NUMBER = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .describe('审图号, the map approval number of the outlines’ source, e.g. GS(2024)0650号: shown as the map’s attribution');

/** Checked feature by feature in the service, so that every problem names its feature. */
export const OutlinesBody = z.object({
  approvalNumber: APPROVAL_NUMBER.nullish(),
  source: z.string().trim().min(1).max(200).optional().describe('where the outlines come from, e.g. 天地图; default “api”'),
  outlines: z
    .object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()).min(1).max(50) })
    .describe(
      'GeoJSON FeatureCollection, one feature per district or county: properties.code (or adcode) the division code, a Polygon or MultiPolygon in WGS-84 longitude, latitude',
    ),
});

const Position = z.tuple([z.number(), z.number()]);
const Rings = z.array(z.array(Position));

export const DistrictOutlines = z.object({
  approvalNumbers: z.array(z.string()).describe('the 审图号 of every imported city’s outlines, for the map’s attribution'),
  outlines: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({ code: z.string(), name: z.string() }),
        geometry: z.discriminatedUnion('type', [
          z.object({ type: z.literal('Polygon'), coordinates: Rings }),
          z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(Rings) }),
        ]),
      }),
    ),
  }),
});

export const OutlinesImported = z.object({
  cityCode: z.string(),
  approvalNumber: z.string().nullable(),
  districts: z.array(z.string()).describe('the districts and counties now outlined'),
});
