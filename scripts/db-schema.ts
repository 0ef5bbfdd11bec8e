// Regenerates src/server/db/schema.ts from the migrations; `--check` fails when it is stale.
import fs from 'node:fs';
import { openPGlite } from '../src/server/db/connect.ts';
import { generateSchema } from '../src/server/db/generateSchema.ts';
import { migrate } from '../src/server/db/migrate.ts';

const target = new URL('../src/server/db/schema.ts', import.meta.url);
const database = await openPGlite({});
await migrate(database);
const text = await generateSchema(database);
await database.close();
if (process.argv.includes('--check')) {
  if (fs.readFileSync(target, 'utf8') !== text) {
    console.error('src/server/db/schema.ts is not up to date: run `npm run db:schema` and commit it.');
    process.exit(1);
  }
} else {
  fs.writeFileSync(target, text);
}
