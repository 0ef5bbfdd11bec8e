import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

/**
 * The key comes from FIELD_ENCRYPTION_KEY (base64, 32 bytes). Without it, a key file in
 * DATA_DIR is made once and reused — fine for one machine, but production on PostgreSQL with
 * several servers must share one key, so there it is required.
 */
export function loadFieldKey(config: Config): Buffer {
  if (config.fieldEncryptionKey) return Buffer.from(config.fieldEncryptionKey, 'base64');
  if (config.env === 'production' && config.databaseUrl) {
    throw new Error(
      'FIELD_ENCRYPTION_KEY is required in production with DATABASE_URL (base64 of 32 random bytes: `openssl rand -base64 32`)',
    );
  }
  const file = path.join(config.dataDir, 'field.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
}
