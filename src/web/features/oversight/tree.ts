import type { DivisionNode } from '../geography/api';

/** The divisions from the root down to `code`, or [] when the tree has no such division. */
export function pathTo(nodes: readonly DivisionNode[], code: string): DivisionNode[] {
  for (const node of nodes) {
    if (node.code === code) return [node];
    const below = pathTo(node.children, code);
    if (below.length > 0) return [node, ...below];
  }
  return [];
}

/** Every township at or below a division, in tree order. */
export function townshipsOf(node: DivisionNode): DivisionNode[] {
  return node.level === 'township' ? [node] : node.children.flatMap(townshipsOf);
}

/**
 * The divisions whose work concerns the last one of `path`: itself, those above it (a city's
 * voucher program is spent in each of its districts) and every one below it.
 */
export function concerning(path: readonly DivisionNode[]): Set<string> {
  const codes = new Set(path.map((d) => d.code));
  const below = (node: DivisionNode) => {
    codes.add(node.code);
    for (const child of node.children) below(child);
  };
  const last = path[path.length - 1];
  if (last) below(last);
  return codes;
}
