import { format, type Locale } from '../i18n/locale.ts';
import { NOTIFICATION_KINDS, type NotificationKind } from './catalog.ts';

/** A param is a plain value, or words in both languages (a check's name, a symptom). */
export type ParamValue = string | number | Record<Locale, string>;
export type NotificationParams = Record<string, ParamValue>;

export function paramsIn(params: NotificationParams, locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? v[locale] : String(v)]));
}

/** A notification's title and text in one language. */
export function renderNotification(kind: NotificationKind, params: NotificationParams, locale: Locale) {
  const words = NOTIFICATION_KINDS[kind][locale];
  const filled = paramsIn(params, locale);
  return { title: format(words.title, filled), body: format(words.body, filled) };
}

const SMS_SIGNATURE: Record<Locale, string> = { 'zh-CN': '【托育服务平台】', en: '[tuoyu] ' };
const OPEN_APP: Record<Locale, string> = { 'zh-CN': '详情请登录托育服务平台查看。', en: 'Sign in to tuoyu for details.' };

/** The SMS: signed, as Chinese gateways require, and pointing to the app rather than carrying a link. */
export function smsText(kind: NotificationKind, params: NotificationParams, locale: Locale): string {
  return `${SMS_SIGNATURE[locale]}${renderNotification(kind, params, locale).body}${OPEN_APP[locale]}`;
}

/** The e-mail: the title as subject; the text sends the reader to the app, where the link opens. */
export function emailText(kind: NotificationKind, params: NotificationParams, locale: Locale) {
  const { title, body } = renderNotification(kind, params, locale);
  return { subject: title, body: `${body}\n\n${OPEN_APP[locale]}` };
}
