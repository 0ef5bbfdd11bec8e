import { sql } from 'kysely';
import type { Role } from '../../domain/access/roles.ts';
import type { Deps } from '../deps.ts';
import { seedEnrollmentDemo } from '../modules/enrollment/index.ts';
import * as geography from '../modules/geography/index.ts';
import { seedArticleDemo, seedCourseDemo, seedTrainingDemo } from '../modules/guidance/index.ts';
import { createDemoInstitution, seedInstitutionDemo, townshipCentre } from '../modules/institutions/index.ts';
import { seedSubsidyDemo } from '../modules/subsidies/index.ts';
import { seedComplaintDemo, seedSupervisionDemo } from '../modules/supervision/index.ts';
import { appendAudit, SYSTEM_CONTEXT } from '../platform/audit/auditLog.ts';
import { createAccount, hasAnyAccount } from '../platform/auth/accounts.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { seedDemoNotifications } from './notifications.ts';
import { demoPopulation } from './population.ts';
import { markDemo } from './settings.ts';

export const DEMO_PASSWORD = 'tuoyu-demo';

const GUIDANCE_CENTER = { name: '连云港市婴幼儿照护服务指导中心', divisionCode: '320706006' };

type DemoAccount = { phone: string; name: string; role: Role; divisionCode?: string; institution?: true };

/** The demo accounts listed in the README; all share the password `tuoyu-demo`. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { phone: '13900000000', name: '系统管理员', role: 'admin' },
  { phone: '13900000001', name: '王卫健（市卫健委）', role: 'city_official', divisionCode: '320700' },
  { phone: '13900000002', name: '李海州（海州区卫健局）', role: 'district_official', divisionCode: '320706' },
  { phone: '13900000003', name: '陈园长', role: 'institution_admin', institution: true },
  { phone: '13900000004', name: '赵保育', role: 'caregiver', institution: true },
  { phone: '13900000005', name: '刘家长', role: 'parent' },
];

const DEMO_POINT_SOURCE = '演示数据：近似位置，未经测绘 (demo: approximate, not surveyed)';

// Same key in every process: two servers starting on one empty database seed it once.
const SEED_LOCK = 7_300_003;

/** Loads the model city's divisions into an empty database; real deployments need them too. */
export async function ensureDivisions(deps: Deps): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    if ((await geography.countDivisions(trx)) > 0) return false;
    await geography.insertDivisions(trx, geography.readBundledDivisions());
    await appendAudit(trx, SYSTEM_CONTEXT, { action: 'divisions.load_bundled', entityType: 'division' }, deps.clock.now());
    return true;
  });
}

/** Fills an empty database with the Lianyungang demo. Returns false when there were users already. */
export async function seedDemo(deps: Deps): Promise<boolean> {
  await ensureDivisions(deps);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return deps.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    if (await hasAnyAccount(trx)) return false;
    const now = deps.clock.now();
    const divisions = geography.readBundledDivisions();
    await geography.upsertPopulation(trx, [...demoPopulation(divisions, 2024), ...demoPopulation(divisions, 2025)], now);
    // Accessibility's demand points sit where the demo placed each township's institutions.
    await geography.setReferencePoints(
      trx,
      divisions
        .filter((d) => d.level === 'township')
        .map((d) => ({ code: d.code, ...townshipCentre(d.code, d.name), source: DEMO_POINT_SOURCE })),
    );
    const guidanceCenterId = await createDemoInstitution(trx, GUIDANCE_CENTER);
    const accounts: { userId: string; role: Role }[] = [];
    for (const account of DEMO_ACCOUNTS) {
      const userId = await createAccount(trx, { phone: account.phone, name: account.name, passwordHash }, [
        {
          role: account.role,
          ...(account.divisionCode ? { divisionCode: account.divisionCode } : {}),
          ...(account.institution ? { institutionId: guidanceCenterId } : {}),
        },
      ]);
      accounts.push({ userId, role: account.role });
    }
    await seedDemoNotifications(trx, accounts, now);
    await seedInstitutionDemo(trx, { guidanceCenterId, passwordHash, now, cipher: deps.cipher });
    await seedEnrollmentDemo(trx, { now, passwordHash });
    await seedSubsidyDemo(trx, { now, passwordHash });
    const demoUser = (role: Role) => (accounts.find((a) => a.role === role) as { userId: string }).userId;
    await seedComplaintDemo(trx, { now, parentId: demoUser('parent'), officialId: demoUser('district_official') });
    const cityOfficialId = accounts.find((a) => a.role === 'city_official')?.userId as string;
    await seedArticleDemo(trx, { now, passwordHash, cityOfficialId });
    const accountOf = (role: Role) => accounts.find((a) => a.role === role)?.userId as string;
    await seedCourseDemo(trx, { guidanceCenterId, staffUserId: accountOf('institution_admin'), keepFreeUserId: accountOf('parent'), now });
    await seedTrainingDemo(trx, { guidanceCenterId, staffUserId: accountOf('institution_admin'), now });
    await seedSupervisionDemo(trx, { now, guidanceCenterId });
    await markDemo(trx, now);
    await appendAudit(trx, SYSTEM_CONTEXT, { action: 'demo.seed', entityType: 'system', detail: { accounts: DEMO_ACCOUNTS.length } }, now);
    return true;
  });
}
