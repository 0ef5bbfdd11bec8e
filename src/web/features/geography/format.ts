import { currentLanguage } from '../../i18n';

/** Population counts with thousands separators in the UI language ("4,600,000"). */
export function formatCount(value: number): string {
  return new Intl.NumberFormat(currentLanguage()).format(value);
}

/** An instant as Shanghai wall time in the UI language. */
export function formatInstant(iso: string): string {
  return new Intl.DateTimeFormat(currentLanguage(), { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}
