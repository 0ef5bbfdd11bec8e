import { ensureChromium } from '../../scripts/chromium.ts';
import { ensureWebBuild } from '../../scripts/webBuild.ts';

/** Browser journeys need Chromium with CJK fonts and a current web build. */
export default async function setup() {
  ensureChromium();
  await ensureWebBuild();
}
