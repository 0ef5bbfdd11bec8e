import type { Config } from '../config.ts';
import { type Database, openPGlite, openPostgres } from './connect.ts';

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded database under DATA_DIR. */
export function openDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openPostgres({ url: config.databaseUrl, poolSize: config.databasePoolSize, connectionTimeoutMs: config.databasePoolWaitMs })
    : openPGlite({ dataDir: config.dataDir });
}
