/** A division with its latest population and its children, as the tree route returns it. */
export type DivisionNode = {
  code: string;
  name: string;
  level: 'city' | 'district' | 'township';
  pinyin: string;
  initials: string;
  population: PopulationFigure | null;
  children: DivisionNode[];
};

export type PopulationFigure = { year: number; total: number; under3: number; isDemo: boolean };

type Row = { code: string; name: string; parent_code: string | null; level: string; pinyin: string; initials: string };

/** Builds the tree from flat rows; children in code order. Rows whose parent is absent are roots. */
export function buildTree(rows: Row[], population: Map<string, PopulationFigure>): DivisionNode[] {
  const nodes = new Map<string, DivisionNode>();
  for (const r of [...rows].sort((a, b) => a.code.localeCompare(b.code))) {
    nodes.set(r.code, {
      code: r.code,
      name: r.name,
      level: r.level as DivisionNode['level'],
      pinyin: r.pinyin,
      initials: r.initials,
      population: population.get(r.code) ?? null,
      children: [],
    });
  }
  const roots: DivisionNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.code) as DivisionNode;
    const parent = r.parent_code ? nodes.get(r.parent_code) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  for (const n of nodes.values()) n.children.sort((a, b) => a.code.localeCompare(b.code));
  return roots.sort((a, b) => a.code.localeCompare(b.code));
}
