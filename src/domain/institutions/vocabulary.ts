// The closed lists of the institution registry, shared by server and web. Sources: product.md
// §3 "Institutions"; 托育机构登记和备案办法（试行）(NHC 2019) for filing documents;
// 托育机构设置标准（试行）(NHC 2019) for staff roles.

/** 举办主体 — who runs the institution. `kindergarten_attached` is a kindergarten's toddler classes (幼儿园托班), `family_point` a family childcare point (家庭托育点). */
export const OperatorType = [
  'public',
  'private_nonprofit',
  'private_for_profit',
  'employer',
  'community',
  'kindergarten_attached',
  'family_point',
] as const;
export type OperatorType = (typeof OperatorType)[number];

/** 服务形式 — full-day (全日托), half-day (半日托), hourly (计时托), temporary (临时托). */
export const ServiceForm = ['full_day', 'half_day', 'hourly', 'temporary'] as const;
export type ServiceForm = (typeof ServiceForm)[number];

/** 负责人, 保育人员, 保健人员, 保安人员, 炊事人员, other. */
export const StaffRole = ['director', 'caregiver', 'health_worker', 'security', 'cook', 'other'] as const;
export type StaffRole = (typeof StaffRole)[number];

/** 健康证, 保育员/育婴员资格, 保健人员培训合格证, other. */
export const CertificateKind = ['health', 'caregiver_qualification', 'health_worker_qualification', 'other'] as const;
export type CertificateKind = (typeof CertificateKind)[number];
/** The occupation a childcare qualification is in: 保育师 (childcare worker) or 育婴员 (infant carer). */
export const QualificationTitle = ['childcare_worker', 'infant_carer'] as const;
export type QualificationTitle = (typeof QualificationTitle)[number];
/** Its level, 5 (五级, entry) to 1 (一级, highest). */
export const QUALIFICATION_LEVELS = [5, 4, 3, 2, 1] as const;

/** 普惠, 试点, 示范. */
export const DesignationKind = ['inclusive', 'pilot', 'demonstration'] as const;
export type DesignationKind = (typeof DesignationKind)[number];

/** 市级, 省级, 国家级 — pilots and demonstrations only; an inclusive agreement has no level. */
export const DesignationLevel = ['city', 'provincial', 'national'] as const;
export type DesignationLevel = (typeof DesignationLevel)[number];

/** What a filing document proves (托育机构登记和备案办法（试行）art. 6). */
export const DocumentType = [
  'registration_certificate',
  'premises_proof',
  'health_evaluation',
  'fire_safety',
  'staff_list',
  'food_licence',
  'class_plan',
  'fee_list',
  'other',
] as const;
export type DocumentType = (typeof DocumentType)[number];

/** Uploaded files are documents for the filing or photos for the public page. */
export const FileKind = ['document', 'photo'] as const;
export type FileKind = (typeof FileKind)[number];

/** ISO weekday numbers, Monday = 1 … Sunday = 7. */
export const Weekday = [1, 2, 3, 4, 5, 6, 7] as const;
