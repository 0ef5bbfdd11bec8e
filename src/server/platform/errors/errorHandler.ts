import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { format, type Locale, localeOf } from '../i18n/locale.ts';
import { AppError } from './AppError.ts';
import { ERROR_CODES, type ErrorCode } from './codes.ts';
import { VALIDATION_MESSAGES } from './validationMessages.ts';

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

export function errorBody(code: ErrorCode, locale: Locale, params: Record<string, unknown> = {}, details?: unknown): ErrorBody {
  const message = format(ERROR_CODES[code][locale], params);
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const locale = localeOf(request);
  return reply.status(error.status).send(errorBody(error.code, locale, error.params, localizeDetails(error.details, locale)));
}

/** Field errors raised by services carry a message key; the words depend on the caller. */
function localizeDetails(details: unknown, locale: Locale): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d) => {
    const key = (d as { messageKey?: string }).messageKey;
    if (!key || !(key in VALIDATION_MESSAGES)) return d;
    return { path: (d as { path: string }).path, message: VALIDATION_MESSAGES[key as keyof typeof VALIDATION_MESSAGES][locale] };
  });
}

const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() } as const;

type FieldIssue = { path: string; message: string };

function fieldIssues(
  validation: { keyword: string; instancePath: string; message?: string; params: Record<string, unknown> }[],
  context: string | undefined,
  locale: Locale,
): FieldIssue[] {
  return validation.map((v) => {
    const own =
      v.message && v.message in VALIDATION_MESSAGES ? VALIDATION_MESSAGES[v.message as keyof typeof VALIDATION_MESSAGES] : plainWords(v);
    const issue = { ...v.params, code: v.keyword, message: v.message, path: [], input: v.params.input } as unknown as Parameters<
      NonNullable<ReturnType<typeof z.locales.en>['localeError']>
    >[0];
    const translated = zodLocales[locale].localeError?.(issue);
    const message = own?.[locale] ?? (typeof translated === 'string' ? translated : translated?.message) ?? v.message ?? v.keyword;
    const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    return { path: [context, field].filter(Boolean).join('.'), message };
  });
}

// What a field should hold, by zod's expected type: said for a field left out or of the wrong type
// alike. zod's own words ("期望 number，实际接收 undefined") name a type, and a received value it
// is not given here, so it always says "undefined".
const EXPECTED: Record<string, keyof typeof VALIDATION_MESSAGES> = {
  number: 'field.number',
  int: 'field.number',
  boolean: 'field.boolean',
  string: 'field.text',
  array: 'field.list',
};

type Words = { 'zh-CN': string; en: string };

/** A bound of a number, a text's length or a list's size, as a person filling a form reads it. */
function boundWords(keyword: string, p: Record<string, unknown>): Words | undefined {
  const bound = keyword === 'too_big' ? p.maximum : p.minimum;
  if (typeof bound !== 'number' && typeof bound !== 'bigint') return undefined;
  const big = keyword === 'too_big';
  if (p.origin === 'number') {
    if (p.inclusive === false)
      return big ? { 'zh-CN': `应小于 ${bound}`, en: `Less than ${bound}` } : { 'zh-CN': `应大于 ${bound}`, en: `More than ${bound}` };
    return big ? { 'zh-CN': `不能大于 ${bound}`, en: `At most ${bound}` } : { 'zh-CN': `不能小于 ${bound}`, en: `At least ${bound}` };
  }
  if (p.origin === 'string')
    return big
      ? { 'zh-CN': `最多 ${bound} 个字`, en: `At most ${bound} characters` }
      : { 'zh-CN': `至少 ${bound} 个字`, en: `At least ${bound} characters` };
  if (p.origin === 'array')
    return big
      ? { 'zh-CN': `最多 ${bound} 项`, en: `At most ${bound} items` }
      : { 'zh-CN': `至少 ${bound} 项`, en: `At least ${bound} items` };
  return undefined;
}

/**
 * Our words for zod's checks that a person filling a form could not read as zod puts them
 * (“无效选项：期望以下之一…”, “数值过大：期望 number <=5”, “无效UUID”): every schema gets them,
 * so a field needs its own message key only where it can say more.
 */
function plainWords(v: { keyword: string; params: Record<string, unknown> }): Words | undefined {
  const p = v.params;
  if (v.keyword === 'too_small' && p.origin === 'string' && p.minimum === 1) return VALIDATION_MESSAGES['field.required'];
  if (v.keyword === 'too_big' || v.keyword === 'too_small') return boundWords(v.keyword, p);
  if (v.keyword === 'invalid_format' && p.format === 'uuid') return VALIDATION_MESSAGES['id.invalid'];
  if (v.keyword === 'invalid_value' && Array.isArray(p.values) && p.values.length > 0) {
    const values = p.values.map(String);
    return { 'zh-CN': `请从以下选项中选择：${values.join('、')}`, en: `Choose one of: ${values.join(', ')}` };
  }
  const expected = v.keyword === 'invalid_type' ? EXPECTED[String(p.expected)] : undefined;
  return expected ? VALIDATION_MESSAGES[expected] : undefined;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
};

/** Maps every error to `{ error: { code, message } }` in the caller's language; never a stack. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const locale = localeOf(request);
    if (err instanceof AppError) return sendError(request, reply, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = fieldIssues(err.validation, err.validationContext, locale);
      return reply.status(400).send(errorBody('VALIDATION_FAILED', locale, {}, details));
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) return reply.status(ERROR_CODES[mapped].status).send(errorBody(mapped, locale));
    if (err.statusCode === 429) return reply.status(429).send(errorBody('RATE_LIMITED', locale));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Other client errors raised by Fastify or a plugin (bad content-length, bad multipart…).
      request.log.info({ err }, 'client error');
      return reply.status(400).send(errorBody('MALFORMED_BODY', locale));
    }
    if (isPoolWaitTimeout(err)) {
      request.log.warn({ err }, 'no free database connection');
      return reply.header('retry-after', '2').status(503).send(errorBody('SERVER_BUSY', locale));
    }
    if (isConnectionError(err)) {
      request.log.error({ err }, 'database unavailable');
      return reply.status(503).send(errorBody('DATABASE_UNAVAILABLE', locale));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('INTERNAL', locale));
  });
}

// pg-pool gives this error no code; its message is the only mark.
function isPoolWaitTimeout(err: unknown) {
  return err instanceof Error && err.message === 'timeout exceeded when trying to connect';
}

function isConnectionError(err: unknown) {
  const code = (err as { code?: string }).code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === '57P01' || code === '57P03' || code === 'ETIMEDOUT';
}
