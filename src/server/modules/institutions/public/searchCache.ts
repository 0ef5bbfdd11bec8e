import type { Kysely } from 'kysely';
import type { Database } from '../../../db/connect.ts';
import type { DB } from '../../../db/schema.ts';
import { readChangesSince, readSearchVersion } from './queries.ts';
import { SearchIndex } from './searchIndex.ts';
import { loadSearchEntries } from './searchLoad.ts';

// Named in migration 0016's stamp_institution_search_changes().
const CHANNEL = 'institution_search';

// Past this many changed institutions, one full read is cheaper than patching.
const FULL_RELOAD_AT = 2_000;

/**
 * The search index of this process, exact as of the latest committed change: each search learns
 * the version (migration 0016) and, when a transaction has committed since, reloads the
 * institutions noted in between. Concurrent searches share one reload. On PostgreSQL each search
 * reads the version; on PGlite every commit happens in this process and its notification arrives
 * before the commit returns (Database.listen), so a search asks the database only to reload.
 */
export class SearchCache {
  #index: SearchIndex | null = null;
  #version = -1;
  #reloading: Promise<void> | null = null;
  #inFlight: Promise<number> | null = null;
  #queued: Promise<number> | null = null;
  /** Listening: the latest version notified. */
  #notified: number | null = null;

  constructor(private readonly database: Database) {}

  private get db(): Kysely<DB> {
    return this.database.db;
  }

  /** Listens where the database can tell this process of every commit, then loads the index. */
  async start() {
    if (this.database.listen && this.#notified === null) {
      this.#notified = 0;
      await this.database.listen(CHANNEL, (payload) => {
        this.#notified = Math.max(this.#notified ?? 0, Number(payload));
      });
    }
    await this.current();
  }

  async current(): Promise<SearchIndex> {
    const version = this.#notified ?? (await this.#latestVersion());
    while (this.#index === null || this.#version < version) {
      this.#reloading ??= this.#reload().finally(() => {
        this.#reloading = null;
      });
      await this.#reloading;
    }
    return this.#index;
  }

  /**
   * The version as read by a query that started after this call: the read in flight when there is
   * none yet, else the next one, which every caller arriving meanwhile shares. Fifty concurrent
   * searches then take one or two reads, not fifty.
   */
  #latestVersion(): Promise<number> {
    if (!this.#inFlight) return this.#readVersion();
    this.#queued ??= this.#inFlight.then(
      () => this.#readVersion(),
      () => this.#readVersion(),
    );
    return this.#queued;
  }

  #readVersion(): Promise<number> {
    this.#queued = null;
    const read = readSearchVersion(this.db).finally(() => {
      if (this.#inFlight === read) this.#inFlight = null;
    });
    this.#inFlight = read;
    return read;
  }

  async #reload() {
    const { version, pruned_through, changed } = await readChangesSince(this.db, this.#version);
    if (this.#index === null || this.#version < Number(pruned_through) || changed.length > FULL_RELOAD_AT) {
      this.#index = new SearchIndex(await loadSearchEntries(this.db));
    } else {
      this.#index.replace(changed, await loadSearchEntries(this.db, changed));
    }
    this.#version = Number(version);
  }
}
