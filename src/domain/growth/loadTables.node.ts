import { readFileSync } from 'node:fs';
import { buildGrowthTables, type GrowthTables, TABLE_NAMES, TABLE_SOURCES, type TableName } from './tables.ts';

let cached: GrowthTables | undefined;

/**
 * Node-only: reads the embedded WHO CSVs next to this file, resolved from
 * import.meta.url so it works from any working directory. Parsed once per process.
 */
export function loadGrowthTables(): GrowthTables {
  if (cached === undefined) {
    const csv = {} as Record<TableName, string>;
    for (const name of TABLE_NAMES) {
      csv[name] = readFileSync(new URL(`./who/${TABLE_SOURCES[name].file}`, import.meta.url), 'utf8');
    }
    cached = buildGrowthTables(csv);
  }
  return cached;
}
