import { createPrng } from '../random/prng.ts';

/** What a draw reads, recorded with the round so anyone can run it again. Lists are in id order. */
export type DrawInput = {
  /** The district's filed, active institutions and their weight (1 unless weighted for risk). */
  institutions: readonly { id: string; weight: number }[];
  /** The district's active inspectors. */
  inspectorIds: readonly string[];
  /** Pairs recorded as conflicting: the inspector never inspects that institution. */
  conflicts: readonly { inspectorId: string; institutionId: string }[];
  sampleRate: number;
  inspectorsPerInspection: number;
};

export type DrawnInspection = { institutionId: string; inspectorIds: string[] };

export type DrawResult = { ok: true; inspections: DrawnInspection[] } | { ok: false; institutionId: string; eligible: number };

/** How many institutions a round takes: the rate of the directory, rounded, at least one. */
export function sampleSize(population: number, sampleRate: number): number {
  if (population === 0) return 0;
  return Math.min(population, Math.max(1, Math.round(population * sampleRate)));
}

/**
 * "Double random" (双随机): institutions drawn without replacement, each by weighted random
 * keys u^(1/w) (Efraimidis–Spirakis), so a weight of 1 for all is a plain simple random sample
 * and a higher weight raises the chance in proportion when one is drawn; then for each drawn
 * institution, inspectors drawn from those without a conflict, the least loaded in this round
 * first, ties broken at random. The same seed and input give the same draw.
 */
export function drawRound(input: DrawInput, seed: number): DrawResult {
  const prng = createPrng(seed);
  const keyed = input.institutions.map((i) => ({ id: i.id, key: prng.next() ** (1 / i.weight) }));
  keyed.sort((a, b) => b.key - a.key);
  const chosen = keyed.slice(0, sampleSize(input.institutions.length, input.sampleRate));
  const conflicted = new Set(input.conflicts.map((c) => `${c.inspectorId}|${c.institutionId}`));
  const load = new Map(input.inspectorIds.map((id) => [id, 0]));
  const inspections: DrawnInspection[] = [];
  for (const { id: institutionId } of chosen) {
    const eligible = input.inspectorIds
      .filter((inspectorId) => !conflicted.has(`${inspectorId}|${institutionId}`))
      .map((inspectorId) => ({ inspectorId, tie: prng.next() }));
    if (eligible.length < input.inspectorsPerInspection) return { ok: false, institutionId, eligible: eligible.length };
    eligible.sort((a, b) => (load.get(a.inspectorId) ?? 0) - (load.get(b.inspectorId) ?? 0) || a.tie - b.tie);
    const inspectorIds = eligible.slice(0, input.inspectorsPerInspection).map((e) => e.inspectorId);
    for (const inspectorId of inspectorIds) load.set(inspectorId, (load.get(inspectorId) ?? 0) + 1);
    inspections.push({ institutionId, inspectorIds });
  }
  return { ok: true, inspections };
}

/** Risk weighting: each complaint or incident of the last 12 months adds `perEvent`, up to `max` in all. */
export function riskWeight(events: number, rule: { perEvent: number; max: number }): number {
  return Math.min(rule.max, 1 + events * rule.perEvent);
}
