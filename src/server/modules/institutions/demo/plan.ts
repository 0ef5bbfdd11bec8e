import { ClassStandard, type ClassType } from '../../../../domain/classes/classTypes.ts';
import { addMonthsIso, type IsoDate } from '../../../../domain/dates/shanghai.ts';
import type { Prng } from '../../../../domain/random/prng.ts';
import type { DemoInstitution } from './generate.ts';

/** What the demo makes of each generated institution. `change`: filed, with a change filing waiting. */
export type Plan = 'filed' | 'submitted' | 'under_review' | 'returned' | 'draft' | 'suspended' | 'closed' | 'change';

/** Inclusive price caps of the demo agreements, yuan per month (demo figures). */
export const DEMO_CAPS_YUAN: Record<ClassType, number> = { infant: 2200, toddler: 1900, older_toddler: 1700, mixed: 1800 };

const HAIZHOU = '320706';

function take(prng: Prng, plan: Plan[], list: DemoInstitution[], n: number, to: Plan, where: (d: DemoInstitution) => boolean) {
  const candidates = plan.flatMap((p, i) => (p === 'filed' && where(list[i] as DemoInstitution) ? [i] : []));
  for (let k = 0; k < n && candidates.length > 0; k++) {
    const [i] = candidates.splice(prng.int(0, candidates.length - 1), 1);
    plan[i as number] = to;
  }
}

/**
 * Most institutions are filed; 海州区 has filings waiting for its district official (new ones
 * submitted or under review, and one change filing of a filed institution), other districts a
 * few; some are returned, in draft, suspended or closed.
 */
export function planStatuses(prng: Prng, list: DemoInstitution[]): Plan[] {
  const plan: Plan[] = list.map(() => 'filed');
  const inDistrict = (code: string) => (d: DemoInstitution) => d.divisionCode.startsWith(code);
  const any = () => true;
  take(prng, plan, list, 4, 'submitted', inDistrict(HAIZHOU));
  take(prng, plan, list, 2, 'under_review', inDistrict(HAIZHOU));
  take(prng, plan, list, 1, 'change', inDistrict(HAIZHOU));
  take(prng, plan, list, 1, 'returned', inDistrict(HAIZHOU));
  take(prng, plan, list, 2, 'submitted', inDistrict('320707'));
  take(prng, plan, list, 1, 'under_review', inDistrict('320722'));
  take(prng, plan, list, 2, 'returned', (d) => d.divisionCode.startsWith('320723') || d.divisionCode.startsWith('320724'));
  take(prng, plan, list, 5, 'draft', any);
  take(prng, plan, list, 2, 'suspended', any);
  take(prng, plan, list, 1, 'closed', any);
  return plan;
}

/**
 * One filed institution per township for 34 townships (the guidance center is the 35th):
 * some townships are left without an inclusive institution, as in the city today.
 */
export function pickInclusive(prng: Prng, plan: Plan[], list: DemoInstitution[], count: number): number[] {
  const byTownship = new Map<string, number[]>();
  plan.forEach((p, i) => {
    const d = list[i] as DemoInstitution;
    if (p !== 'filed' || d.operatorType === 'family_point') return;
    byTownship.set(d.divisionCode, [...(byTownship.get(d.divisionCode) ?? []), i]);
  });
  const townships = [...byTownship.keys()].sort();
  const chosen: number[] = [];
  while (chosen.length < count && townships.length > 0) {
    const [code] = townships.splice(prng.int(0, townships.length - 1), 1);
    const options = byTownship.get(code as string) as number[];
    chosen.push(options[prng.int(0, options.length - 1)] as number);
  }
  return chosen;
}

/** Inclusive institutions charge within the caps, except `overCap` of them, which compliance flags. */
export function applyCaps(list: DemoInstitution[], inclusive: number[], overCap: number[]) {
  for (const i of inclusive) {
    const d = list[i] as DemoInstitution;
    for (const type of Object.keys(d.feesFen) as ClassType[]) {
      const cap = DEMO_CAPS_YUAN[type] * 100;
      d.feesFen[type] = overCap.includes(i) ? cap + 20_000 : Math.min(d.feesFen[type] as number, cap - 10_000);
    }
  }
}

/**
 * A few filed institutions with compliance problems, one kind each: classes over the national
 * maximum, a caregiver short of the ratio, expired health certificates, too little indoor area,
 * a class whose caregivers' qualifications have lapsed.
 */
export function applyProblems(prng: Prng, plan: Plan[], list: DemoInstitution[], exclude: number[], today: IsoDate): number[] {
  const candidates = plan.flatMap((p, i) =>
    p === 'filed' && !exclude.includes(i) && (list[i] as DemoInstitution).operatorType !== 'family_point' ? [i] : [],
  );
  const picked: number[] = [];
  for (let k = 0; k < 8 && candidates.length > 0; k++) picked.push(candidates.splice(prng.int(0, candidates.length - 1), 1)[0] as number);
  picked.forEach((i, k) => {
    const d = list[i] as DemoInstitution;
    const first = d.classes[0];
    if (!first) return;
    if (k < 2) first.capacity = ClassStandard[first.classType].maxChildren + 3;
    else if (k < 4) {
      const at = d.staff.findIndex((s) => s.classIndex === 0);
      if (at >= 0) d.staff.splice(at, 1);
    } else if (k < 6) {
      const health = d.staff.find((s) => s.role === 'caregiver')?.certificates.find((c) => c.kind === 'health');
      if (health) {
        health.expiresOn = addMonthsIso(today, -1);
        health.issuedOn = addMonthsIso(today, -13);
      }
    } else if (k === 6) d.indoorAreaM2 = d.classes.reduce((s, c) => s + c.capacity, 0) * 2;
    else {
      for (const s of d.staff.filter((x) => x.classIndex === 0)) {
        const qualification = s.certificates.find((c) => c.kind === 'caregiver_qualification');
        if (qualification) qualification.expiresOn = addMonthsIso(today, -2);
      }
    }
  });
  return picked;
}
