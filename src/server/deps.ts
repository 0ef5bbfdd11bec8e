import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Database } from './db/connect.ts';
import type { FieldCipher } from './db/fieldCipher.ts';
import type { DB } from './db/schema.ts';

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/** What the app is built from; tests pass their own database and clock. */
export type Deps = {
  database: Database;
  db: Kysely<DB>;
  config: Config;
  clock: Clock;
  /** Encrypts resident ID numbers and other sensitive fields at rest. */
  cipher: FieldCipher;
};
