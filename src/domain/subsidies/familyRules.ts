import { turnsThreeOn } from '../dates/childAge.ts';
import { addMonthsIso, type IsoDate, type IsoMonth } from '../dates/shanghai.ts';
import { type Fen, splitFen } from '../money/fen.ts';

/**
 * The months of a child's life that count as "under 3" for monthly benefits: from the birth month
 * to the month before the month of the third birthday (个人所得税专项附加扣除暂行办法 as amended by
 * 国发〔2022〕8号: "扣除期间为婴幼儿出生的当月至年满3周岁的前一个月").
 */
export function monthsUnderThree(birthDate: IsoDate): { first: IsoMonth; last: IsoMonth } {
  const third = turnsThreeOn(birthDate).slice(0, 7);
  return { first: birthDate.slice(0, 7), last: addMonthsIso(`${third}-01`, -1).slice(0, 7) };
}

function monthsBetween(first: IsoMonth, last: IsoMonth): IsoMonth[] {
  const months: IsoMonth[] = [];
  for (let m = first; m <= last; m = addMonthsIso(`${m}-01`, 1).slice(0, 7)) months.push(m);
  return months;
}

/** A monthly standard in force from a month on, until the next step. */
export type RateStep = { from: IsoMonth; monthlyFen: Fen };

/**
 * 3岁以下婴幼儿照护专项附加扣除: 1,000 yuan per child per month from January 2022 (国发〔2022〕8号),
 * 2,000 yuan from January 2023 (国发〔2023〕13号). Policy may change: these are defaults for the
 * `subsidies.policy` setting.
 */
export const DEFAULT_TAX_DEDUCTION_RATES: RateStep[] = [
  { from: '2022-01', monthlyFen: 100_000 },
  { from: '2023-01', monthlyFen: 200_000 },
];

/** The standard in force in a month; 0 before the first step. */
export function rateIn(rates: RateStep[], month: IsoMonth): Fen {
  let fen = 0;
  for (const step of [...rates].sort((a, b) => a.from.localeCompare(b.from))) if (step.from <= month) fen = step.monthlyFen;
  return fen;
}

/** The deduction is taken 100% by one parent or 50% by each (国发〔2022〕8号). */
export const SHARES = [100, 50] as const;
export type SharePercent = (typeof SHARES)[number];

export type DeductionMonth = { month: IsoMonth; standardFen: Fen; deductibleFen: Fen };

/** One parent's deduction for one child in a tax year: the eligible months at their share. */
export function yearlyDeduction(birthDate: IsoDate, year: number, sharePercent: SharePercent, rates = DEFAULT_TAX_DEDUCTION_RATES) {
  const { first, last } = monthsUnderThree(birthDate);
  const from = `${year}-01` > first ? `${year}-01` : first;
  const to = `${year}-12` < last ? `${year}-12` : last;
  const months: DeductionMonth[] = monthsBetween(from, to)
    .map((month) => ({ month, standardFen: rateIn(rates, month) }))
    .filter((m) => m.standardFen > 0)
    // Shares are 100 or 50 and standards whole yuan, so the product divides exactly.
    .map((m) => ({ ...m, deductibleFen: (m.standardFen * sharePercent) / 100 }));
  return { months, totalFen: months.reduce((s, m) => s + m.deductibleFen, 0) };
}

/** 育儿补贴 (national childcare subsidy): a yearly amount per child under 3 from a start month. */
export type ChildcareSubsidyPolicy = { fromMonth: IsoMonth; yearlyFen: Fen };

/**
 * 育儿补贴制度实施方案 (State Council, July 2025): 3,600 yuan per child per year for each child
 * under 3, from 1 January 2025; a child born before 2025 who is still under 3 gets the months
 * remaining before turning 3. Defaults for the `subsidies.policy` setting.
 */
export const DEFAULT_CHILDCARE_SUBSIDY: ChildcareSubsidyPolicy = { fromMonth: '2025-01', yearlyFen: 360_000 };

/**
 * The months the child is due the subsidy and each month's amount: a twelfth of the yearly
 * amount (the yearly amount split exactly in fen, leftover fen to the first months of the year).
 */
export function childcareSubsidyMonths(birthDate: IsoDate, policy = DEFAULT_CHILDCARE_SUBSIDY): { month: IsoMonth; amountFen: Fen }[] {
  const { first, last } = monthsUnderThree(birthDate);
  const from = [policy.fromMonth, first].sort().at(-1) as IsoMonth;
  const monthly = splitFen(policy.yearlyFen, 12);
  return monthsBetween(from, last).map((month) => ({ month, amountFen: monthly[Number(month.slice(5, 7)) - 1] as Fen }));
}

/** The same months grouped by calendar year, as payments are made yearly. */
export function childcareSubsidyByYear(birthDate: IsoDate, policy = DEFAULT_CHILDCARE_SUBSIDY) {
  const years = new Map<number, { year: number; months: IsoMonth[]; amountFen: Fen }>();
  for (const m of childcareSubsidyMonths(birthDate, policy)) {
    const year = Number(m.month.slice(0, 4));
    const entry = years.get(year) ?? { year, months: [], amountFen: 0 };
    entry.months.push(m.month);
    entry.amountFen += m.amountFen;
    years.set(year, entry);
  }
  return [...years.values()];
}
