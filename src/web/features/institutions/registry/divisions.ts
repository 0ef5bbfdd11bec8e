import { useMemo } from 'react';
import type { DivisionNode } from '../../geography/api';
import { useDivisionTree } from '../../geography/queries';

export type DivisionOption = { value: string; title: string; children: DivisionOption[] };

const toOptions = (nodes: DivisionNode[]): DivisionOption[] =>
  nodes.map((n) => ({ value: n.code, title: n.name, children: toOptions(n.children) }));

/** Division names by code, and the divisions below the official's own as a tree to pick from. */
export function useScopeDivisions(scopeCode: string | undefined) {
  const tree = useDivisionTree();
  return useMemo(() => {
    const names = new Map<string, string>();
    let scope: DivisionNode | undefined;
    const walk = (nodes: DivisionNode[]) => {
      for (const node of nodes) {
        names.set(node.code, node.name);
        if (node.code === scopeCode) scope = node;
        walk(node.children);
      }
    };
    walk(tree.data?.tree ?? []);
    return { names, options: scope ? toOptions(scope.children) : [] };
  }, [tree.data, scopeCode]);
}
