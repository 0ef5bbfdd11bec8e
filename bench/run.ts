// `npm run bench [name…]`: runs each bench/*.bench.ts in turn (or those whose file name contains
// one of the names given); each default-exports an async function that prints its own figures,
// read against the anchors (anchors.ts) and judged against the targets of issues 17 and 14, listed at the end.
import fs from 'node:fs';
import { printTargets } from './targets.ts';

const dir = new URL('./', import.meta.url);
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.includes(name)))
  .sort();
if (files.length === 0) console.log('no benchmarks matched');
for (const file of files) {
  console.log(`\n== ${file}`);
  const bench = (await import(new URL(file, dir).href)) as { default: () => Promise<void> };
  await bench.default();
}
printTargets();
