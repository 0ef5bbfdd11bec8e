import type { Messages } from '../i18n/locale.ts';

/**
 * Words for the checks our own schemas add (refinements). A schema refers to one by its key,
 * e.g. `.refine(isMobilePhone, { message: 'phone.invalid' })`.
 */
export const VALIDATION_MESSAGES = {
  'phone.invalid': { 'zh-CN': '请输入11位手机号码', en: 'Enter an 11-digit mobile number' },
  'date.invalid': { 'zh-CN': '日期格式应为 YYYY-MM-DD', en: 'Dates are written YYYY-MM-DD' },
  'division.code': { 'zh-CN': '区划代码应为6位或9位数字', en: 'A division code has 6 or 9 digits' },
  'password.weak': { 'zh-CN': '密码至少10位，且需包含字母和数字', en: 'A password needs at least 10 characters with letters and digits' },
  'totp.format': { 'zh-CN': '动态码为6位数字', en: 'The code has 6 digits' },
  'date.future': { 'zh-CN': '日期不能晚于今天', en: 'The date cannot be later than today' },
  'dates.list': { 'zh-CN': '日期格式应为 YYYY-MM-DD，多个日期用逗号分隔', en: 'Dates are written YYYY-MM-DD, separated by commas' },
  'sex.invalid': { 'zh-CN': '性别应为 male（男）或 female（女）', en: 'Sex is "male" or "female"' },
  'measurement.positive': { 'zh-CN': '测量值应为大于0的数字', en: 'A measurement is a number greater than 0' },
  'growth.ageDays': { 'zh-CN': '日龄应为0或更大的数字', en: 'Age in days is a number of 0 or more' },
  'growth.ageOrBirthDate': {
    'zh-CN': '请填写日龄（ageDays）或出生日期（birthDate）其中一项，不能两项都填或都不填',
    en: 'Give either ageDays or birthDate, not both and not neither',
  },
  'growth.measuredOnNeedsBirthDate': { 'zh-CN': '测量日期需与出生日期一起填写', en: 'measuredOn goes with birthDate, not with ageDays' },
  'growth.measuredBeforeBirth': { 'zh-CN': '测量日期不能早于出生日期', en: 'The measurement date is before the birth date' },
  'growth.curveRange': {
    'zh-CN': '图表范围无效：年龄为0–1826天的整数，身长45–110厘米，身高65–120厘米，步长为整天或0.1厘米的倍数',
    en: 'Chart range not valid: age in whole days 0–1826, length 45–110 cm, height 65–120 cm, step in whole days or multiples of 0.1 cm',
  },
  'checks.doneBeforeBirth': { 'zh-CN': '体检日期不能早于出生日期', en: 'A check date cannot be before the birth date' },
  'checks.discharge': { 'zh-CN': '出院日期应在出生后0–20天内', en: 'The discharge date is 0–20 days after birth' },
  'warningSigns.ageOrBirthDate': {
    'zh-CN': '月龄（ageMonths）和出生日期（birthDate）只能填写一项',
    en: 'Give ageMonths or birthDate, not both',
  },
  'warningSigns.noChecklist': {
    'zh-CN': '该年龄没有发育预警征象筛查表（适用于3月龄至4岁前）',
    en: 'There is no warning-sign checklist for this age (3 months to under 4 years)',
  },
  'warningSigns.unknownSign': { 'zh-CN': '该征象不在此年龄的筛查表中', en: 'This sign is not on the checklist for this age' },
  'id.invalid': { 'zh-CN': '编号格式不正确', en: 'The id is malformed' },
  'residentId.invalid': {
    'zh-CN': '身份证号码不正确（校验位不符或出生日期无效）',
    en: 'The resident ID number is not valid (check character or birth date)',
  },
  'residentId.mismatch': {
    'zh-CN': '身份证号码中的出生日期或性别与填写的不一致',
    en: 'The birth date or sex in the resident ID number does not match',
  },
  'birthDate.future': { 'zh-CN': '出生日期不能晚于今天', en: 'The birth date cannot be in the future' },
  'birthDate.tooOld': {
    'zh-CN': '本平台服务3岁以下婴幼儿，该出生日期已满3岁',
    en: 'tuoyu serves children under 3; this child is already 3',
  },
  'division.notTownship': { 'zh-CN': '请选择所在乡镇（街道）', en: 'Choose a township or subdistrict' },
} as const satisfies Record<string, Messages>;

export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;
