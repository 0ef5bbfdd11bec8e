import { addDaysIso, todayInShanghai } from '../../../domain/dates/shanghai.ts';
import type { ChoiceStatus } from './api';

/** Today's date in Shanghai: attendance days and start dates are the city's days, not the tablet's. */
export const today = () => todayInShanghai(new Date());
export const inDays = (days: number) => addDaysIso(today(), days);
export const thisMonth = () => today().slice(0, 7);

/** An instant shown as Shanghai wall time, whatever zone the device is set to. */
export function shanghaiTime(iso: string, withDate = false): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    ...(withDate ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** Tag colours per choice status, so the parent's list and the director's board read alike. */
export const STATUS_COLOR: Record<ChoiceStatus, string> = {
  new: 'blue',
  waitlisted: 'gold',
  offered: 'green',
  accepted: 'cyan',
  declined: 'default',
  withdrawn: 'default',
  expired: 'default',
};

/** The director's board columns; declined, withdrawn and expired choices share the closed column. */
export const BOARD_COLUMNS = [
  { key: 'new', statuses: ['new'] },
  { key: 'waitlisted', statuses: ['waitlisted'] },
  { key: 'offered', statuses: ['offered'] },
  { key: 'accepted', statuses: ['accepted'] },
  { key: 'closed', statuses: ['declined', 'withdrawn', 'expired'] },
] as const satisfies ReadonlyArray<{ key: string; statuses: readonly ChoiceStatus[] }>;
