import { currentLanguage } from '../../i18n';

/** Population counts with thousands separators in the UI language ("4,600,000"). */
export function formatCount(value: number): string {
  return new Intl.NumberFormat(currentLanguage()).format(value);
}
