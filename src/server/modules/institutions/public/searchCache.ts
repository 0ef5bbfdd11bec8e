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

export type SearchCacheOptions = {
  /**
   * PostgreSQL: how long a search by someone not signed in may lag a commit. Such searches take
   * the commits this process was notified of, and a poll this often catches a notification that
   * went astray; 0 makes every search ask the database for the version.
   */
  maxLagMs?: number;
};

/**
 * The search index of this process. Each reload patches in the institutions changed since the
 * version it holds (migration 0016). How a search knows it must reload:
 * - PGlite: every commit happens in this process and its notification arrives before the commit
 *   returns, so counting notifications is exact.
 * - PostgreSQL, exact (signed-in users, who must see their own writes on their next search, and
 *   every search while the listener is down): reads the version, one read shared by the searches
 *   waiting for it.
 * - PostgreSQL, anyone else: counts notifications from LISTEN, arriving a moment after each
 *   commit, and a poll every `maxLagMs` bounds the lag if one goes astray.
 */
export class SearchCache {
  #index: SearchIndex | null = null;
  #version = -1;
  #reloading: Promise<void> | null = null;
  #inFlight: Promise<number> | null = null;
  #queued: Promise<number> | null = null;
  /** Commits notified so far (any schema's: a stranger's only costs a reload). */
  #notes = 0;
  /** The notes counted when the index held now began loading. */
  #loadedNotes = -1;
  #listening = false;
  #poll: NodeJS.Timeout | null = null;
  readonly #maxLagMs: number;

  constructor(
    private readonly database: Database,
    { maxLagMs = 0 }: SearchCacheOptions = {},
  ) {
    this.#maxLagMs = database.kind === 'pglite' ? 0 : maxLagMs;
  }

  private get db(): Kysely<DB> {
    return this.database.db;
  }

  /** Listens where notifications can be relied on, then loads the index. */
  async start() {
    if (this.database.kind === 'pglite' || this.#maxLagMs > 0) {
      await this.database.listen(
        CHANNEL,
        () => {
          this.#notes += 1;
        },
        (listening) => {
          this.#listening = listening;
          // Commits while nobody listened went unnoticed.
          this.#notes += 1;
        },
      );
    }
    if (this.#maxLagMs > 0) {
      this.#poll = setInterval(() => void this.#pollVersion(), this.#maxLagMs);
      this.#poll.unref();
    }
    await this.current();
  }

  stop() {
    if (this.#poll) clearInterval(this.#poll);
    this.#poll = null;
  }

  /** The index; `exact` asks that it hold every commit made before the call (PostgreSQL). */
  async current({ exact = false } = {}): Promise<SearchIndex> {
    const askVersion = this.database.kind === 'postgres' && (exact || !this.#listening);
    if (askVersion) {
      const version = await this.#latestVersion();
      while (this.#index === null || this.#version < version) await this.#reloadOnce();
    } else {
      // A reload already running may have begun before the latest note: then one more.
      const wanted = this.#notes;
      while (this.#index === null || this.#loadedNotes < wanted) await this.#reloadOnce();
    }
    return this.#index as SearchIndex;
  }

  async #pollVersion() {
    try {
      if ((await this.#latestVersion()) > this.#version) this.#notes += 1;
    } catch {
      // The next poll, or the next exact search, asks again.
    }
  }

  /** Concurrent searches share one reload. */
  #reloadOnce(): Promise<void> {
    this.#reloading ??= this.#reload().finally(() => {
      this.#reloading = null;
    });
    return this.#reloading;
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
    const notes = this.#notes;
    const { version, pruned_through, changed } = await readChangesSince(this.db, this.#version);
    if (this.#index === null || this.#version < Number(pruned_through) || changed.length > FULL_RELOAD_AT) {
      this.#index = new SearchIndex(await loadSearchEntries(this.db));
    } else {
      this.#index.replace(changed, await loadSearchEntries(this.db, changed));
    }
    this.#version = Number(version);
    this.#loadedNotes = notes;
  }
}
