import { type Fen, fenToYuanString, formatCny } from '../../../../domain/money/fen.ts';

/** Fen as yuan with 2 decimals and the yuan sign, grouped for the language: 6720000 → "¥67,200.00". */
export const formatYuan = (fen: Fen, language: string) => formatCny(fen, language === 'en' ? 'en' : 'zh-CN');

/** Fen as the plain yuan a form field starts with: 6720000 → "67200.00". */
export const yuanText = (fen: Fen) => fenToYuanString(fen);

const SHANGHAI_MINUTE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the city's wall time, "2026-11-27 11:00", whatever zone the device is in. */
export const shanghaiMinute = (iso: string) => SHANGHAI_MINUTE.format(new Date(iso)).replace(', ', ' ');
