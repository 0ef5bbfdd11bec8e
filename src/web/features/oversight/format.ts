/** Figures as the dashboard shows them; null (a ratio over nothing) is a dash. */
const count = new Intl.NumberFormat('zh-CN');

export const formatCount = (n: number) => count.format(n);
export const formatPercent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
export const formatPer1000 = (r: number | null) => (r === null ? '—' : r.toFixed(2));

/** How far toward a target, 0–100 for a progress bar; a met target is full. */
export function progressTo(value: number | null, target: number): number {
  if (value === null || target <= 0) return 0;
  return Math.min(100, Math.round((value / target) * 1000) / 10);
}

export const meets = (value: number | null, target: number) => value !== null && value >= target;

/** The 24 months ending with the one of `today` (YYYY-MM-DD), as the series route takes them. */
export function lastMonths(today: string, count = 24): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - (count - 1);
  const from = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  return { from, to: today.slice(0, 7) };
}
