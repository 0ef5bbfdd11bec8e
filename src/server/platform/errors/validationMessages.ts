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
} as const satisfies Record<string, Messages>;

export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;
