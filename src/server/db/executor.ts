import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** What queries run on: the database or an open transaction. */
export type Db = Kysely<DB> | Transaction<DB>;
