import { givenName } from '../identity/givenName.ts';

/** What stands in a kept record's free text where an erased child was named. */
export const REDACTED_CHILD = '某幼儿';

/**
 * Free text kept after an erasure (an incident's description) with the children's names taken
 * out: each full name, then each given name of two characters or more (a one-character given
 * name would cut ordinary words). Longer names first, so 王小雨 goes whole before 小雨.
 */
export function redactNames(text: string, fullNames: readonly string[]): string {
  const words = [...new Set(fullNames.flatMap((n) => [n.trim(), givenName(n)]).filter((w) => [...w].length >= 2))];
  words.sort((a, b) => b.length - a.length);
  return words.reduce((out, word) => out.split(word).join(REDACTED_CHILD), text);
}
