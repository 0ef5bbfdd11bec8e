import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../db/connect.ts';
import type { DB } from '../../../db/schema.ts';
import { SearchIndex } from './searchIndex.ts';
import { loadSearchEntries } from './searchLoad.ts';

// Named in migration 0016's stamp_institution_search_changes().
const CHANNEL = 'institution_search';

// Past this many changed institutions, one full read is cheaper than patching.
const FULL_RELOAD_AT = 2_000;

// Commits older than this and their notes are deleted; a process that has not searched for as
// long reloads everything on its next search.
const KEEP_NOTES = '1 hour';

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
    const read = this.db
      .selectFrom('institution_search_version')
      .select('version')
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.version))
      .finally(() => {
        if (this.#inFlight === read) this.#inFlight = null;
      });
    this.#inFlight = read;
    return read;
  }

  async #reload() {
    const head = await changesSince(this.#version).execute(this.db);
    const { version, pruned_through, changed } = head.rows[0] as { version: number; pruned_through: number; changed: string[] };
    if (this.#index === null || this.#version < Number(pruned_through) || changed.length > FULL_RELOAD_AT) {
      this.#index = new SearchIndex(await loadSearchEntries(this.db));
    } else {
      this.#index.replace(changed, await loadSearchEntries(this.db, changed));
    }
    this.#version = Number(version);
  }
}

/**
 * The version, how far notes were pruned, and the institutions changed after `version`: one
 * statement, one snapshot, so the three agree even while notes are being pruned.
 */
export function changesSince(version: number) {
  return sql<{ version: number; pruned_through: number; changed: string[] }>`
    select v.version, v.pruned_through, (
      select coalesce(json_agg(distinct n.institution_id), '[]')
      from institution_search_commits c join institution_search_changes n on n.txid = c.txid
      where c.version > ${version} and c.version <= v.version
    ) as changed
    from institution_search_version v`;
}

/** Deletes old change notes; run on a schedule by src/server/main.ts. */
export async function pruneSearchChanges(db: Kysely<DB>) {
  await sql`
    with gone as (
      delete from institution_search_commits where committed_at < now() - ${KEEP_NOTES}::interval returning txid, version
    ), notes as (
      delete from institution_search_changes n using gone where n.txid = gone.txid
    )
    update institution_search_version
    set pruned_through = greatest(pruned_through, (select max(version) from gone))
    where exists (select 1 from gone)`.execute(db);
}
