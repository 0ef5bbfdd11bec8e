import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';

function hasCjkFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

/**
 * Browser tests need Debian's Chromium and a CJK font (without one, Chinese renders as boxes).
 * As root we install them; otherwise we stop with the command to run — never skip silently.
 */
export function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM) && hasCjkFont()) return;
  if (process.getuid?.() === 0) {
    console.log(`[tuoyu] installing Chromium and CJK fonts: ${INSTALL}`);
    execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${INSTALL}`], { stdio: 'inherit' });
    return;
  }
  throw new Error(`Browser tests need Chromium and CJK fonts. Run as root:\n  ${INSTALL}`);
}
