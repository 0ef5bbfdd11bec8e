// `npm start`: build the web app when it is missing or stale, then serve.
import { ensureWebBuild } from './webBuild.ts';

await ensureWebBuild();
await import('../src/server/main.ts');
