// Regenerates src/web/api/generated.ts from the server's OpenAPI document (the one /api/docs/json
// serves); `--check` fails when the file is stale. The app is built in-process on an empty
// in-memory database: the document depends only on the routes and their zod schemas.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../src/server/app.ts';
import { testConfig } from '../src/server/config.ts';
import { openPGlite } from '../src/server/db/connect.ts';
import { createFieldCipher } from '../src/server/db/fieldCipher.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { systemClock } from '../src/server/deps.ts';

const relativePath = 'src/web/api/generated.ts';
const target = new URL(`../${relativePath}`, import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));

/** Every `$ref` must point at a component the document has; openapi-typescript cannot resolve the rest. */
function assertRefsResolve(document: OpenAPI3) {
  const schemas = document.components?.schemas ?? {};
  const dangling = new Set<string>();
  JSON.stringify(document, (key, value) => {
    if (key === '$ref' && typeof value === 'string') {
      const name = value.replace(/^#\/components\/schemas\//, '');
      if (name === value || !(name in schemas)) dangling.add(value);
    }
    return value;
  });
  if (dangling.size > 0) {
    throw new Error(
      `the OpenAPI document has unresolved references: ${[...dangling].join(', ')} (name recursive schemas with .meta({ id }))`,
    );
  }
}

async function openApiDocument(): Promise<OpenAPI3> {
  const database = await openPGlite({});
  await migrate(database);
  const config = testConfig({ webDistDir: '/nonexistent' });
  const app = await buildApp({ database, db: database.db, config, clock: systemClock, cipher: createFieldCipher(randomBytes(32)) });
  try {
    await app.ready();
    const document = app.swagger() as unknown as OpenAPI3;
    // Paths in order of their text, not of plugin registration, so moving a module in the list
    // does not churn the generated file.
    const paths = document.paths ?? {};
    document.paths = Object.fromEntries(
      Object.keys(paths)
        .sort()
        .map((path) => [path, paths[path]!]),
    );
    assertRefsResolve(document);
    return document;
  } finally {
    await app.close();
    await database.close();
  }
}

const HEADER = `${COMMENT_HEADER.trimEnd()}
// Types of the API as the server's OpenAPI document describes it: \`npm run api:types\` writes this
// file and \`npm run check\` fails when it is stale. Read it through ./types.ts.

`;

const document = await openApiDocument();
const generated = HEADER + astToString(await openapiTS(document, { silent: true }));
// Formatted as the repository formats its code, so `biome check` passes on it unchanged.
const biome = spawnSync(
  process.execPath,
  [fileURLToPath(import.meta.resolve('@biomejs/biome/bin/biome')), 'check', '--write', `--stdin-file-path=${relativePath}`],
  { cwd: root, input: generated, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
if (biome.status !== 0) {
  console.error(biome.stderr || biome.stdout);
  process.exit(1);
}
const text = biome.stdout;

if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error(`ERROR: ${relativePath} is not up to date; run npm run api:types`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(target, text);
}
