import type { Config } from './config.ts';
import { createFieldCipher } from './db/fieldCipher.ts';
import { loadFieldKey } from './db/fieldKey.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { ensureDivisions, seedDemo } from './demo/seed.ts';
import { type Deps, systemClock } from './deps.ts';
import { loadCheckpointKey } from './platform/audit/checkpointKey.ts';

export type StartupLog = (message: string) => void;

/** Opens and migrates the database, loads reference data and, when asked, the demo. */
export async function prepare(config: Config, log: StartupLog): Promise<Deps> {
  const cipher = createFieldCipher(loadFieldKey(config));
  // A missing signing key stops the start here rather than failing every seal later.
  loadCheckpointKey(config);
  const database = await openDatabase(config);
  try {
    const applied = await migrate(database);
    if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
    const deps: Deps = { database, db: database.db, config, clock: systemClock, cipher };
    if (await ensureDivisions(deps)) log('loaded the Lianyungang division tree');
    const wantDemo = config.seedDemo === 'always' || (config.seedDemo === 'auto' && config.env !== 'production');
    if (wantDemo && (await seedDemo(deps))) log('seeded the demo data (accounts in README.md, password tuoyu-demo)');
    return deps;
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
}
