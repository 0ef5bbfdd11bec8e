import { SHANGHAI_TIME_ZONE } from '../../domain/dates/shanghai.ts';
import { currentLanguage } from './index';

type Style = Pick<Intl.DateTimeFormatOptions, 'dateStyle' | 'timeStyle'>;

/** An instant as Shanghai wall time in the UI language, whatever zone the reader's device is set to. */
export function formatInstant(iso: string, style: Style = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return new Intl.DateTimeFormat(currentLanguage(), { timeZone: SHANGHAI_TIME_ZONE, ...style }).format(new Date(iso));
}
