// The server of the check-in rush: 100 filed institutions of two filed classes each, a caregiver
// on every class and one caregiver account per institution, 2,000 children enrolled (20 per
// institution) for the last 120 days. With BENCH_ATTACH it only serves a database another bench
// server has filled.
import { addDaysIso, todayInShanghai } from '../src/domain/dates/shanghai.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { openBench, serveBench, signIn } from './serve.ts';

const INSTITUTIONS = 100;
const CHILDREN_EACH = 20;
const ENROLLED_DAYS = 120;

export type CheckinReady = {
  seedMs: number;
  enrolledDays: number;
  /** Children in the order the clients take them: consecutive ones are at different institutions. */
  children: { childId: string; cookie: string }[];
};

const PASSWORD = 'bench-pass-2026';
const deps = await openBench();

async function seed(): Promise<{ seedMs: number; children: { childId: string; phone: string }[] }> {
  const started = Date.now();
  const db = deps.db;
  const now = new Date();
  const startDate = addDaysIso(todayInShanghai(now), -ENROLLED_DAYS);
  const passwordHash = await hashPassword(PASSWORD);
  const townships = await db.selectFrom('divisions').select('code').where('level', '=', 'township').limit(INSTITUTIONS).execute();
  const parent = await db
    .insertInto('users')
    .values({ phone: '13800000000', name: '压测家长', password_hash: passwordHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  const perInstitution: { childId: string; phone: string }[][] = [];
  for (let k = 0; k < INSTITUTIONS; k++) {
    const division = townships[k % townships.length]?.code as string;
    const institution = await db
      .insertInto('institutions')
      .values({ name: `压测托育园${k + 1}`, division_code: division, status: 'filed' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const classes = await db
      .insertInto('institution_classes')
      .values(
        (['toddler', 'older_toddler'] as const).map((type, i) => ({
          institution_id: institution.id,
          class_type: type,
          name: `${i + 1}班`,
          capacity: 15,
          filed_class_type: type,
          filed_name: `${i + 1}班`,
          filed_capacity: 15,
        })),
      )
      .returning('id')
      .execute();
    const staff = await db
      .insertInto('institution_staff')
      .values(classes.map((_, i) => ({ institution_id: institution.id, name: `保育员${k + 1}-${i + 1}`, role: 'caregiver' })))
      .returning('id')
      .execute();
    await db
      .insertInto('class_caregivers')
      .values(classes.map((c, i) => ({ class_id: c.id, staff_id: staff[i]?.id as string })))
      .execute();
    const phone = `1380100${String(k).padStart(4, '0')}`;
    const caregiver = await db
      .insertInto('users')
      .values({ phone, name: `保育员${k + 1}`, password_hash: passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('user_roles').values({ user_id: caregiver.id, role: 'caregiver', institution_id: institution.id }).execute();
    const children = await db
      .insertInto('children')
      .values(
        Array.from({ length: CHILDREN_EACH }, (_, i) => ({
          name: `压测${k + 1}-${i + 1}`,
          sex: i % 2 ? 'male' : 'female',
          birth_date: '2024-09-15',
          residence_division_code: division,
          created_by: parent.id,
        })),
      )
      .returning('id')
      .execute();
    await db
      .insertInto('child_guardians')
      .values(
        children.map((c) => ({ child_id: c.id, user_id: parent.id, relation: 'mother', consent_version: 'bench', consented_at: now })),
      )
      .execute();
    await db
      .insertInto('enrolments')
      .values(
        children.map((c, i) => ({
          child_id: c.id,
          institution_id: institution.id,
          class_id: classes[i % 2]?.id as string,
          start_date: startDate,
        })),
      )
      .execute();
    perInstitution.push(children.map((c) => ({ childId: c.id, phone })));
  }
  const children = Array.from({ length: CHILDREN_EACH }, (_, i) => perInstitution.map((list) => list[i] as (typeof list)[number])).flat();
  return { seedMs: Date.now() - started, children };
}

if (process.env.BENCH_ATTACH) await serveBench(deps);
else {
  const seeded = await seed();
  await serveBench(
    deps,
    async (app) => {
      const cookies = new Map<string, string>();
      for (const { phone } of seeded.children) if (!cookies.has(phone)) cookies.set(phone, await signIn(app, phone, PASSWORD));
      return {
        seedMs: seeded.seedMs,
        enrolledDays: ENROLLED_DAYS,
        children: seeded.children.map((c) => ({ childId: c.childId, cookie: cookies.get(c.phone) as string })),
      } satisfies CheckinReady;
    },
    async (message) => {
      if (message.type !== 'attendance') return undefined;
      const { n } = await deps.db
        .selectFrom('attendance')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(n);
    },
  );
}
