import type { FastifyRequest } from 'fastify';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** The `lang` cookie set by the language switch wins; then Accept-Language; then Chinese. */
export function localeOf(request: FastifyRequest): Locale {
  const cookie = request.cookies?.lang;
  if (cookie === 'en' || cookie === 'zh-CN') return cookie;
  const header = request.headers['accept-language'];
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
