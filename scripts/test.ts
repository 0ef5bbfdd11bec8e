// `npm test`: every test — unit and integration (PGlite, and PostgreSQL when TEST_DATABASE_URL
// is set) and the browser journeys in headless Chromium.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.ts';
import { ensureWebBuild } from './webBuild.ts';

try {
  ensureChromium();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
await ensureWebBuild();
// The PostgreSQL-only suites (two server processes, the connection pool) have nothing to run
// without TEST_DATABASE_URL or with DIALECTS=pglite: that is not a failure.
const args = ['vitest', 'run', '--passWithNoTests', ...process.argv.slice(2)];
const result = spawnSync('npx', args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
