import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Role } from '../../../src/domain/access/roles.ts';
import type { DB } from '../../../src/server/db/schema.ts';
import { hashPassword } from '../../../src/server/platform/auth/passwords.ts';

export const TEST_PASSWORD = 'test-pass-2026';
let passwordHash: Promise<string> | undefined;
let phones = 0;

/** A unique mainland mobile number per call. */
export function nextPhone(): string {
  phones += 1;
  return `137${String(process.pid % 10_000).padStart(4, '0')}${String(phones).padStart(4, '0')}`;
}

export async function createUser(
  db: Kysely<DB>,
  grant: { role: Role; divisionCode?: string; institutionId?: string },
  overrides: { phone?: string; name?: string; password?: string } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = overrides.password ? await hashPassword(overrides.password) : await passwordHash;
  const phone = overrides.phone ?? nextPhone();
  const user = await db
    .insertInto('users')
    .values({ phone, name: overrides.name ?? `测试${grant.role}`, password_hash: hash })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('user_roles')
    .values({ user_id: user.id, role: grant.role, division_code: grant.divisionCode ?? null, institution_id: grant.institutionId ?? null })
    .execute();
  return { id: user.id, phone, password: overrides.password ?? TEST_PASSWORD, grant };
}

/** Signs in through the real route and returns the Cookie header to send. */
export async function signIn(app: FastifyInstance, phone: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${phone}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'tuoyu_session');
  if (!cookie) throw new Error('no session cookie');
  return `tuoyu_session=${cookie.value}`;
}
