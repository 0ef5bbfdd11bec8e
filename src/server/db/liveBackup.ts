import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from './connect.ts';

/**
 * A backup of the embedded database while the server runs. Only the server may open its data
 * folder, so `cli backup` asks it: it drops a request file in DATA_DIR, the server answers with a
 * snapshot taken between transactions, and the command packs it. Files, not signals: a stale pid
 * file may name some other process by now, and a file cannot hurt it.
 */
const REQUEST = /^backup-request-([0-9a-f]{32})$/;
const answerOf = (dataDir: string, id: string) => path.join(dataDir, `backup-answer-${id}.tar`);

/** The server's side: look for requests every `everyMs` and answer each with a snapshot. Returns stop. */
export function answerBackupRequests(database: Database, dataDir: string, onError: (err: unknown) => void, everyMs = 500): () => void {
  const dump = database.dump;
  if (!dump) return () => {};
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    const ids = fs.readdirSync(dataDir).flatMap((name) => REQUEST.exec(name)?.[1] ?? []);
    if (ids.length === 0) return;
    busy = true;
    (async () => {
      const snapshot = Buffer.from(await (await dump()).arrayBuffer());
      for (const id of ids) {
        const answer = answerOf(dataDir, id);
        fs.writeFileSync(`${answer}.part`, snapshot, { mode: 0o600 });
        fs.renameSync(`${answer}.part`, answer);
        fs.rmSync(path.join(dataDir, `backup-request-${id}`), { force: true });
      }
    })()
      .catch(onError)
      .finally(() => {
        busy = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The command's side: ask the server holding `dataDir` for a snapshot and wait for it. */
export async function snapshotFromServer(dataDir: string, pid: number, timeoutMs = 60_000): Promise<Buffer> {
  const id = randomBytes(16).toString('hex');
  const request = path.join(dataDir, `backup-request-${id}`);
  const answer = answerOf(dataDir, id);
  fs.writeFileSync(request, '');
  try {
    for (const deadline = Date.now() + timeoutMs; !fs.existsSync(answer); await sleep(100)) {
      if (Date.now() > deadline) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${pid}, which did not answer a backup request ` +
            `within ${Math.round(timeoutMs / 1000)} s. Is it a tuoyu server of this version? Stop it and run the backup again.`,
        );
      }
    }
    return fs.readFileSync(answer);
  } finally {
    fs.rmSync(request, { force: true });
    fs.rmSync(answer, { force: true });
  }
}
