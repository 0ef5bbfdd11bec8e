import { addMonthsIso, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { type Fen, formatCny } from '../../../../domain/money/fen.ts';

/** Money as the pages show it: the yuan sign, grouping and exactly two decimals, from integer fen. */
export const yuan = (fen: Fen) => formatCny(fen);

/** Fee statements and redemptions belong to the city's months, not the device's. */
export const currentMonth = () => todayInShanghai(new Date()).slice(0, 7);
export const previousMonth = () => addMonthsIso(`${currentMonth()}-01`, -1).slice(0, 7);
