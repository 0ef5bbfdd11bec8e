import fs from 'node:fs';

export type DivisionSeedRow = { code: string; name: string; parentCode: string | null; level: 'city' | 'district' | 'township' };

const BUNDLED = new URL('./data/lianyungang-divisions.csv', import.meta.url);

/** The model city's division tree, shipped with the code (see data/SOURCE.md). */
export function readBundledDivisions(): DivisionSeedRow[] {
  const [header, ...lines] = fs.readFileSync(BUNDLED, 'utf8').trim().split(/\r?\n/);
  if (header !== 'code,name,parent_code,level') throw new Error('Unexpected divisions CSV header');
  return lines.map((line) => {
    const [code = '', name = '', parent = '', level = ''] = line.split(',');
    if (level !== 'city' && level !== 'district' && level !== 'township') throw new Error(`Bad level in ${line}`);
    return { code, name, parentCode: parent || null, level };
  });
}
