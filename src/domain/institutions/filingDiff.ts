import { KeyFact } from './keyFacts.ts';

/**
 * What a change filing changes against the filing in force (备案变更): the facts that differ,
 * classes added, removed or changed, and documents replaced. The reviewer decides on exactly
 * these, so the review page shows them first; the server keeps both snapshots.
 */

/** Facts published at once, without review (see keyFacts.ts), still shown to the reviewer of a change filing. */
const PUBLISHED_AT_ONCE = ['serviceForms', 'openingHours', 'monthlyFeeYuan', 'contactPhone'] as const;

/**
 * The facts compared, in the order a reviewer reads them: key facts first (classes are compared
 * on their own, below), then those published at once.
 */
export const DIFF_FACTS = [...KeyFact.filter((f): f is Exclude<KeyFact, 'classes'> => f !== 'classes'), ...PUBLISHED_AT_ONCE];
export type DiffFact = (typeof DIFF_FACTS)[number];

export type DiffClass = { id: string; classType: string; name: string; capacity: number };
export type DiffDocument = { id: string; documentType: string | null; filename: string };

/** The parts of a filing snapshot the comparison reads. */
export type FilingSide = {
  facts: { [F in DiffFact]?: unknown };
  classes: readonly DiffClass[];
  documents: readonly DiffDocument[];
};

export type FilingDiff = {
  facts: { fact: DiffFact; before: unknown; after: unknown }[];
  classes: { added: DiffClass[]; removed: DiffClass[]; changed: { before: DiffClass; after: DiffClass }[] };
  /** Per document type: `before` empty means added, `after` empty removed, both set replaced. */
  documents: { documentType: string; before: DiffDocument[]; after: DiffDocument[] }[];
};

/** The same value whatever the order of an object's keys (a fee table, a location). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function diffFiling(filed: FilingSide, submitted: FilingSide): FilingDiff {
  const facts = DIFF_FACTS.filter((f) => canonical(filed.facts[f]) !== canonical(submitted.facts[f])).map((fact) => ({
    fact,
    before: filed.facts[fact] ?? null,
    after: submitted.facts[fact] ?? null,
  }));

  const filedClasses = new Map(filed.classes.map((c) => [c.id, c]));
  const submittedIds = new Set(submitted.classes.map((c) => c.id));
  const classes: FilingDiff['classes'] = {
    added: submitted.classes.filter((c) => !filedClasses.has(c.id)),
    removed: filed.classes.filter((c) => !submittedIds.has(c.id)),
    changed: [],
  };
  for (const after of submitted.classes) {
    const before = filedClasses.get(after.id);
    if (before && (before.classType !== after.classType || before.name !== after.name || before.capacity !== after.capacity)) {
      classes.changed.push({ before, after });
    }
  }

  const byType = (docs: readonly DiffDocument[]) => {
    const map = new Map<string, DiffDocument[]>();
    for (const d of docs) map.set(d.documentType ?? 'other', [...(map.get(d.documentType ?? 'other') ?? []), d]);
    return map;
  };
  const filedDocs = byType(filed.documents);
  const submittedDocs = byType(submitted.documents);
  const types = [...new Set([...filedDocs.keys(), ...submittedDocs.keys()])];
  const documents = types
    .map((documentType) => ({ documentType, before: filedDocs.get(documentType) ?? [], after: submittedDocs.get(documentType) ?? [] }))
    .filter((d) => canonical(d.before.map((x) => x.id).sort()) !== canonical(d.after.map((x) => x.id).sort()));

  return { facts, classes, documents };
}

/** Whether the change filing changes anything at all. */
export function isEmptyDiff(diff: FilingDiff): boolean {
  const c = diff.classes;
  return diff.facts.length === 0 && c.added.length + c.removed.length + c.changed.length === 0 && diff.documents.length === 0;
}
