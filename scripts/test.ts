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
const args = ['vitest', 'run', ...process.argv.slice(2)];
const result = spawnSync('npx', args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
