// The server of the oversight bench: the province of indicatorsData.ts and a city official of
// its first city (a city is the largest root tuoyu has). On request it files one more
// institution in that city, as a filing's decision does, to show the next answer counts it.
import { todayInShanghai } from '../src/domain/dates/shanghai.ts';
import { publishFiledVersion } from '../src/server/modules/institutions/filing/queries.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { ROOT, seedProvince } from './indicatorsData.ts';
import { openBench, serveBench, signIn } from './serve.ts';

export type IndicatorsReady = { seedMs: number; cookie: string; township: string };

const PASSWORD = 'bench-pass-2026';
const deps = await openBench();
const started = Date.now();
const now = new Date();
await seedProvince(deps.db, todayInShanghai(now), now);
const official = await deps.db
  .insertInto('users')
  .values({ phone: '13800000001', name: '压测市卫健委', password_hash: await hashPassword(PASSWORD) })
  .returning('id')
  .executeTakeFirstOrThrow();
await deps.db.insertInto('user_roles').values({ user_id: official.id, role: 'city_official', division_code: ROOT }).execute();
const seedMs = Date.now() - started;
const township = `${ROOT.slice(0, 4)}01001`;

async function fileOne(): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const institution = await trx
      .insertInto('institutions')
      .values({
        name: '压测新备案托育园',
        division_code: township,
        status: 'filed',
        credit_code: '913299999999999999',
        operator_type: 'community',
        address: '压测路新1号',
        lat: 31.5,
        lng: 117.6,
        indoor_area_m2: 300,
        outdoor_area_m2: 100,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('institution_classes')
      .values({ institution_id: institution.id, class_type: 'toddler', name: '1班', capacity: 20 })
      .execute();
    await publishFiledVersion(trx, institution.id, '压测备新', new Date());
    return 20;
  });
}

await serveBench(
  deps,
  async (app) => ({ seedMs, cookie: await signIn(app, '13800000001', PASSWORD), township }) satisfies IndicatorsReady,
  async (message) => (message.type === 'file' ? fileOne() : undefined),
);
