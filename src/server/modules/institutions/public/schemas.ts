import { z } from 'zod';
import { DIVISION_CODE } from '../../../../domain/geography/divisionCode.ts';
import {
  ClassTypeSchema,
  DesignationKindSchema,
  DesignationLevelSchema,
  IsoDate,
  Location,
  OpeningHours,
  OperatorTypeSchema,
  Paging,
  ServiceFormSchema,
  Timestamp,
} from '../common/schemas.ts';

const Flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

/** Search radius bounds: a family looks for care they can reach in a day's round trip at most. */
export const MAX_RADIUS_KM = 50;
export const DEFAULT_RADIUS_KM = 5;

export const SearchQuery = z
  .object({
    lat: z.coerce.number().min(-90).max(90).optional().describe('Latitude of the point to search near (WGS-84)'),
    lng: z.coerce.number().min(-180).max(180).optional().describe('Longitude, given together with lat'),
    radiusKm: z.coerce
      .number()
      .positive()
      .max(MAX_RADIUS_KM)
      .optional()
      .describe(`Great-circle radius around the point, 0 < r ≤ ${MAX_RADIUS_KM} km; default ${DEFAULT_RADIUS_KM}`),
    division: z.string().regex(DIVISION_CODE, { message: 'division.code' }).optional().describe('Within a district or township'),
    birthDate: IsoDate.optional().describe("The child's birth date: only institutions with a class type the child fits on startDate"),
    startDate: IsoDate.optional().describe('When care would start; default today (Asia/Shanghai)'),
    vacancy: Flag.describe('true: only with a vacancy (in a class type the child fits, when birthDate is given)'),
    inclusive: Flag.describe('true: only inclusive (普惠) institutions'),
    noOpenRectification: Flag.describe('true: only institutions with no inspection rectification still open'),
    q: z.string().trim().min(1).max(50).optional().describe('Part of the name, its pinyin, or its pinyin initials (e.g. "lyg")'),
    feeFrom: z.coerce.number().min(0).max(1_000_000).optional().describe('Least monthly fee, yuan'),
    feeTo: z.coerce.number().min(0).max(1_000_000).optional().describe('Most monthly fee, yuan'),
    serviceForm: ServiceFormSchema.optional(),
    ...Paging,
  })
  .superRefine((q, ctx) => {
    if ((q.lat === undefined) !== (q.lng === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'location.pair', path: [q.lat === undefined ? 'lat' : 'lng'] });
    }
    if (q.radiusKm !== undefined && q.lat === undefined)
      ctx.addIssue({ code: 'custom', message: 'search.radiusNeedsPoint', path: ['radiusKm'] });
    if (q.startDate !== undefined && q.birthDate === undefined)
      ctx.addIssue({ code: 'custom', message: 'search.startNeedsBirthDate', path: ['startDate'] });
    if (q.startDate && q.birthDate && q.startDate < q.birthDate)
      ctx.addIssue({ code: 'custom', message: 'search.startBeforeBirth', path: ['startDate'] });
    if (q.feeFrom !== undefined && q.feeTo !== undefined && q.feeFrom > q.feeTo)
      ctx.addIssue({ code: 'custom', message: 'fee.range', path: ['feeFrom'] });
  });

const AmountByType = z.object({
  infant: z.number().optional(),
  toddler: z.number().optional(),
  older_toddler: z.number().optional(),
  mixed: z.number().optional(),
});
const CountByType = z.object({
  infant: z.number().int().optional(),
  toddler: z.number().int().optional(),
  older_toddler: z.number().int().optional(),
  mixed: z.number().int().optional(),
});

export const SearchItem = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string().describe('Street address within the township (divisionCode names the district and township)'),
  distanceKm: z.number().nullable().describe('Great-circle distance from the point, km (2 decimals); null without a point'),
  inclusive: z.boolean(),
  designations: z.array(z.object({ kind: DesignationKindSchema, level: DesignationLevelSchema.nullable() })).describe('In force today'),
  vacancies: CountByType.describe('Places free per class type offered: its keys are the class types, which give the ages taken'),
  monthlyFeeYuan: AmountByType.describe('Monthly fee per class type offered, yuan'),
  location: Location,
  divisionCode: z.string(),
});

export const SearchOrder = z.enum(['distance', 'vacancy_then_name']);

export const SearchResult = z
  .object({
    total: z.number().int(),
    order: SearchOrder.describe('distance: nearest first; vacancy_then_name: those with a place free now first, then by name (pinyin)'),
    items: z.array(SearchItem),
  })
  .describe('Filed institutions in operation; by distance when a point is given, else those with a vacancy first, then by name');

export const PublicProfile = z
  .object({
    id: z.uuid(),
    name: z.string(),
    address: z.string(),
    divisionCode: z.string(),
    townshipName: z.string().nullable(),
    districtName: z.string().nullable(),
    location: Location,
    operatorType: OperatorTypeSchema,
    serviceForms: z.array(ServiceFormSchema),
    openingHours: OpeningHours.nullable(),
    monthlyFeeYuan: AmountByType,
    servesMeals: z.boolean(),
    facilities: z.array(z.string()),
    description: z.string(),
    contactPhone: z.string().nullable(),
    places: z.number().int().describe('Places in all classes'),
    vacancies: CountByType,
    classes: z.array(
      z.object({
        classType: ClassTypeSchema,
        name: z.string(),
        capacity: z.number().int(),
        vacancies: z.number().int(),
        caregivers: z.number().int().describe('Caregivers (保育人员) in post in the class'),
      }),
    ),
    inclusive: z.boolean(),
    designations: z.array(
      z.object({
        kind: DesignationKindSchema,
        level: DesignationLevelSchema.nullable(),
        grantedOn: IsoDate,
        document: z.string(),
        validFrom: IsoDate,
        validTo: IsoDate.nullable(),
        priceCapsYuan: AmountByType,
      }),
    ),
    photos: z.array(z.object({ id: z.uuid(), url: z.string() })),
    lastInspection: z
      .object({
        date: IsoDate,
        result: z.enum(['pass', 'rectify', 'fail']).describe('pass 合格 | rectify 限期整改 | fail 不合格'),
        rectifying: z.boolean().describe('A rectification is still open (整改中), from this inspection or an earlier one'),
      })
      .nullable()
      .describe('The latest recorded inspection (双随机一公开); null when none is recorded'),
    upheldComplaints: z.number().int().describe('Complaints the district upheld in the last 12 months'),
    filingNumber: z.string().describe('备案回执 number'),
    filedAt: Timestamp,
  })
  .describe('PublicProfile');

export const MapTiles = z
  .object({
    tiles: z
      .object({
        url: z.string().describe('Raster tile template with {z}, {x}, {y} (e.g. Tianditu WMTS with the city’s key)'),
        attribution: z.string(),
      })
      .nullable(),
  })
  .describe('MapTiles');
