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

/** Our words for zod's checks that a person filling a form could not read as zod puts them. */
function plainWords(v: { keyword: string; params: Record<string, unknown> }) {
  if (v.keyword === 'too_small' && v.params.origin === 'string' && v.params.minimum === 1) return VALIDATION_MESSAGES['field.required'];
  const expected = v.keyword === 'invalid_type' ? EXPECTED[String(v.params.expected)] : undefined;
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
