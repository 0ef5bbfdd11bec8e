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
