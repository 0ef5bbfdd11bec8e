import type { DivisionNode } from './api';

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

/**
 * People type a division as its Chinese name, its pinyin (with or without spaces: "hai zhou",
 * "haizhou") or its initials ("hzq"). Pinyin and initials come from the server, so the browser
 * carries no pinyin dictionary.
 */
function matchesDivision(node: DivisionNode, query: string): boolean {
  const q = normalise(query);
  if (!q) return true;
  return node.name.includes(query.trim()) || normalise(node.pinyin).includes(q) || node.initials.toLowerCase().includes(q);
}

/** Keeps every match with its ancestors (for context) and all its descendants (what it contains). */
export function filterDivisions(nodes: DivisionNode[], query: string): DivisionNode[] {
  if (!normalise(query)) return nodes;
  const result: DivisionNode[] = [];
  for (const node of nodes) {
    if (matchesDivision(node, query)) {
      result.push(node);
      continue;
    }
    const children = filterDivisions(node.children, query);
    if (children.length > 0) result.push({ ...node, children });
  }
  return result;
}

export function allCodes(nodes: DivisionNode[]): string[] {
  return nodes.flatMap((node) => [node.code, ...allCodes(node.children)]);
}

/** Which figures are demonstration figures: none, some (mark them) or all (one note says so). */
export function demoFigures(nodes: DivisionNode[]): 'none' | 'some' | 'all' {
  let demo = 0;
  let real = 0;
  const visit = (list: DivisionNode[]) => {
    for (const node of list) {
      if (node.population) node.population.isDemo ? demo++ : real++;
      visit(node.children);
    }
  };
  visit(nodes);
  if (demo === 0) return 'none';
  return real === 0 ? 'all' : 'some';
}

export function findDivision(nodes: DivisionNode[], code: string): DivisionNode | undefined {
  for (const node of nodes) {
    if (node.code === code) return node;
    const found = findDivision(node.children, code);
    if (found) return found;
  }
  return undefined;
}
