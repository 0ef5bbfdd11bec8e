import { useMemo } from 'react';
import type { DivisionNode } from './api';
import { useDivisionTree } from './queries';

type TownshipOption = { value: string; label: string };

/** Townships (乡镇街道) labelled with their district: the level forms ask for (a residence, an institution's place). */
function townshipOptions(tree: DivisionNode[]): TownshipOption[] {
  const out: TownshipOption[] = [];
  const walk = (node: DivisionNode, district?: string) => {
    if (node.level === 'township') out.push({ value: node.code, label: district ? `${district} · ${node.name}` : node.name });
    for (const child of node.children) walk(child, node.level === 'district' ? node.name : district);
  };
  for (const node of tree) walk(node);
  return out;
}

/** Every township of the division tree, for a searchable select. */
export function useTownshipOptions() {
  const divisions = useDivisionTree();
  const options = useMemo(() => (divisions.data ? townshipOptions(divisions.data.tree) : []), [divisions.data]);
  return { options, loading: divisions.isPending };
}
