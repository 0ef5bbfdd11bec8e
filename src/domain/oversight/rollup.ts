import { type IndicatorCounts, populationOf } from './indicators.ts';

/**
 * Rolls institutions and population up the division tree valid on one date (issue 14's
 * definitions): a division's places, inclusive places and enrolled children are those of the
 * institutions in its subtree; its population is its own figure, else the sum of its children's;
 * its townships are the township-level divisions of its subtree, covered when one of their
 * counted institutions holds an inclusive designation.
 */
export type TreeDivision = { code: string; parentCode: string | null; level: 'city' | 'district' | 'township' };

export type CountedInstitution = { divisionCode: string; places: number; inclusive: boolean; enrolled: number };

export type Figure = { total: number; under3: number };

export type RollupInput = {
  divisions: readonly TreeDivision[];
  /** Codes ended by a merger → the code that took over their area. */
  successors: ReadonlyMap<string, string>;
  population: ReadonlyMap<string, Figure>;
  institutions: readonly CountedInstitution[];
};

/**
 * The division of the tree an institution's township code belongs to: itself when in force,
 * else its successor's (a merged township's institutions count under the merged one), else
 * the district of its code when only the township is unknown, else none.
 */
export function resolveDivision(code: string, inTree: (code: string) => boolean, successors: ReadonlyMap<string, string>): string | null {
  let current = code;
  for (let hops = 0; hops < 20; hops++) {
    if (inTree(current)) return current;
    const next = successors.get(current);
    if (next === undefined) break;
    current = next;
  }
  const district = code.slice(0, 6);
  return code.length === 9 && inTree(district) ? district : null;
}

export function rollUp(input: RollupInput): Map<string, IndicatorCounts> {
  const byCode = new Map(input.divisions.map((d) => [d.code, d]));
  const children = new Map<string, string[]>();
  for (const d of input.divisions) {
    if (d.parentCode !== null && byCode.has(d.parentCode)) children.set(d.parentCode, [...(children.get(d.parentCode) ?? []), d.code]);
  }
  const counts = new Map<string, IndicatorCounts>(
    input.divisions.map((d) => [
      d.code,
      { population: 0, under3Population: 0, places: 0, inclusivePlaces: 0, enrolled: 0, townships: 0, townshipsWithInclusive: 0 },
    ]),
  );
  const ancestorsOf = (code: string): string[] => {
    const chain: string[] = [];
    for (let c: string | null | undefined = code; c && byCode.has(c); c = byCode.get(c)?.parentCode) chain.push(c);
    return chain;
  };

  const covered = new Set<string>();
  for (const inst of input.institutions) {
    const home = resolveDivision(inst.divisionCode, (c) => byCode.has(c), input.successors);
    if (home === null) continue;
    if (inst.inclusive && byCode.get(home)?.level === 'township') covered.add(home);
    for (const code of ancestorsOf(home)) {
      const c = counts.get(code) as IndicatorCounts;
      c.places += inst.places;
      c.enrolled += inst.enrolled;
      if (inst.inclusive) c.inclusivePlaces += inst.places;
    }
  }
  for (const d of input.divisions) {
    if (d.level !== 'township') continue;
    for (const code of ancestorsOf(d.code)) {
      const c = counts.get(code) as IndicatorCounts;
      c.townships += 1;
      if (covered.has(d.code)) c.townshipsWithInclusive += 1;
    }
  }

  // Population bottom-up: a division without its own figure takes the sum of its children's.
  const done = new Set<string>();
  const fill = (code: string): IndicatorCounts => {
    const c = counts.get(code) as IndicatorCounts;
    if (done.has(code)) return c;
    done.add(code);
    const kids = (children.get(code) ?? []).map(fill);
    const own = input.population.get(code);
    c.population = populationOf(
      own?.total ?? null,
      kids.map((k) => k.population),
    );
    c.under3Population = populationOf(
      own?.under3 ?? null,
      kids.map((k) => k.under3Population),
    );
    return c;
  };
  for (const d of input.divisions) fill(d.code);
  return counts;
}

/** Children of a division in the tree, in code order. */
export function childrenOf<T extends TreeDivision>(divisions: readonly T[], code: string): T[] {
  return divisions.filter((d) => d.parentCode === code).sort((a, b) => a.code.localeCompare(b.code));
}
