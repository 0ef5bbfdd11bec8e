import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createEnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import { createFiledInstitution, designateInclusive } from '../../../../../test/harness/factories/institutions.ts';
import { signal } from '../../../../../test/harness/signal.ts';
import type { Database } from '../../../db/connect.ts';
import { pruneSearchChanges } from './queries.ts';
import { SearchQuery } from './schemas.ts';
import { SearchCache } from './searchCache.ts';
import { search } from './searchIndex.ts';

const TODAY = '2026-11-29';

const names = (r: { items: { name: string }[] }) => r.items.map((i) => i.name);

/** Another process's index: on PGlite it listens, on PostgreSQL it reads the version. */
async function started(t: TestApp) {
  const cache = new SearchCache(t.deps.database);
  await cache.start();
  return cache;
}

describe.each(DIALECTS)('search index kept exact on %s', (dialect) => {
  let t: TestApp;
  let township: string;
  let district: string;
  const inDistrict = async (cache: SearchCache, extra: Record<string, string> = {}) =>
    search(await cache.current(), SearchQuery.parse({ division: district, pageSize: '100', ...extra }), TODAY);

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const d = await createDistrict(t.deps.db, '索引区');
    district = d.districtCode;
    township = d.townshipCodes[0] as string;
  });
  afterAll(() => t.close());

  it('sees what another process committed, and a change whose notes were pruned before it looked', async () => {
    const other = await started(t);
    expect((await inDistrict(other)).total).toBe(0);
    const a = await createFiledInstitution(t.deps.db, township, '甲托育园');
    expect(names(await inDistrict(other))).toEqual(['甲托育园']);

    await designateInclusive(t.deps.db, a.id);
    await sql`update institution_search_commits set committed_at = now() - interval '2 hours'`.execute(t.deps.db);
    await pruneSearchChanges(t.deps.db);
    const left = await t.deps.db
      .selectFrom('institution_search_changes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
    expect(names(await inDistrict(other, { inclusive: 'true' }))).toEqual(['甲托育园']);
    // The app's own index, untouched since, agrees through its full reload.
    const res = await t.app.inject({ url: `/api/v1/institutions/search?division=${district}&inclusive=true` });
    expect(res.json().items.map((i: { name: string }) => i.name)).toEqual(['甲托育园']);
  });

  it('answers searches running alongside enrollments with the vacancies of the moment, and exactly once they end', async () => {
    const cache = await started(t);
    const b = await createFiledInstitution(t.deps.db, township, '乙托育园', { classes: [{ classType: 'toddler', capacity: 15 }] });
    const classId = b.classIds[0] as string;
    const seen: number[] = [];
    const looking = (async () => {
      for (let i = 0; i < 30; i++) {
        const r = await inDistrict(cache);
        seen.push(r.items.find((x) => x.name === '乙托育园')?.vacancies.toddler as number);
      }
    })();
    await Promise.all(Array.from({ length: 10 }, () => createEnrolledChild(t.deps.db, { institutionId: b.id, classId })));
    await looking;
    // Never more free places than before, never fewer than after, and never going back up.
    expect(seen.every((v, i) => v <= 15 && v >= 5 && (i === 0 || v <= (seen[i - 1] as number)))).toBe(true);
    // Many searches at once, right after the last commit: every one sees it.
    const after = await Promise.all(Array.from({ length: 20 }, () => inDistrict(cache)));
    for (const r of after) expect(r.items.find((x) => x.name === '乙托育园')?.vacancies).toEqual({ toddler: 5 });
  });
});

describe.each(DIALECTS.filter((d) => d === 'postgres'))('search index and transactions in flight on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('does not skip a change that commits after a later-started one', async () => {
    const d = await createDistrict(t.deps.db, '事务区');
    const township = d.townshipCodes[0] as string;
    const slow = await createFiledInstitution(t.deps.db, township, '慢托育园');
    const fast = await createFiledInstitution(t.deps.db, township, '快托育园');
    const cache = await started(t);
    const inclusive = async () =>
      names(search(await cache.current(), SearchQuery.parse({ division: d.districtCode, inclusive: 'true' }), TODAY));
    expect(await inclusive()).toEqual([]);

    const commitSlow = signal();
    const written = signal();
    const slowTransaction = t.deps.db.transaction().execute(async (trx) => {
      await designateInclusive(trx, slow.id);
      written.fire();
      await commitSlow.fired;
    });
    await written.fired;
    await designateInclusive(t.deps.db, fast.id);
    expect(await inclusive()).toEqual(['快托育园']);
    commitSlow.fire();
    await slowTransaction;
    expect((await inclusive()).sort()).toEqual(['快托育园', '慢托育园'].sort());
  });
});

describe.each(DIALECTS.filter((d) => d === 'postgres'))('a visitor’s search may lag a commit by a bounded time on %s', (dialect) => {
  let t: TestApp;
  let district: string;
  let township: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const d = await createDistrict(t.deps.db, '滞后区');
    district = d.districtCode;
    township = d.townshipCodes[0] as string;
  });
  afterAll(() => t.close());

  /** The test database, its notifications passed on, dropped, or its listener reported lost. */
  function database(notifications: 'passed' | 'dropped' | 'lost'): Database {
    return {
      ...t.deps.database,
      listen: (channel, onPayload, onState) =>
        notifications === 'passed'
          ? t.deps.database.listen(channel, onPayload, onState)
          : t.deps.database.listen(
              channel,
              () => {},
              (listening) => onState?.(notifications === 'lost' ? false : listening),
            ),
    };
  }

  const visible = async (cache: SearchCache, exact = false) =>
    names(search(await cache.current({ exact }), SearchQuery.parse({ division: district, pageSize: '100' }), TODAY));

  it('learns of another process’s commit by notification, well within the lag', async () => {
    const cache = new SearchCache(database('passed'), { maxLagMs: 60_000 });
    await cache.start();
    try {
      await createFiledInstitution(t.deps.db, township, '通知托育园');
      // The poll is a minute away: only the notification can bring it.
      await expect.poll(() => visible(cache), { timeout: 2_000, interval: 10 }).toContain('通知托育园');
    } finally {
      cache.stop();
    }
  });

  it('without notifications, a visitor waits for the poll while an exact search sees the commit at once', async () => {
    const silent = new SearchCache(database('dropped'), { maxLagMs: 60_000 });
    const polling = new SearchCache(database('dropped'), { maxLagMs: 200 });
    await Promise.all([silent.start(), polling.start()]);
    try {
      await createFiledInstitution(t.deps.db, township, '轮询托育园');
      expect(await visible(silent)).not.toContain('轮询托育园');
      expect(await visible(silent, true)).toContain('轮询托育园');
      const committed = Date.now();
      await expect.poll(() => visible(polling), { timeout: 2_000, interval: 10 }).toContain('轮询托育园');
      expect(Date.now() - committed).toBeLessThan(1_000);
    } finally {
      silent.stop();
      polling.stop();
    }
  });

  it('while its listener is lost, every search asks the database', async () => {
    const cache = new SearchCache(database('lost'), { maxLagMs: 60_000 });
    await cache.start();
    try {
      await createFiledInstitution(t.deps.db, township, '断线托育园');
      expect(await visible(cache)).toContain('断线托育园');
    } finally {
      cache.stop();
    }
  });
});
