import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const STAMP = path.join(root, 'dist/web/.build-stamp');
const INPUTS = ['src/web', 'src/domain', 'vite.config.ts', 'scripts/viteMessages.ts', 'tsconfig.web.json', 'package-lock.json'];

function newestMtime(p: string): number {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(full).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), stat.mtimeMs);
}

/** The web build is stale when any of its inputs changed after the last build. */
export function webBuildIsStale(): boolean {
  if (!fs.existsSync(STAMP) || !fs.existsSync(path.join(root, 'dist/web/index.html'))) return true;
  const built = fs.statSync(STAMP).mtimeMs;
  return INPUTS.some((p) => newestMtime(p) > built);
}

/**
 * Builds in a child process: Vite sets NODE_ENV=production in the process that runs it, which
 * would turn the server that starts next into production mode (no demo, TOTP required).
 */
export async function buildWeb(): Promise<void> {
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  // Explicitly production: under the test runner NODE_ENV is 'test', which Vite would keep, and
  // React's development build (twice the size, with its checks) would be what journeys measure.
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('The web build failed');
  fs.writeFileSync(STAMP, new Date().toISOString());
}

export async function ensureWebBuild(log: (m: string) => void = console.log): Promise<void> {
  if (!webBuildIsStale()) return;
  log('[tuoyu] building the web app (first start or changed sources)…');
  const started = Date.now();
  await buildWeb();
  log(`[tuoyu] web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
