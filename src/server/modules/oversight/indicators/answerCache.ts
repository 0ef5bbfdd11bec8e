/**
 * Computed answers kept in memory, each with the stamp of the inputs it was computed from (their
 * versions and the targets). An answer is served only while the inputs read the same stamp, so a
 * commit anywhere is seen by the next answer in every process; nothing expires by time. Bounded:
 * the least recently used answer goes first.
 */
export class AnswerCache<T> {
  private readonly entries = new Map<string, { stamp: string; answer: T }>();

  constructor(private readonly limit = 2000) {}

  /** The answer for `key` computed from inputs stamped `stamp`, or undefined. */
  get(key: string, stamp: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.stamp !== stamp) return undefined;
    // Map keeps insertion order: re-inserting marks it the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.answer;
  }

  set(key: string, stamp: string, answer: T): void {
    this.entries.delete(key);
    this.entries.set(key, { stamp, answer });
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
