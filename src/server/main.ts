import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { prepare } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { DatabaseUnreachableError } from './db/connect.ts';
import { answerBackupRequests } from './db/liveBackup.ts';
import { serverJobs } from './modules.ts';
import { loadCheckpointKey } from './platform/audit/checkpointKey.ts';
import { sealAuditLog } from './platform/audit/sealer.ts';
import { startJobs } from './platform/jobs/scheduler.ts';

const config = loadConfig();
const say = (message: string) => console.log(`[tuoyu] ${message}`);

let deps: Awaited<ReturnType<typeof prepare>>;
let app: Awaited<ReturnType<typeof buildApp>>;
try {
  deps = await prepare(config, say);
  app = await buildApp(deps);
} catch (err) {
  // A clear message and a non-zero exit, not a stack trace in a restart loop.
  const reason = err instanceof DatabaseUnreachableError ? err.message : `Startup failed: ${(err as Error).message}`;
  console.error(`[tuoyu] ${reason}`);
  process.exit(1);
}

const stopJobs = startJobs(serverJobs(deps), app.log);
const stopBackups =
  deps.database.kind === 'pglite'
    ? answerBackupRequests(deps.database, config.dataDir, (err) => app.log.error({ err }, 'backup snapshot failed'))
    : () => {};

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'shutting down after an error');
  else app.log.info({ signal }, 'shutting down');
  // Jobs finish what they started (at most one message being sent) while requests drain.
  const jobsStopped = stopJobs();
  stopBackups();
  app.drain.begin();
  await Promise.all([jobsStopped, app.drain.settled()]);
  await app.close();
  // The last answered writes get their seal and checkpoint now rather than at the next start.
  await sealAuditLog(deps.db, loadCheckpointKey(config), { settleMs: 2_000 }).catch((err) =>
    app.log.warn({ err }, 'final audit seal failed'),
  );
  await deps.database.close();
});

await app.listen({ port: config.port, host: config.host });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
say(`serving on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port} (${deps.database.kind})`);
