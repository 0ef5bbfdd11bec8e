import type { FastifyRequest } from 'fastify';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** The `lang` cookie set by the language switch wins; then Accept-Language; then Chinese. */
export function localeOf(request: FastifyRequest): Locale {
  return localeOfHeaders(request.headers, request.cookies?.lang);
}

/**
 * The same choice from raw headers, for errors raised before cookies are parsed (a bad URL, an
 * HTTP parse error on the socket).
 */
export function localeOfHeaders(headers: { cookie?: string; 'accept-language'?: string }, parsedLang?: string): Locale {
  const cookie = parsedLang ?? /(?:^|;\s*)lang=([^;]*)/.exec(headers.cookie ?? '')?.[1];
  if (cookie === 'en' || cookie === 'zh-CN') return cookie;
  const header = headers['accept-language'];
  if (typeof header === 'string') {
    const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
    if (first.startsWith('en')) return 'en';
  }
  return DEFAULT_LOCALE;
}

export type Messages = Record<Locale, string>;

/** Fills `{name}` placeholders. */
export function format(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
