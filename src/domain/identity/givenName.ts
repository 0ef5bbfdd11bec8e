/**
 * How a message names a child to their own family: the given name, without the surname. A
 * Chinese name of two or three characters drops its first (the common one-character surnames), of
 * four its first two (欧阳, 司马); any other name keeps its first word.
 */
export function givenName(fullName: string): string {
  const name = fullName.trim();
  if (/^[\u4e00-\u9fff]{2,4}$/.test(name)) return name.slice(name.length === 4 ? 2 : 1);
  return name.split(/\s+/)[0] ?? name;
}
