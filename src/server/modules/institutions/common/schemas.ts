import { z } from 'zod';
import { ClassType } from '../../../../domain/classes/classTypes.ts';
import { isIsoDate } from '../../../../domain/dates/shanghai.ts';
import { isValidCreditCode } from '../../../../domain/identity/creditCode.ts';
import { FilingAction, InstitutionStatus } from '../../../../domain/institutions/filingWorkflow.ts';
import { KeyFact } from '../../../../domain/institutions/keyFacts.ts';
import {
  CertificateKind,
  DesignationKind,
  DesignationLevel,
  DocumentType,
  FileKind,
  OperatorType,
  ServiceForm,
  StaffRole,
} from '../../../../domain/institutions/vocabulary.ts';
import { isYuanAmount } from './fees.ts';

export const IsoDate = z.string().refine(isIsoDate, { message: 'date.invalid' }).describe('YYYY-MM-DD, a day in Asia/Shanghai');
export const Timestamp = z.string().describe('ISO 8601 instant');
export const Id = z.uuid();

export const ClassTypeSchema = z.enum(ClassType).describe('infant 乳儿班 · toddler 托小班 · older_toddler 托大班 · mixed 混龄班');
export const StatusSchema = z.enum(InstitutionStatus).describe('Filing workflow state, see src/domain/institutions/filingWorkflow.ts');
export const ActionSchema = z.enum(FilingAction);
export const KeyFactSchema = z.enum(KeyFact);
export const OperatorTypeSchema = z.enum(OperatorType).describe('举办主体');
export const ServiceFormSchema = z.enum(ServiceForm).describe('full_day 全日托 · half_day 半日托 · hourly 计时托 · temporary 临时托');
export const StaffRoleSchema = z.enum(StaffRole);
export const CertificateKindSchema = z.enum(CertificateKind);
export const DesignationKindSchema = z.enum(DesignationKind).describe('inclusive 普惠 · pilot 试点 · demonstration 示范');
export const DesignationLevelSchema = z.enum(DesignationLevel).describe('city 市级 · provincial 省级 · national 国家级');
export const DocumentTypeSchema = z.enum(DocumentType);
export const FileKindSchema = z.enum(FileKind);

export const Yuan = z.number().min(0).max(1_000_000).refine(isYuanAmount, { message: 'yuan.amount' }).describe('Yuan, at most 2 decimals');

/** An amount per class type in yuan; a type left out is not offered (fees) or not capped (caps). */
export const YuanByType = z
  .object({ infant: Yuan.optional(), toddler: Yuan.optional(), older_toddler: Yuan.optional(), mixed: Yuan.optional() })
  .strict();

export const CreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidCreditCode, { message: 'creditCode.invalid' })
  .describe('统一社会信用代码, 18 characters with a GB 32100-2015 check character');

export const Location = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).describe('WGS-84 degrees');

const HHMM = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: 'time.hhmm' });
export const OpeningHours = z
  .object({
    opensAt: HHMM,
    closesAt: HHMM,
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).describe('ISO weekdays, Monday = 1'),
  })
  .refine((h) => h.opensAt < h.closesAt, { message: 'hours.order', path: ['closesAt'] });

export const TownshipCode = z
  .string()
  .regex(/^[0-9]{9}$/, { message: 'division.township' })
  .describe('9-digit township division code');

/** A yes/no query parameter: only the words, so `?x=0` is refused rather than read as true. */
export const Flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const Paging = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export const InstitutionParams = z.object({ id: Id });

export const Reason = z.string().trim().min(1, { message: 'reason.required' }).max(500);
