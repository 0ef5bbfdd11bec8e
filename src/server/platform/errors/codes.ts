import type { Messages } from '../i18n/locale.ts';

type ErrorDefinition = { status: number } & Messages;

/**
 * Every error tuoyu returns. Each code says when it is used; `status` is its one HTTP mapping,
 * and every code has words in both languages (a test holds us to that).
 */
export const ERROR_CODES = {
  /** The request body, query or path failed its schema. `details` lists each field. */
  VALIDATION_FAILED: {
    status: 400,
    'zh-CN': '提交的信息有误，请检查后重试',
    en: 'Some of the information is not valid; please check it and try again',
  },
  /** The body is not parseable JSON (or not the declared content type's syntax). */
  MALFORMED_BODY: { status: 400, 'zh-CN': '请求内容格式不正确', en: 'The request body is malformed' },
  /** The body is bigger than the route accepts. */
  PAYLOAD_TOO_LARGE: { status: 413, 'zh-CN': '提交的内容过大', en: 'The request body is too large' },
  /** A content type the route does not take. */
  UNSUPPORTED_MEDIA_TYPE: { status: 415, 'zh-CN': '不支持该内容类型', en: 'This content type is not supported' },
  /** No valid session cookie on a route that needs one. */
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录', en: 'Please sign in first' },
  /** Wrong phone number or password; deliberately does not say which. */
  INVALID_CREDENTIALS: { status: 401, 'zh-CN': '手机号或密码不正确', en: 'The phone number or password is incorrect' },
  /** The password was right and the account has a second factor: send `totp` too. */
  TOTP_REQUIRED: { status: 401, 'zh-CN': '请输入身份验证器中的6位动态码', en: 'Enter the 6-digit code from your authenticator app' },
  /** The one-time code did not match. */
  TOTP_INVALID: { status: 401, 'zh-CN': '动态码不正确或已过期', en: 'The code is wrong or has expired' },
  /** Production requires officials and admins to enrol a second factor before acting. */
  TOTP_ENROLMENT_REQUIRED: {
    status: 403,
    'zh-CN': '请先开启两步验证后再使用此功能',
    en: 'Turn on two-step verification before using this',
  },
  /** Signed in, but the role may not use this route. Data outside one's scope is NOT_FOUND instead. */
  FORBIDDEN: { status: 403, 'zh-CN': '您没有权限执行此操作', en: 'You do not have permission to do this' },
  /** The record does not exist or lies outside the caller's scope (never says which). */
  NOT_FOUND: { status: 404, 'zh-CN': '未找到该记录', en: 'Not found' },
  /** No such API route. */
  ROUTE_NOT_FOUND: { status: 404, 'zh-CN': '接口不存在：{method} {url}', en: 'No such route: {method} {url}' },
  /** Too many failed sign-ins for this phone number. */
  ACCOUNT_LOCKED: {
    status: 429,
    'zh-CN': '登录失败次数过多，请{minutes}分钟后再试',
    en: 'Too many failed sign-ins; try again in {minutes} minutes',
  },
  /** The per-client request budget is spent. */
  RATE_LIMITED: { status: 429, 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; please slow down' },
  /** An uploaded population file has bad rows; nothing was written. `details` lists each row. */
  IMPORT_REJECTED: {
    status: 422,
    'zh-CN': '导入文件有{count}处错误，未写入任何数据',
    en: 'The file has {count} errors; nothing was imported',
  },
  /** A child with this resident ID number is registered already (another guardian added them). */
  CHILD_ALREADY_REGISTERED: {
    status: 409,
    'zh-CN': '该身份证号的幼儿已登记，请联系其他监护人添加您',
    en: 'A child with this ID number is already registered; ask the other guardian to add you',
  },
  /** The database cannot be reached right now. */
  DATABASE_UNAVAILABLE: {
    status: 503,
    'zh-CN': '数据库暂时无法访问，请稍后再试',
    en: 'The database is unavailable; please try again shortly',
  },
  /** Anything unexpected; the log has the details, the client never does. */
  INTERNAL: { status: 500, 'zh-CN': '系统内部错误，请稍后再试', en: 'Something went wrong on our side; please try again' },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERROR_CODES;
