import { useMemo } from 'react';
import type { DivisionNode } from '../../geography/api';
import { useDivisionTree } from '../../geography/queries';

/** The city and its districts: where a program's children may live (the server wants codes). */
export type DivisionOption = { value: string; label: string };

function walk(nodes: DivisionNode[], visit: (node: DivisionNode) => void) {
  for (const node of nodes) {
    visit(node);
    walk(node.children, visit);
  }
}

/** Division names by code, and the city and district options, from the cached division tree. */
export function useDivisions() {
  const tree = useDivisionTree();
  return useMemo(() => {
    const names = new Map<string, string>();
    const options: DivisionOption[] = [];
    walk(tree.data?.tree ?? [], (node) => {
      names.set(node.code, node.name);
      if (node.level !== 'township') options.push({ value: node.code, label: node.name });
    });
    return { names, options, loading: tree.isPending };
  }, [tree.data, tree.isPending]);
}
